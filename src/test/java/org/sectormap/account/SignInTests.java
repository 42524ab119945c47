package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import jakarta.servlet.http.Cookie;

@DatabaseTest
class SignInTests {

    private static final String FAILED = "Enter a correct email address and password. After 5 wrong tries in a row "
            + "an account is locked for 15 minutes";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    private ResultActions signIn(String as, String with) throws Exception {
        return mvc.perform(post("/sign-in").param("email", as).param("password", with).with(csrf()).with(anonymous()));
    }

    @Test
    void shouldSendAnAnonymousPageRequestToSignInAndRefuseAnAnonymousApiCallWithJson() throws Exception {
        mvc.perform(get("/organisations").with(anonymous()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/api/organisations").with(anonymous()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value(Matchers.startsWith("Sign in first")));
        mvc.perform(post("/api/organisations/1/attempts").with(anonymous()).contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void shouldLeaveWhatSigningInNeedsOpen() throws Exception {
        mvc.perform(get("/sign-in").with(anonymous())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("autocomplete=\"current-password\"")));
        mvc.perform(get("/css/app.css").with(anonymous())).andExpect(status().isOk());
        mvc.perform(get("/js/conditional.js").with(anonymous())).andExpect(status().isOk());
    }

    @Test
    void shouldSignInWithAnyCaseOfTheEmail() throws Exception {
        signIn(email.toUpperCase(), password).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
    }

    @Test
    void shouldSayTheSameForAnUnknownEmailAWrongPasswordAndALockedAccount() throws Exception {
        signIn("nobody@test.example", password).andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        signIn(email, "not the password").andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        jdbc.update("UPDATE app_user SET locked_until = ?", Timestamp.valueOf(LocalDateTime.now().plusMinutes(5)));
        signIn(email, password).andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        // What the forward shows, for every one of them: the email kept, one message, a 422.
        mvc.perform(post(SignInOutcomes.FAILED_PATH).param("email", "nobody@test.example").with(csrf()).with(anonymous()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString(FAILED)))
                .andExpect(content().string(Matchers.containsString("value=\"nobody@test.example\"")));
    }

    @Test
    void shouldLockAnAccountForAWhileAfterFiveWrongPasswords() throws Exception {
        for (int i = 0; i < 4; i++) {
            signIn(email, "wrong password " + i).andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        }
        signIn(email, password).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong password " + i).andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        }
        // Locked: even the right password is refused, the same way as any failure.
        signIn(email, password).andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        assertThat(jdbc.queryForObject("SELECT locked_until FROM app_user", Timestamp.class).toLocalDateTime())
                .isAfter(LocalDateTime.now().plusMinutes(14)).isBefore(LocalDateTime.now().plusMinutes(16));
        // Failures while locked do not extend the lock.
        signIn(email, "wrong again").andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        assertThat(jdbc.queryForObject("SELECT failed_sign_ins FROM app_user", Integer.class)).isZero();

        jdbc.update("UPDATE app_user SET locked_until = ?", Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)));
        signIn(email, password).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("SELECT locked_until FROM app_user", Timestamp.class)).isNull();
    }

    @Test
    void shouldSignOutWithAPostAndDeleteTheStoredSession() throws Exception {
        Cookie session = signIn(email, password).andExpect(status().isFound()).andReturn().getResponse()
                .getCookie("SESSION");
        assertThat(storedSessionsOf(email)).isOne();
        assertThat(jdbc.queryForObject("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?",
                Integer.class, email)).as("seconds idle before the session ends").isEqualTo(3600);
        mvc.perform(get("/sign-out").cookie(session)).andExpect(status().isNotFound());
        mvc.perform(post("/sign-out").cookie(session).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in?signedOut"));
        assertThat(storedSessionsOf(email)).isZero();
    }

    private int storedSessionsOf(String principal) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                principal);
    }

    @Test
    void shouldKeepCsrfForCookieApiCallsAndSkipItForTokens() throws Exception {
        String attempt = "{\"attemptedOn\": \"2020-01-01\", \"method\": \"telephone\", \"outcome\": \"no-answer\"}";
        // No such organisation: a 404 shows the request got past CSRF and sign-in, without changing anything.
        long id = 0;
        mvc.perform(post("/api/organisations/{id}/attempts", id + 424242).contentType("application/json").content(attempt))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/organisations/{id}/attempts", id + 424242).with(csrf()).contentType("application/json")
                .content(attempt)).andExpect(status().isNotFound());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id + 424242).with(anonymous())
                .contentType("application/json").content(attempt)).andExpect(status().isNotFound());
        mvc.perform(post("/api/organisations/{id}/attempts", id + 424242).with(anonymous())
                .header("Authorization", "Bearer not-a-token").contentType("application/json").content(attempt))
                .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void shouldSignInWithATokenTheApiAloneNotThePages() throws Exception {
        String bearer = "Bearer " + ApiCalls.TOKEN;
        mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", bearer)).andExpect(status().isOk());
        mvc.perform(get("/organisations").with(anonymous()).header("Authorization", bearer))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/sign-in"));
        // Nor does a token spare a page's form its CSRF check: a leaked token erases nobody.
        mvc.perform(post("/privacy/erasure/confirmed").with(anonymous()).header("Authorization", bearer)
                .param("name", "Nobody In Particular")).andExpect(redirectedUrl("/sign-in"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ERASED'", Integer.class)).isZero();
    }

    @Test
    void shouldStopHonouringARevokedTokenOrADisabledUser() throws Exception {
        mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk());
        jdbc.update("UPDATE app_user SET enabled = FALSE");
        mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isUnauthorized());
        jdbc.update("UPDATE app_user SET enabled = TRUE");
        jdbc.update("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP");
        mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isUnauthorized());
    }
}
