package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DatabaseTest
class SetupTests {

    private static final RequestPostProcessor FROM_THE_NETWORK = request -> {
        request.setRemoteAddr("192.0.2.7");
        return request;
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void noUsers() {
        jdbc.update("DELETE FROM api_token");
        jdbc.update("DELETE FROM app_user");
    }

    @Test
    void shouldOfferSetupOnlyFromThisMachineAndOnlyWhileNobodyExists() throws Exception {
        mvc.perform(get("/sign-in").with(anonymous()))
                .andExpect(content().string(Matchers.containsString("href=\"/setup\"")));
        mvc.perform(get("/setup").with(anonymous())).andExpect(status().isOk());
        mvc.perform(get("/setup").with(anonymous()).with(FROM_THE_NETWORK)).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(anonymous()).with(FROM_THE_NETWORK).with(csrf())
                .param("email", "first@test.example").param("password", "a long enough passphrase"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/sign-in").with(anonymous()).with(FROM_THE_NETWORK))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/setup\""))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isZero();
    }

    @Test
    void shouldCheckTheEmailAndPassword() throws Exception {
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "not an email").param("password", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("&#39;not an email&#39; is not an email address")))
                .andExpect(content().string(Matchers.containsString("Password must be at least 12 characters")));
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "first@test.example")
                        .param("password", "Password1234"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("one of the most common passwords")));
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "first@test.example")
                        .param("password", "x".repeat(73)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("72 characters or fewer")));
        // 19 emoji are 76 bytes, more than bcrypt hashes: refused by the rules, not by the hash with a 500.
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "first@test.example")
                        .param("password", "\uD83D\uDE00".repeat(19)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Password is too long")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isZero();
    }

    @Test
    void shouldMakeTheFirstPersonAnAdministratorAndThenCloseForGood() throws Exception {
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "First@Test.Example")
                        .param("password", " a long enough passphrase "))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        assertThat(jdbc.queryForMap("SELECT email, role FROM app_user"))
                .containsEntry("EMAIL", "first@test.example").containsEntry("ROLE", "ADMIN");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user", String.class)).startsWith("{bcrypt}");

        mvc.perform(post("/sign-in").with(anonymous()).with(csrf()).param("email", "first@test.example")
                .param("password", " a long enough passphrase ")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/setup").with(anonymous())).andExpect(status().isNotFound());
        mvc.perform(post("/setup").with(anonymous()).with(csrf()).param("email", "second@test.example")
                .param("password", "another long passphrase")).andExpect(status().isNotFound());
        mvc.perform(get("/sign-in").with(anonymous()))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/setup\""))));
    }

    /** Two setups at once, as two instances starting with bootstrap settings, or two people on the setup page. */
    @Test
    void shouldCreateOneAdministratorWhenTwoSetupsRunAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            noUsers();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (String who : List.of("first", "second")) {
                    outcomes.add(pool.submit(() -> {
                        together.await();
                        try {
                            accounts.createFirstAdmin(Map.of("email", who + "@test.example",
                                    "password", "a long enough passphrase"), null);
                            return true;
                        } catch (SetupDoneException e) {
                            return false;
                        }
                    }));
                }
                List<Boolean> created = new ArrayList<>();
                for (Future<Boolean> outcome : outcomes) {
                    created.add(outcome.get());
                }
                assertThat(created).as("round " + round).containsExactlyInAnyOrder(true, false);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class)).isOne();
            } finally {
                pool.shutdown();
            }
        }
    }
}
