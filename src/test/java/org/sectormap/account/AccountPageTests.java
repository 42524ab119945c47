package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DatabaseTest
class AccountPageTests {

    private static final RequestPostProcessor ADMIN = user("admin@test.example").roles("ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private int apiStatus(String token) throws Exception {
        return mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }

    @Test
    void shouldCreateATokenShownOnceThatWorksUntilRevoked() throws Exception {
        String page = mvc.perform(post("/account/tokens").with(ADMIN).with(csrf()).param("tokenName", "Nightly export"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = Jsoup.parse(page).getElementById("new-token").text();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForList("SELECT token_hash FROM api_token", String.class))
                .contains(Tokens.hash(token)).doesNotContain(token);
        assertThat(apiStatus(token)).isEqualTo(200);

        String again = mvc.perform(get("/account").with(ADMIN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Nightly export").doesNotContain(token);

        long id = jdbc.queryForObject("SELECT id FROM api_token WHERE name = 'Nightly export'", Long.class);
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/account"));
        assertThat(apiStatus(token)).isEqualTo(401);
        mvc.perform(get("/account").with(ADMIN))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Nightly export"))));
    }

    @Test
    void shouldAskForATokenNameAndRevokeOnlyOnesOwnTokens() throws Exception {
        mvc.perform(post("/account/tokens").with(ADMIN).with(csrf()).param("tokenName", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Enter a name for the token")));
        long bootstrapToken = jdbc.queryForObject("SELECT id FROM api_token", Long.class);
        jdbc.update("INSERT INTO app_user (email, password_hash, role, enabled, failed_sign_ins, created_at) "
                + "VALUES ('other@test.example', '{noop}x', 'RESEARCHER', TRUE, 0, CURRENT_TIMESTAMP)");
        mvc.perform(post("/account/tokens/{id}/revoke", bootstrapToken).with(user("other@test.example").roles("RESEARCHER"))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE revoked_at IS NULL", Integer.class)).isOne();
    }
}
