package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Through the real server and its cookies, as MockMvc's sessions do not change id as Tomcat's do. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionFixationTests {

    @LocalServerPort
    int port;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    @Test
    void shouldGiveTheSessionANewIdAtSignInAndForgetTheOldOne() throws Exception {
        HttpResponse<String> page = send(to("/sign-in"));
        String before = sessionCookie(page);
        assertThat(before).isNotNull();
        String csrf = Jsoup.parse(page.body()).selectFirst("main form input[name=_csrf]").attr("value");

        HttpResponse<String> signedIn = send(to("/sign-in").header("Cookie", before)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", email, "password", password, "_csrf", csrf))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String after = sessionCookie(signedIn);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=")
                && c.contains("HttpOnly") && c.contains("SameSite=Strict"));

        assertThat(send(to("/organisations").header("Cookie", after)).statusCode()).isEqualTo(200);
        HttpResponse<String> withOldId = send(to("/organisations").header("Cookie", before));
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void shouldShowTheFailureOnTheRealServerWith422() throws Exception {
        HttpResponse<String> page = send(to("/sign-in"));
        String csrf = Jsoup.parse(page.body()).selectFirst("main form input[name=_csrf]").attr("value");
        HttpResponse<String> failed = send(to("/sign-in").header("Cookie", sessionCookie(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "nobody@test.example", "password", "wrong",
                        "_csrf", csrf))));
        assertThat(failed.statusCode()).isEqualTo(422);
        assertThat(failed.body()).contains("Enter a correct email address and password")
                .contains("value=\"nobody@test.example\"");
    }

    @Test
    void shouldMarkTheSessionCookieSecureBehindATlsProxyAndAnswerItsHostName() throws Exception {
        HttpResponse<String> direct = send(to("/sign-in"));
        assertThat(direct.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));

        // From a proxy on this machine (a trusted address) that ended TLS for a configured name.
        HttpResponse<String> proxied = send(to("/sign-in").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "localhost"));
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("SESSION=")
                && c.contains("Secure"));

        HttpResponse<String> rebound = send(to("/sign-in").header("X-Forwarded-Host", "attacker.example"));
        assertThat(rebound.statusCode()).isEqualTo(400);
    }
}
