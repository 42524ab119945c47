package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.HttpBrowser;
import org.sectormap.StatementLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What the busiest answers cost the database, counted on a real server with a real session: issue 10
 * asks for a thousand list pages a second, and every statement a page sends is paid at that rate.
 * A change that adds one (a look-up per request, a session write) fails here and has to say why.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementLog.Recording.class)
class ListPageStatementsTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Autowired
    StatementLog log;

    @Value("${sectormap.bootstrap-admin-email}")
    String email;

    @Value("${sectormap.bootstrap-admin-password}")
    String password;

    @Value("${spring.datasource.url}")
    String url;

    private final HttpBrowser browser = new HttpBrowser();

    @BeforeEach
    void fillAndSignIn() throws Exception {
        organisations.createAll(IntStream.range(0, 30)
                .mapToObj(i -> OrganisationDetails.of("Forum " + i, OutreachStatus.LISTED)).toList(), null);
        assertThat(browser.signIn(port, email, password).statusCode()).isEqualTo(302);
        // The first page a session shows makes its CSRF token, which is stored once.
        assertThat(browser.get(port, "/organisations").statusCode()).isEqualTo(200);
        log.clear();
    }

    @Test
    void shouldAnswerTheListPageWithTheSessionReadAndTheQueriesOfItsPage() throws Exception {
        HttpResponse<String> page = browser.get(port, "/organisations");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Forum 0");
        // The session read once, not again when Spring Session saves it, and its last access not written
        // back (a minute has not passed); then the count from the tally and the page.
        assertThat(log.statements()).hasSize(3);
        assertThat(log.statements().get(0)).contains("FROM SPRING_SESSION S");
        assertThat(log.statements()).noneMatch(sql -> sql.startsWith("UPDATE") || sql.startsWith("INSERT"));
    }

    @Test
    void shouldTellWhetherTheRegisterIsEmptyFromTheTallyWhenASearchFindsNothing() throws Exception {
        HttpResponse<String> page = browser.get(port, "/organisations?q=zzzqqq");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No organisations match this search.").doesNotContain("Forum 0");
        // PostgreSQL would read every record to count them all.
        assertThat(log.statements()).noneMatch(sql -> sql.startsWith("SELECT COUNT(*) FROM organisation")
                && !sql.contains("WHERE"));
        // PostgreSQL's total of a text search reads the register's size from the tally too.
        assertThat(log.statements()).filteredOn(sql -> sql.contains("FROM organisation_tally"))
                .hasSize(url.startsWith("jdbc:postgresql:") ? 2 : 1);
    }

    @Test
    void shouldNotSampleTheRegisterForATextSearchWithinFiltersTheTallyCountsFew() throws Exception {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 counts every match exactly");
        organisations.createAll(IntStream.range(0, 5).mapToObj(i -> OrganisationDetails.of("Network Forum " + i,
                OutreachStatus.LISTED).with(OrganisationField.CATEGORY, Category.BME_NETWORK)).toList(), null);
        log.clear();

        HttpResponse<String> few = browser.get(port, "/organisations?q=forum&category=bme-network");
        HttpResponse<String> none = browser.get(port, "/organisations?q=forum&category=bme-infrastructure");

        assertThat(few.body()).contains("Organisations, 5 found");
        assertThat(none.body()).contains("No organisations match this search.");
        // A sample reads a hundredth of the register's pages to estimate thousands of matches.
        assertThat(log.statements()).noneMatch(sql -> sql.contains("TABLESAMPLE"));
    }

    @Test
    void shouldAnswerTheApiWithTheTokenLookUpAndTheQueriesOfItsPage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/organisations"))
                .header("Authorization", "Bearer " + ApiCalls.TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        // The token's user and role in one query, no session; then the count from the tally and the page.
        assertThat(log.statements()).hasSize(3);
        assertThat(log.statements().get(0)).contains("FROM api_token");
        assertThat(log.statements()).noneMatch(sql -> sql.contains("SPRING_SESSION"));
    }
}
