package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error pages need the real servlet container's error dispatch, which MockMvc does not do. Requests
 * carry the bootstrap administrator's session, for the pages, and API token, for the API.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPageTests {

    @LocalServerPort
    int port;

    @Value("${sectormap.bootstrap-admin-token}")
    String token;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    private String session;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldShowTheNotFoundPageForAMissingOrganisation() throws Exception {
        HttpResponse<String> response = fetch("/organisations/424242", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1 class=\"heading-l\">Page not found</h1>")
                .doesNotContain("Exception").doesNotContain("Whitelabel");
    }

    @Test
    void shouldSayWhichParameterOfABookmarkedReviewIsWrong() throws Exception {
        HttpResponse<String> response = fetch("/organisations/review?status=pending", "text/html");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("&#39;pending&#39; is not a valid value for status");
    }

    @Test
    void shouldAnswerAnUnknownApiRecordWithJson() throws Exception {
        HttpResponse<String> response = fetch("/api/organisations/424242", "application/json");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"No organisation 424242\"}");
    }

    @Test
    void shouldAnswerAnApiAddressThatDoesNotExistInTheApisOwnShape() throws Exception {
        for (String accept : new String[] {"application/json", "text/html"}) {
            HttpResponse<String> response = fetch("/api/reports", accept);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"There is no API endpoint /api/reports\"}");
        }
        HttpResponse<String> page = fetch("/no-such-page", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void shouldAnswerTheErrorAddressAskedForDirectlyAsAPageThatDoesNotExist() throws Exception {
        HttpResponse<String> page = fetch("/error", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void shouldNotLeakAStackTraceForAMalformedId() throws Exception {
        HttpResponse<String> response = fetch("/api/organisations/not-a-number", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'not-a-number' is not a valid value for id").doesNotContain("at org.");
    }

    /** A form sent with an expired or missing CSRF token says what to do, not "Something went wrong". */
    @Test
    void shouldExplainARefusedFormAndAWrongMethod() throws Exception {
        fetch("/", "text/html");
        HttpRequest expired = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/organisations/new"))
                .header("Accept", "text/html").header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Derby+REC&status=listed&_csrf=stale")).build();
        HttpResponse<String> refused = http.send(expired, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1 class=\"heading-l\">You cannot do that</h1>")
                .contains("reload the page and try again");
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/organisations"))
                .header("Accept", "text/html").header("Cookie", session).DELETE().build();
        HttpResponse<String> wrongMethod = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isIn(403, 405);
        assertThat(wrongMethod.body()).doesNotContain("Something went wrong");
    }

    private HttpResponse<String> fetch(String path, String accept) throws Exception {
        if (session == null) {
            HttpBrowser browser = new HttpBrowser();
            assertThat(browser.signIn(port, email, password).statusCode()).isEqualTo(302);
            session = browser.cookie();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).header("Cookie", session).header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
