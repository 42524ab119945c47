package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.sectormap.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The limits lowered, and time moved on by hand. The counts live in memory for the whole context,
 * so each test signs in from its own address and imports as its own user.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sectormap.rate-limit.sign-in=3", "sectormap.rate-limit.sign-in-window=5m",
        "sectormap.rate-limit.imports=2", "sectormap.rate-limit.imports-window=10m"})
@Import(RateLimitTests.Frozen.class)
class RateLimitTests {

    @TestConfiguration
    static class Frozen {
        @Bean
        @Primary
        MutableClock frozenClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationContext spring;

    @Autowired
    Clock appClock;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions signIn(String address, String as, String with) throws Exception {
        return mvc.perform(post("/sign-in").param("email", as).param("password", with).with(csrf()).with(anonymous())
                .with(from(address)));
    }

    @Test
    void shouldRefuseAnAddressAfterTooManyFailedSignInsWithoutTellingAccountsApart() throws Exception {
        assertThat(appClock).isSameAs(clock);
        String address = "192.0.2.10";
        signIn(address, "nobody@test.example", "wrong").andExpect(forwardedUrl("/sign-in/failed"));
        signIn(address, email, "wrong").andExpect(forwardedUrl("/sign-in/failed"));
        // Successes do not count: an office behind one address signs in all morning.
        signIn(address, email, password).andExpect(redirectedUrl("/"));
        signIn(address, "someone@test.example", "wrong").andExpect(forwardedUrl("/sign-in/failed"));

        // The fourth try, even with the right password, is not checked, and counts nothing against the account.
        int failuresBefore = jdbc.queryForObject("SELECT failed_sign_ins FROM app_user", Integer.class);
        signIn(address, email, password).andExpect(forwardedUrl("/sign-in/limited"));
        signIn(address, email, "wrong").andExpect(forwardedUrl("/sign-in/limited"));
        assertThat(jdbc.queryForObject("SELECT failed_sign_ins FROM app_user", Integer.class)).isEqualTo(failuresBefore);

        // What the forward shows: the sign-in page, a 429 with Retry-After, the same for every email.
        Document page = Jsoup.parse(mvc.perform(post("/sign-in/limited").param("email", email).with(csrf())
                        .with(anonymous()).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "300"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").text())
                .isEqualTo("Too many failed attempts to sign in from your network. Try again in 5 minutes.");
        assertThat(page.select("input[name=email]").attr("value")).isEqualTo(email);

        signIn("192.0.2.11", email, password).andExpect(redirectedUrl("/"));
        clock.advance(Duration.ofMinutes(4));
        mvc.perform(post("/sign-in/limited").with(csrf()).with(anonymous()).with(from(address)))
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().string(Matchers.containsString("Try again in 1 minute.")));
        clock.advance(Duration.ofMinutes(1));
        signIn(address, email, password).andExpect(redirectedUrl("/"));
        // Asked for directly by an address that is not blocked, the page is the sign-in form.
        mvc.perform(post("/sign-in/limited").with(csrf()).with(anonymous()).with(from(address)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Too many"))));
    }

    @Test
    void shouldRefuseAUserTheThirdImportInTenMinutesThroughThePageOrTheApi() throws Exception {
        String csv = "name,status\nRate limited trust,listed\n";
        mvc.perform(ApiCalls.post("/api/import/organisations").with(anonymous()).contentType("text/csv").content(csv))
                .andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(1));
        MockMultipartFile file = new MockMultipartFile("file", "mapping.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        RequestPostProcessor admin = user(email).roles("ADMIN");
        mvc.perform(multipart("/import").file(file).with(csrf()).with(admin)).andExpect(status().is3xxRedirection());

        mvc.perform(ApiCalls.post("/api/import/organisations").with(anonymous()).contentType("text/csv").content(csv))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "540"))
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").value("Too many files checked for import. Try again in 9 minutes."));
        Document page = Jsoup.parse(mvc.perform(multipart("/import").file(file).with(csrf()).with(admin))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "540"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.title()).startsWith("Too many attempts");
        assertThat(page.select("main p").first().text())
                .isEqualTo("Too many files checked for import. Try again in 9 minutes.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isOne();

        mvc.perform(multipart("/import").file(file).with(csrf()).with(user("other@test.example").roles("RESEARCHER")))
                .andExpect(status().is3xxRedirection());
        clock.advance(Duration.ofMinutes(9));
        mvc.perform(ApiCalls.post("/api/import/organisations").with(anonymous()).contentType("text/csv").content(csv))
                .andExpect(status().isOk());
    }

    @Test
    void shouldCountAnIpv6ClientByItsSlash64() throws Exception {
        for (int i = 1; i <= 3; i++) {
            signIn("2001:db8:0:7::" + i, email, "wrong").andExpect(forwardedUrl("/sign-in/failed"));
        }
        signIn("2001:db8:0:7:ffff::99", email, password).andExpect(forwardedUrl("/sign-in/limited"));
        signIn("2001:db8:0:8::1", email, password).andExpect(redirectedUrl("/"));
    }

    /**
     * Only a proxy on this machine may name the client: Tomcat's own default believed any private
     * address, so that anyone on a LAN could give a directly exposed instance their own X-Forwarded-For.
     */
    @Test
    void shouldBelieveOnlyAProxyOnThisMachineToNameTheClient() {
        RemoteIpValve valve = Arrays.stream(((TomcatWebServer) ((WebServerApplicationContext) spring).getWebServer())
                        .getTomcat().getEngine().getPipeline().getValves())
                .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst().orElseThrow();
        Pattern trusted = Pattern.compile(valve.getInternalProxies());
        assertThat(List.of("127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "::1")).allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("10.0.0.5", "192.168.1.20", "172.16.0.1", "169.254.1.1", "100.64.0.1", "198.51.100.20"))
                .noneMatch(a -> trusted.matcher(a).matches());
    }

    /** On the real server, from this machine, which is where a trusted proxy would be. */
    @Test
    void shouldCountTheClientThatATrustedProxyNames() throws Exception {
        HttpBrowser throughProxy = new HttpBrowser().with("X-Forwarded-For", "198.51.100.20");
        for (int i = 0; i < 3; i++) {
            assertThat(throughProxy.signIn(port, email, "wrong").statusCode()).isEqualTo(422);
        }
        assertThat(throughProxy.signIn(port, email, password).statusCode()).isEqualTo(429);
        HttpBrowser someoneElse = new HttpBrowser().with("X-Forwarded-For", "198.51.100.21");
        assertThat(someoneElse.signIn(port, email, password).statusCode()).isEqualTo(302);
    }
}
