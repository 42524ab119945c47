package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.hamcrest.Matchers;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.ErrorPattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DatabaseTest
class UserAdministrationTests {

    private static final RequestPostProcessor ADMIN = user("admin@test.example").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String invite(String email, String role) throws Exception {
        String page = mvc.perform(post("/users").with(ADMIN).with(csrf()).param("email", email).param("role", role))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String link = Jsoup.parse(page).getElementById("invitation-link").text();
        return link.substring(link.indexOf("/set-password/"));
    }

    private ResultActions signIn(String email, String password) throws Exception {
        return mvc.perform(post("/sign-in").with(anonymous()).with(csrf()).param("email", email).param("password", password));
    }

    private long idOf(String email) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE email = ?", Long.class, email);
    }

    @Test
    void shouldInviteSomeoneWhoChoosesAPasswordThroughAOneTimeLink() throws Exception {
        String link = invite("Researcher@Test.Example", "RESEARCHER");
        assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE email = 'researcher@test.example'", String.class))
                .isEqualTo("RESEARCHER");
        assertThat(jdbc.queryForObject("SELECT token_hash FROM invitation", String.class))
                .isEqualTo(Tokens.hash(link.substring("/set-password/".length())));

        mvc.perform(get(link).with(anonymous())).andExpect(status().isOk());
        mvc.perform(post(link).with(anonymous()).with(csrf()).param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Password must be at least 12 characters")));
        mvc.perform(post(link).with(anonymous()).with(csrf()).param("password", "a researcher's passphrase"))
                .andExpect(redirectedUrl("/sign-in"));
        signIn("researcher@test.example", "a researcher's passphrase").andExpect(redirectedUrl("/"));

        mvc.perform(get(link).with(anonymous())).andExpect(status().isNotFound());
        mvc.perform(post(link).with(anonymous()).with(csrf()).param("password", "someone else's passphrase"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/set-password/not-a-real-token").with(anonymous())).andExpect(status().isNotFound());
    }

    @Test
    void shouldNotHonourAnExpiredLink() throws Exception {
        String link = invite("late@test.example", "VIEWER");
        jdbc.update("UPDATE invitation SET expires_at = ?", Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)));
        mvc.perform(get(link).with(anonymous())).andExpect(status().isNotFound());
    }

    @Test
    void shouldCheckTheInvitation() throws Exception {
        mvc.perform(post("/users").with(ADMIN).with(csrf()).param("email", "admin@test.example"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Someone with that email address can already sign in")))
                .andExpect(content().string(Matchers.containsString("Select a role")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isOne();
    }

    @Test
    void shouldRefuseAnEmailAddressWrappedOrListedOrOfSpacesAloneAndInviteNobody() throws Exception {
        for (String email : List.of("<script>alert(1)</script>@x.co", "Jo <jo@example.org>", "a@b.org, c@d.org",
                "\u00a0@x.co")) {
            mvc.perform(post("/users").with(ADMIN).with(csrf()).param("email", email).param("role", "VIEWER"))
                    .andExpect(status().isUnprocessableContent());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invitation", Integer.class)).isZero();
    }

    @Test
    void shouldChangeARoleAndDisableAndEnableButNeverTheAdministratorThemselves() throws Exception {
        String link = invite("someone@test.example", "VIEWER");
        mvc.perform(post(link).with(anonymous()).with(csrf()).param("password", "someone's passphrase"));
        long someone = idOf("someone@test.example");

        mvc.perform(post("/users/{id}/role", someone).with(ADMIN).with(csrf()).param("role", "RESEARCHER"))
                .andExpect(redirectedUrl("/users"));
        assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, someone))
                .isEqualTo("RESEARCHER");
        String refused = mvc.perform(post("/users/{id}/role", someone).with(ADMIN).with(csrf()).param("role", "OWNER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Select a role from those offered")))
                .andReturn().getResponse().getContentAsString();
        // The error is that user's role control's, not the invitation's.
        assertThat(Jsoup.parse(refused).select(".error-summary a").eachAttr("href")).containsExactly("#role-" + someone);
        assertThat(ErrorPattern.faults(refused)).isEmpty();
        // A role in any case, as every other choice is read.
        mvc.perform(post("/users/{id}/role", someone).with(ADMIN).with(csrf()).param("role", "viewer"))
                .andExpect(redirectedUrl("/users"));
        assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, someone))
                .isEqualTo("VIEWER");

        mvc.perform(post("/users/{id}/disable", someone).with(ADMIN).with(csrf())).andExpect(redirectedUrl("/users"));
        signIn("someone@test.example", "someone's passphrase").andExpect(forwardedUrl(SignInOutcomes.FAILED_PATH));
        mvc.perform(post("/users/{id}/enable", someone).with(ADMIN).with(csrf())).andExpect(redirectedUrl("/users"));
        signIn("someone@test.example", "someone's passphrase").andExpect(redirectedUrl("/"));

        long admin = idOf("admin@test.example");
        mvc.perform(post("/users/{id}/disable", admin).with(ADMIN).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/users/{id}/role", admin).with(ADMIN).with(csrf()).param("role", "VIEWER"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForMap("SELECT role, enabled FROM app_user WHERE id = ?", admin))
                .containsEntry("ROLE", "ADMIN").containsEntry("ENABLED", true);
        mvc.perform(get("/users").with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("someone@test.example")));
    }
}
