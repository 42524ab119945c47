package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notice a page shows after a redirect carries every figure of its message: only the first was
 * passed, so an undo said "1 organisation deleted and {1} put back". A real server, as the notice
 * travels in the session between the two requests.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoticeTests {

    @LocalServerPort
    int port;

    @Value("${sectormap.bootstrap-admin-token}")
    String token;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldShowEveryFigureOfANoticeAfterTheRedirect() throws Exception {
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import/organisations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("name,status\nDerby REC,listed\n")).build();
        assertThat(HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM import_record", Long.class);
        HttpBrowser browser = new HttpBrowser();
        assertThat(browser.signIn(port, email, password).statusCode()).isEqualTo(302);
        String undo = "/imports/" + id + "/undo";
        assertThat(browser.submit(port, undo, undo).statusCode()).isEqualTo(302);
        assertThat(browser.get(port, "/imports").body())
                .contains("Import undone: 1 organisation deleted and 0 put back as they were.");
    }
}
