package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.shared.RegisterReplaced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A text search's total: exact up to a thousand matches; past that, on PostgreSQL, an estimate to two
 * significant figures, said to be one, while every page still links on to the next and the last page
 * gives the exact total. H2's search index counts every match exactly.
 */
@DatabaseTest
class SearchTotalTests {

    private static final int REGISTER = 12_000;
    private static final int NETWORKS = REGISTER / 4;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Autowired
    QueryParameters parameters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldEstimateATextSearchsTotalPastAThousandAndCountTheRestExactly() throws Exception {
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < REGISTER; i++) {
            register.add(OrganisationDetails.of((i % 4 == 0 ? "Network " : "Forum ") + i, OutreachStatus.LISTED)
                    .with(OrganisationField.CATEGORY, i % 2 == 0 ? Category.BME_INFRASTRUCTURE : Category.BME_NETWORK));
        }
        register.add(OrganisationDetails.of("Rushcliffe CVS", OutreachStatus.LISTED));
        service.createAll(register, null);
        boolean estimates = url.startsWith("jdbc:postgresql:");

        OrganisationService.Page networks = service.search(parameters.read(Map.of("q", "network")));
        assertThat(networks.items()).hasSize(OrganisationQuery.DEFAULT_SIZE);
        assertThat(networks.exact()).isEqualTo(!estimates);
        if (estimates) {
            assertThat(networks.total()).isBetween(NETWORKS * 9L / 10, NETWORKS * 11L / 10);
            assertThat(networks.total() % 100).as("two significant figures").isZero();
        } else {
            assertThat(networks.total()).isEqualTo(NETWORKS);
        }

        // Under a filter, the sample alone where it is well past a thousand; an exact count where not.
        OrganisationService.Page forums = service.search(parameters.read(Map.of("q", "forum",
                "category", "bme-network")));
        assertThat(forums.exact()).isEqualTo(!estimates);
        assertThat(forums.total()).isBetween(REGISTER / 2 * 9L / 10, REGISTER / 2 * 11L / 10);
        OrganisationService.Page filteredNetworks = service.search(parameters.read(Map.of("q", "network",
                "category", "bme-infrastructure", "page", "2")));
        assertThat(filteredNetworks.items()).hasSize(OrganisationQuery.DEFAULT_SIZE);
        assertThat(filteredNetworks.total()).isBetween(NETWORKS * 9L / 10, NETWORKS * 11L / 10);
        OrganisationService.Page none = service.search(parameters.read(Map.of("q", "network",
                "category", "bme-network")));
        assertThat(none.exact()).isTrue();
        assertThat(none.total()).isZero();

        OrganisationService.Page few = service.search(parameters.read(Map.of("q", "rushcliffe")));
        assertThat(few.exact()).isTrue();
        assertThat(few.total()).isEqualTo(1);

        Document first = page(Map.of("q", "network"), 200);
        String about = estimates ? "about " : "";
        assertThat(first.select("caption").text()).isEqualTo("Organisations, " + about
                + String.format("%,d", networks.total()) + " found");
        assertThat(first.select(".pagination span").text()).isEqualTo("Page 1 of " + about
                + String.format("%,d", networks.pageCount()));
        assertThat(first.select("a[rel=next]")).hasSize(1);

        // The last page, and the last but one, know where the matches end: exact, with no page after.
        int lastPage = NETWORKS / OrganisationQuery.DEFAULT_SIZE;
        Document last = page(Map.of("q", "network", "page", String.valueOf(lastPage)), 200);
        assertThat(last.select("main tbody tr")).hasSize(OrganisationQuery.DEFAULT_SIZE);
        assertThat(last.select(".pagination span").text()).isEqualTo("Page " + lastPage + " of " + lastPage);
        assertThat(last.select("a[rel=next]")).isEmpty();
        Document beforeLast = page(Map.of("q", "network", "page", String.valueOf(lastPage - 1)), 200);
        assertThat(beforeLast.select("a[rel=next]")).hasSize(1);

        Document past = page(Map.of("q", "network", "page", String.valueOf(lastPage + 1)), 404);
        assertThat(past.select("main p").eachText()).contains("There is no page " + (lastPage + 1)
                + ": this search has " + lastPage + " pages.");

        // Publishing names the exact number it will publish.
        Document publish = page("/organisations/publish", Map.of("q", "network", "publish", "yes"), 200);
        assertThat(publish.select("h1").text()).contains(String.valueOf(NETWORKS));

        mvc.perform(get("/api/organisations").param("q", "network"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(networks.total()))
                .andExpect(jsonPath("$.totalExact").value(!estimates));
        mvc.perform(get("/api/organisations").param("q", "network").param("page", String.valueOf(lastPage)))
                .andExpect(jsonPath("$.total").value(NETWORKS))
                .andExpect(jsonPath("$.totalExact").value(true));
    }

    @Test
    void shouldKeepAnEstimateForTheSameSearchUntilTheRegisterChanges() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 counts every match exactly");
        fillNetworksAndForums();
        long estimated = service.search(parameters.read(Map.of("q", "network"))).total();
        assertThat(estimated).isBetween(NETWORKS * 9L / 10, NETWORKS * 11L / 10);

