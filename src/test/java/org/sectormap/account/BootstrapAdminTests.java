package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The test configuration names a bootstrap administrator, and CleanDatabase runs the start-up step
 * that creates it before each test, as a fresh start would.
 */
@DatabaseTest
class BootstrapAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    BootstrapAdmin bootstrap;

    private int users() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
    }

    @Test
    void shouldCreateAnAdministratorWhoSignsInAndWhoseTokenIsTheOneGiven() throws Exception {
        assertThat(jdbc.queryForMap("SELECT email, role, enabled FROM app_user"))
                .containsEntry("EMAIL", "admin@test.example").containsEntry("ROLE", "ADMIN").containsEntry("ENABLED", true);
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token", String.class))
                .isEqualTo(Tokens.hash(ApiCalls.TOKEN)).doesNotContain(ApiCalls.TOKEN);
        mvc.perform(post("/sign-in").with(anonymous()).with(csrf()).param("email", "admin@test.example")
                .param("password", "correct staple horse battery")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void shouldDoNothingOnceAUserExists() throws Exception {
        jdbc.update("UPDATE app_user SET email = 'renamed@test.example'");
        bootstrap.run(new DefaultApplicationArguments());
        assertThat(users()).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT email FROM app_user", String.class)).isEqualTo("renamed@test.example");
    }

    @Test
    void shouldRefuseToStartWithUnusableSettingsWithoutRepeatingThem() {
        jdbc.update("DELETE FROM api_token");
        jdbc.update("DELETE FROM app_user");
        BootstrapAdmin weak = new BootstrapAdmin(
                new BootstrapAdminSettings("someone@test.example", "password1234", "short"), accounts);
        assertThatThrownBy(() -> weak.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password (account.error.password.common)")
                .hasMessageContaining("token (account.error.token.invalid)")
                .hasMessageNotContaining("someone@test.example").hasMessageNotContaining("password1234");
        assertThat(users()).isZero();
    }

    @Test
    void shouldDoNothingWithoutSettings() throws Exception {
        jdbc.update("DELETE FROM api_token");
        jdbc.update("DELETE FROM app_user");
        new BootstrapAdmin(new BootstrapAdminSettings(null, null, null), accounts).run(new DefaultApplicationArguments());
        assertThat(users()).isZero();
    }

    @Test
    void shouldReadTheSettingsFromTheEnvironmentVariablesTheReadmeNames() {
        MutablePropertySources sources = new StandardEnvironment().getPropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", Map.of("SECTORMAP_BOOTSTRAP_ADMIN_EMAIL", "a@b.example",
                "SECTORMAP_BOOTSTRAP_ADMIN_PASSWORD", "a long passphrase", "SECTORMAP_BOOTSTRAP_ADMIN_TOKEN",
                "a-token-of-twenty-characters")));
        BootstrapAdminSettings settings = new Binder(ConfigurationPropertySources.from(sources))
                .bind("sectormap", BootstrapAdminSettings.class).get();
        assertThat(settings).isEqualTo(new BootstrapAdminSettings("a@b.example", "a long passphrase",
                "a-token-of-twenty-characters"));
    }
}
