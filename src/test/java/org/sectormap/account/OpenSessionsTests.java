package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An administrator's change to a user reaches the sessions that user already has open, at once. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenSessionsTests {

    private static final String RESEARCHER = "researcher@test.example";
    private static final String PASSWORD = "a long enough passphrase";

    @LocalServerPort
    int port;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${sectormap.bootstrap-admin-email}")
    String adminEmail;

    @Value("${sectormap.bootstrap-admin-password}")
    String adminPassword;

    private final HttpBrowser admin = new HttpBrowser();
    private final HttpBrowser researcher = new HttpBrowser();
    private long researcherId;

    @BeforeEach
    void signBothIn() throws Exception {
        researcherId = users.insert(RESEARCHER, encoder.encode(PASSWORD), Role.RESEARCHER, LocalDateTime.now());
        assertThat(admin.signIn(port, adminEmail, adminPassword).statusCode()).isEqualTo(302);
        assertThat(researcher.signIn(port, RESEARCHER, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(researcher.get(port, "/organisations/new").statusCode()).isEqualTo(200);
    }

    private static void assertSentToSignIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void shouldRefuseAResearcherMadeViewerAtTheirNextRequest() throws Exception {
        assertThat(admin.submit(port, "/users", "/users/" + researcherId + "/role", "role", "VIEWER").statusCode())
                .isEqualTo(302);

        assertSentToSignIn(researcher.get(port, "/organisations/new"));
        assertThat(researcher.signIn(port, RESEARCHER, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(researcher.get(port, "/organisations/new").statusCode()).isEqualTo(403);
        assertThat(researcher.get(port, "/organisations").statusCode()).isEqualTo(200);
        // The administrator's own session is untouched.
        assertThat(admin.get(port, "/users").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSignOutADisabledUserAtOnce() throws Exception {
        assertThat(admin.submit(port, "/users", "/users/" + researcherId + "/disable").statusCode()).isEqualTo(302);

        assertSentToSignIn(researcher.get(port, "/organisations"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                RESEARCHER)).isZero();
        assertThat(researcher.signIn(port, RESEARCHER, PASSWORD).statusCode()).isEqualTo(422);
        assertThat(admin.get(port, "/users").statusCode()).isEqualTo(200);
    }
}
