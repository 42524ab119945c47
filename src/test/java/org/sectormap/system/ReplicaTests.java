package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * The app with a streaming replica, as {@code .ci/run} starts one beside the PostgreSQL pass's
 * primary: replay on the replica is paused, the author changes the register, and a second user still
 * gets the old figures (which only the replica still holds) while the author gets the new ones at
 * once; once replay resumes, both get the new ones. Who may sign in is read from the primary.
 */
@DatabaseTest
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
        disabledReason = "replica tests run in the PostgreSQL pass only")
@EnabledIfEnvironmentVariable(named = "SECTORMAP_TEST_POSTGRES_REPLICA_URL", matches = ".+",
        disabledReason = "replica tests skipped: set SECTORMAP_TEST_POSTGRES_REPLICA_URL to a streaming replica"
                + " of SECTORMAP_TEST_POSTGRES_URL's server (see README; .ci/run starts one)")
class ReplicaTests {

    private static final String REPLICA_URL = System.getenv("SECTORMAP_TEST_POSTGRES_REPLICA_URL");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final RequestPostProcessor AUTHOR = user("admin@test.example").roles("RESEARCHER");
    private static final RequestPostProcessor READER = user("viewer@test.example").roles("VIEWER");

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("sectormap.replica.url", () -> REPLICA_URL);
        registry.add("sectormap.replica.username", () -> System.getenv("SECTORMAP_TEST_POSTGRES_USER"));
        registry.add("sectormap.replica.password", () -> System.getenv("SECTORMAP_TEST_POSTGRES_PASSWORD"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate primary;

    private SingleConnectionDataSource replicaConnection;
    private JdbcTemplate replica;

    @BeforeEach
    void connectToTheReplica() throws Exception {
        Connection connection = DriverManager.getConnection(REPLICA_URL, System.getenv("SECTORMAP_TEST_POSTGRES_USER"),
                System.getenv("SECTORMAP_TEST_POSTGRES_PASSWORD"));
        replicaConnection = new SingleConnectionDataSource(connection, true);
        replica = new JdbcTemplate(replicaConnection);
        assertThat(replica.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).as("a replica").isTrue();
        replica.queryForObject("SELECT pg_wal_replay_resume()", Object.class);
        awaitReplay();
    }

    @AfterEach
    void resumeReplay() {
        replica.queryForObject("SELECT pg_wal_replay_resume()", Object.class);
        replicaConnection.destroy();
    }

    @Test
    void shouldReadAReportFromTheReplicaAndShowTheAuthorTheirChangeAtOnce() throws Exception {
        create("Derby Forum");
        awaitReplay();
        assertThat(onDatabase(READER)).isEqualTo(1);

        pauseReplay();
        String created = create("Leicester Forum");
        assertThat(primary.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(2);

        assertThat(onDatabase(READER)).as("read from the replica, which has not replayed the change").isEqualTo(1);
        mvc.perform(get(created).with(READER)).andExpect(status().isNotFound());
        assertThat(feedTotal()).as("the feed's anonymous readers read the replica").isEqualTo(1);

        assertThat(onDatabase(AUTHOR)).as("the author's own change, at once").isEqualTo(2);
        mvc.perform(get(created).with(AUTHOR)).andExpect(status().isOk());

        replica.queryForObject("SELECT pg_wal_replay_resume()", Object.class);
        awaitReplay();
        assertThat(onDatabase(READER)).isEqualTo(2);
        assertThat(onDatabase(AUTHOR)).isEqualTo(2);
        assertThat(feedTotal()).isEqualTo(2);
        mvc.perform(get(created).with(READER)).andExpect(status().isOk());
    }

    @Test
    void shouldWriteToThePrimaryAndReadBackWhatWasWrittenWhileReplayIsPaused() throws Exception {
        pauseReplay();
        String created = create("Nottingham Forum");
        mvc.perform(post(created + "/edit").with(AUTHOR).with(csrf()).param("version", "0")
                .param("name", "Nottingham Forum (amended)").param("status", "listed").param("category",
                        "bme-infrastructure").param("publish", "yes")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(created).with(AUTHOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Nottingham Forum (amended)");
        assertThat(replica.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isZero();
    }

    @Test
    void shouldAcceptANewTokenAndRefuseARevokedOneAtOnceThoughTheReplicaHasNeither() throws Exception {
        pauseReplay();
        String page = mvc.perform(post("/account/tokens").with(AUTHOR).with(csrf()).param("tokenName", "Replica check"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = Jsoup.parse(page).getElementById("new-token").text();
        assertThat(apiStatus(token)).as("the token is looked up on the primary").isEqualTo(200);

        replica.queryForObject("SELECT pg_wal_replay_resume()", Object.class);
        awaitReplay();
        pauseReplay();
        long id = primary.queryForObject("SELECT id FROM api_token WHERE name = 'Replica check'", Long.class);
        mvc.perform(post("/account/tokens/{id}/revoke", id).with(AUTHOR).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(replica.queryForObject("SELECT COUNT(*) FROM api_token WHERE id = ? AND revoked_at IS NULL",
                Integer.class, id)).as("live on the replica").isOne();
        assertThat(apiStatus(token)).isEqualTo(401);
    }

    /** A published BME infrastructure organisation, created by the author; its page's address. */
    private String create(String name) throws Exception {
        return mvc.perform(post("/organisations/new").with(AUTHOR).with(csrf()).param("name", name)
                .param("status", "listed").param("category", "bme-infrastructure").param("publish", "yes"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    /** Table 1's total of organisations on the database, as {@code who} gets it. */
    private int onDatabase(RequestPostProcessor who) throws Exception {
        String json = mvc.perform(get("/api/reports/by-category").with(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(json, "$.total.onDatabase");
    }

    private int apiStatus(String token) throws Exception {
        return mvc.perform(get("/api/organisations").with(anonymous()).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }

    private int feedTotal() throws Exception {
        String json = mvc.perform(get("/openreferral/services").with(anonymous())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.total_items");
    }

    private void pauseReplay() throws InterruptedException {
        replica.queryForObject("SELECT pg_wal_replay_pause()", Object.class);
        await(() -> "paused".equals(replica.queryForObject("SELECT pg_get_wal_replay_pause_state()", String.class)));
    }

    /** Until the replica has replayed everything the primary has written so far. */
    private void awaitReplay() throws InterruptedException {
        long written = primary.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')", Long.class);
        await(() -> replica.queryForObject(ReplicaReads.REPLAYED, Long.class) >= written);
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("the replica within " + PATIENCE).isBefore(until);
            Thread.sleep(20);
        }
    }
}