        int renamed = renameHalfTheNetworksBehindTheAppsBack();
        assertThat(renamed).isBetween(NETWORKS / 3, NETWORKS * 2 / 3);
        OrganisationService.Page kept = service.search(parameters.read(Map.of("q", "network", "sort", "area",
                "page", "3")));
        assertThat(kept.exact()).isFalse();
        assertThat(kept.total()).as("the same search, another sort and page").isEqualTo(estimated);
        assertThat(service.search(parameters.read(Map.of("q", "forum"))).total()).as("another search")
                .isBetween((REGISTER - NETWORKS) * 9L / 10, (REGISTER - NETWORKS) * 11L / 10);

        // A change through the app, leaving the register's size as it was.
        Organisation forum = service.search(parameters.read(Map.of("q", "forum 1"))).items().get(0);
        service.update(forum.id(), forum.version(), forum.details().with(OrganisationField.AREA, "Nottingham"));
        long afresh = service.search(parameters.read(Map.of("q", "network"))).total();
        long left = NETWORKS - renamed;
        assertThat(afresh).isBetween(left * 9 / 10, left * 11 / 10);
    }

    @Test
    void shouldNotGiveAnEstimateReadWhileAChangeWasUnderWayAfterItCommits() throws Exception {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 counts every match exactly");
        fillNetworksAndForums();
        Organisation forum = service.search(parameters.read(Map.of("q", "forum 1"))).items().get(0);

        long during = new TransactionTemplate(transactions).execute(status -> {
            // A rename of half the networks, and a change through the app, not yet committed...
            renameHalfTheNetworksBehindTheAppsBack();
            service.update(forum.id(), forum.version(), forum.details().with(OrganisationField.AREA, "Nottingham"));
            // ...while someone else searches the register as it was.
            CompletableFuture<Long> elsewhere = CompletableFuture.supplyAsync(
                    () -> service.search(parameters.read(Map.of("q", "network"))).total());
            return elsewhere.join();
        });
        assertThat(during).isBetween(NETWORKS * 9L / 10, NETWORKS * 11L / 10);

        long after = service.search(parameters.read(Map.of("q", "network"))).total();
        assertThat(after).isBetween(NETWORKS / 2 * 8L / 10, NETWORKS / 2 * 12L / 10);
    }

    @Test
    void shouldNotGiveAnEstimateKeptFromBeforeARestore() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 counts every match exactly");
        fillNetworksAndForums();
        assertThat(service.search(parameters.read(Map.of("q", "network"))).total())
                .isBetween(NETWORKS * 9L / 10, NETWORKS * 11L / 10);

        // A restore writes past the app, as this rename does, and says so when it is done.
        int renamed = renameHalfTheNetworksBehindTheAppsBack();
        events.publishEvent(new RegisterReplaced());

        long left = NETWORKS - renamed;
        assertThat(service.search(parameters.read(Map.of("q", "network"))).total())
                .isBetween(left * 9 / 10, left * 11 / 10);
    }

    private void fillNetworksAndForums() {
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < REGISTER; i++) {
            register.add(OrganisationDetails.of((i % 4 == 0 ? "Network " : "Forum ") + i, OutreachStatus.LISTED));
        }
        service.createAll(register, null);
    }

    /** Half the networks no longer holding the word, by SQL: neither the register's size nor the app's writes change. */
    private int renameHalfTheNetworksBehindTheAppsBack() {
        return jdbc.update("UPDATE organisation SET search_text = REPLACE(search_text, 'network', 'netwerk') "
                + "WHERE search_text LIKE '%network%' AND MOD(id, 8) < 4");
    }

    @Test
    void shouldTakeASamplesEstimateAloneOnlyWithMatchesOnManyPagesWellPastTheCount() {
        // A million records, a sample of 10,000 of them.
        assertThat(new OrganisationRepository.Sample(1_000_000, 10_000, 40, 20).wellPast(1_000)).isTrue();
        assertThat(new OrganisationRepository.Sample(1_000_000, 10_000, 40, 19).wellPast(1_000))
                .as("40 matches on 19 pages: an import's records lie together").isFalse();
        assertThat(new OrganisationRepository.Sample(1_000_000, 10_000, 200, 2).wellPast(1_000)).isFalse();
        // 2,900 estimated: under three times the count.
        assertThat(new OrganisationRepository.Sample(100_000, 10_000, 290, 100).wellPast(1_000)).isFalse();
        assertThat(new OrganisationRepository.Sample(100_000, 10_000, 300, 100).wellPast(1_000)).isTrue();
        assertThat(new OrganisationRepository.Sample(100_000, 10_000, 300, 100).estimate(1_001)).isEqualTo(3_000);
        assertThat(new OrganisationRepository.Sample(100_000, 0, 0, 0).estimate(1_001)).isEqualTo(1_000);
    }

    @Test
    void shouldRoundAnEstimateToTwoSignificantFigures() {
        assertThat(OrganisationRepository.twoFigures(99)).isEqualTo(99);
        assertThat(OrganisationRepository.twoFigures(1_001)).isEqualTo(1_000);
        assertThat(OrganisationRepository.twoFigures(1_050)).isEqualTo(1_100);
        assertThat(OrganisationRepository.twoFigures(312_456)).isEqualTo(310_000);
        assertThat(OrganisationRepository.twoFigures(996_000)).isEqualTo(1_000_000);
    }

    private Document page(Map<String, String> params, int expected) throws Exception {
        return page("/organisations", params, expected);
    }

    private Document page(String path, Map<String, String> params, int expected) throws Exception {
        var request = get(path);
        params.forEach(request::param);
        return Jsoup.parse(mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString());
    }
}
