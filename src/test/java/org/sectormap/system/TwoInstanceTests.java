package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.sectormap.SectorMapApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two whole instances on one database, as behind a proxy: the test's own (A) and a second one (B)
 * started beside it with the same configuration, so on the same database (the same in-memory H2 in
 * this JVM, or the PostgreSQL server of the postgres pass). Nothing is shared but the database.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstanceTests {

    private static ConfigurableApplicationContext instanceB;

    @LocalServerPort
    int portA;

    int portB;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String database;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpBrowser session;
    private String csrf;

    @BeforeEach
    void startInstanceB() {
        if (instanceB == null) {
            instanceB = new SpringApplicationBuilder(SectorMapApplication.class).properties("server.port=0").run();
        }
        portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
        assertThat(instanceB.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(database);
        assertThat(portB).isNotEqualTo(portA);
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void shouldKnowASignInOnEitherInstanceAndEndItOnBoth() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        assertThat(browser.signIn(portA, email, password).statusCode()).isEqualTo(302);

        HttpResponse<String> onB = browser.get(portB, "/account");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(onB.body()).select("main p").text()).contains("Signed in as " + email);

        HttpResponse<String> signedOut = browser.signOut(portB);
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/sign-in?signedOut"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                email)).isZero();
        HttpResponse<String> onA = browser.get(portA, "/account");
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void shouldLoseNoChangeWhenBothInstancesWriteAtOnce() throws Exception {
        session = new HttpBrowser();
        assertThat(session.signIn(portA, email, password).statusCode()).isEqualTo(302);
        csrf = session.csrf(portB, "/organisations/new");
        int perInstance = 15;
        List<Callable<Integer>> creations = new ArrayList<>();
        for (int i = 0; i < perInstance; i++) {
            for (int port : new int[] {portA, portB}) {
                String name = "Created through " + port + " number " + i;
                creations.add(() -> post(port, "/organisations/new", "name", name, "status", "listed"));
            }
        }
        assertThat(runTogether(creations)).containsOnly(302);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(2 * perInstance);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT name) FROM organisation", Integer.class))
                .isEqualTo(2 * perInstance);

        // Everyone amends the same record from the same version: one save wins, every other is told.
        long id = jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class);
        int version = jdbc.queryForObject("SELECT version FROM organisation WHERE id = ?", Integer.class, id);
        List<Callable<Integer>> amendments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int port = i % 2 == 0 ? portA : portB;
            String name = "Amended " + i;
            amendments.add(() -> post(port, "/organisations/" + id + "/edit", "name", name, "status", "listed",
                    "version", String.valueOf(version)));
        }
        List<Integer> answers = runTogether(amendments);
        assertThat(answers).containsOnly(302, 409);
        assertThat(answers).filteredOn(status -> status == 302).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT version FROM organisation WHERE id = ?", Integer.class, id))
                .isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("SELECT name FROM organisation WHERE id = ?", String.class, id))
                .startsWith("Amended ");
    }

    /**
     * A form post in one signed-in session, with its CSRF token: the session, and the token it keeps,
     * are the same on both instances.
     */
    private int post(int port, String path, String... pairs) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Integer> runTogether(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
