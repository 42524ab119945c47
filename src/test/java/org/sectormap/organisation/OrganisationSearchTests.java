package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class OrganisationSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Autowired
    QueryParameters parameters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    @BeforeEach
    void register() {
        service.create(interviewed("Derby Millennium Network", Category.BME_INFRASTRUCTURE, "Derby city", true));
        service.create(interviewed("Nottinghamshire REC", Category.BME_INFRASTRUCTURE, "Nottinghamshire", false));
        service.create(interviewed("Rushcliffe CVS", Category.GENERAL_INFRASTRUCTURE, "Nottinghamshire", true));
        service.create(OrganisationDetails.of("Wellingborough Black Consortium", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Northamptonshire")
                .with(OrganisationField.COVERAGE, "Wellingborough only")
                .with(OrganisationField.CONTACT_NAME, "A. Contact")
                .with(OrganisationField.DESCRIPTION, "Sits on 100% of boards"));
        service.create(OrganisationDetails.of("Adults Only Trust", OutreachStatus.EXCLUDED)
                .with(OrganisationField.CATEGORY, Category.GENERAL_NETWORK)
                .with(OrganisationField.AREA, "Regional")
                .with(OrganisationField.EXCLUSION_REASON, ExclusionReason.ADULTS_ONLY));
    }

    private List<String> names(Map<String, String> params) {
        return service.search(parameters.read(params)).items().stream().map(o -> o.details().name()).toList();
    }

    @Test
    void shouldFindTextInNameCoverageDescriptionAndContactIgnoringCase() {
        assertThat(names(Map.of("q", "millennium"))).containsExactly("Derby Millennium Network");
        assertThat(names(Map.of("q", "WELLINGBOROUGH ONLY"))).containsExactly("Wellingborough Black Consortium");
        assertThat(names(Map.of("q", "a. contact"))).containsExactly("Wellingborough Black Consortium");
        assertThat(names(Map.of("q", "100%"))).containsExactly("Wellingborough Black Consortium");
        assertThat(names(Map.of("q", "1_0"))).isEmpty();
    }

    @Test
    void shouldFindEveryWordOfASearchAnywhereInAnyOrderIgnoringAccents() {
        service.create(OrganisationDetails.of("Société Franco-Africaine", OutreachStatus.LISTED)
                .with(OrganisationField.COVERAGE, "Leicester and Loughborough"));

        assertThat(names(Map.of("q", "societe leicester"))).containsExactly("Société Franco-Africaine");
        assertThat(names(Map.of("q", "LOUGHBOROUGH  franco-afri"))).containsExactly("Société Franco-Africaine");
        assertThat(names(Map.of("q", "Sociéte"))).containsExactly("Société Franco-Africaine");
        assertThat(names(Map.of("q", "société derby"))).isEmpty();
        assertThat(names(Map.of("q", "derby network"))).containsExactly("Derby Millennium Network");
    }

    /**
     * On PostgreSQL a search of the text is planned for its pattern each time it runs: never prepared on
     * the server, where after five runs PostgreSQL tries one plan for every pattern, and keeps it when it
     * seems no dearer (for a word within a category and status at 100,000 records, 16 to 28 ms where the
     * word's own plan took 1 to 4). A list without text is prepared there as before.
     */
    @Test
    void shouldPlanASearchOfTheTextForItsPatternEachTimeOnPostgreSql() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL's plans of prepared statements");
        List<String> prepared = transactions.execute(status -> {
            for (int i = 0; i < 8; i++) {
                assertThat(names(Map.of("q", i % 2 == 0 ? "network" : "trust", "sort", "interview-date")))
                        .hasSize(1);
                assertThat(names(Map.of("status", "interviewed", "sort", "interview-date"))).hasSize(3);
            }
            return jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
        });
        // The connection may hold statements earlier tests prepared (their own checks' SQL among them): a
        // page of the list is what the app reads records by, from an offset.
        assertThat(prepared)
                .anyMatch(sql -> page(sql) && sql.contains("ORDER BY interview_date") && !sql.contains("search_text"))
                .noneMatch(sql -> page(sql) && sql.contains("search_text LIKE"));
    }

    /** Whether a statement is one reading a page of the list's records. */
    static boolean page(String sql) {
        return sql.startsWith("SELECT id, version,") && sql.contains(" OFFSET ");
    }

    @Test
    void shouldCombineFilters() {
        assertThat(names(Map.of("category", "bme-infrastructure", "area", "nottinghamshire")))
                .containsExactly("Nottinghamshire REC");
        assertThat(names(Map.of("category", "unclassified"))).containsExactly("Wellingborough Black Consortium");
        assertThat(names(Map.of("status", "interviewed", "followUp", "yes")))
                .containsExactly("Derby Millennium Network", "Rushcliffe CVS");
        assertThat(names(Map.of("status", "interviewed", "followUp", "no"))).containsExactly("Nottinghamshire REC");
    }

    @Test
    void shouldSortAndPageWithoutOverlap() {
        assertThat(names(Map.of("sort", "area", "size", "2", "page", "1")))
                .containsExactly("Derby Millennium Network", "Wellingborough Black Consortium");
        assertThat(names(Map.of("sort", "area", "size", "2", "page", "2")))
                .containsExactly("Nottinghamshire REC", "Rushcliffe CVS");
        assertThat(names(Map.of("sort", "area", "size", "2", "page", "3"))).containsExactly("Adults Only Trust");
        assertThat(names(Map.of("sort", "name", "dir", "desc", "size", "1"))).containsExactly("Wellingborough Black Consortium");
        assertThat(service.search(parameters.read(Map.of("size", "2"))).total()).isEqualTo(5);
    }

    @Test
    void shouldKeepTheWholeQueryInTheListsLinks() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations")
                        .param("q", "C").param("area", "Nottinghamshire").param("size", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("a[rel=next]").attr("href"))
                .isEqualTo("/organisations?q=C&area=Nottinghamshire&size=1&page=2");
        assertThat(page.selectFirst("#q").val()).isEqualTo("C");
        assertThat(page.select("a[href^=/organisations.csv]").attr("href"))
                .isEqualTo("/organisations.csv?q=C&area=Nottinghamshire&size=1");
        assertThat(page.select("th[aria-sort=ascending] a").attr("href"))
                .isEqualTo("/organisations?q=C&area=Nottinghamshire&size=1&sort=name&dir=desc");
    }

    @Test
    void shouldEncodeSearchTextInLinks() {
        OrganisationQuery query = parameters.read(Map.of("q", "cvs & rec #1", "category", "unclassified"));
        assertThat(parameters.url("/organisations", query, Map.of("page", "2")))
                .isEqualTo("/organisations?q=cvs%20%26%20rec%20%231&category=unclassified&page=2");
    }

    @Test
    void shouldOpenTheRecordPageFromAName() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations").param("status", "interviewed"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Long> ids = service.search(parameters.read(Map.of("status", "interviewed"))).items().stream()
                .map(Organisation::id).toList();
        assertThat(page.select("tbody tr td:first-child a").eachAttr("href"))
                .containsExactlyElementsOf(ids.stream().map(id -> "/organisations/" + id).toList());
        assertThat(page.select("a:containsOwn(Review these one at a time)").attr("href"))
                .isEqualTo("/organisations/review?status=interviewed&position=1");
    }

    @Test
    void shouldLinkEachReviewedRecordToItsFullRecordPage() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations/review").param("position", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long first = service.search(parameters.read(Map.of())).items().get(0).id();
        assertThat(page.select("main a:containsOwn(Open the full record)").attr("href"))
                .isEqualTo("/organisations/" + first);
    }

    @Test
    void shouldSayWhenNothingMatchesTheSearch() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations").param("q", "no such name"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("main p").eachText()).contains("No organisations match this search.")
                .noneMatch(p -> p.contains("no organisations in the register"));
        assertThat(page.select("main table")).isEmpty();
    }

    @Test
    void shouldSayAPagePastTheEndDoesNotExistAndLinkToTheLast() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations")
                        .param("status", "interviewed").param("size", "2").param("page", "100"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("main p").eachText())
                .contains("There is no page 100: this search has 2 pages.")
                .noneMatch(p -> p.contains("No organisations match"));
        assertThat(page.select("main a:containsOwn(last page)").attr("href"))
                .isEqualTo("/organisations?status=interviewed&size=2&page=2");
        assertThat(page.select("main table")).isEmpty();
        assertThat(page.select("a[rel=prev]")).isEmpty();
    }

    @Test
    void shouldWalkTheCurrentResultOneRecordAtATime() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations/review")
                        .param("status", "interviewed").param("position", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".caption").text()).isEqualTo("2 of 3");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Nottinghamshire REC");
        assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/organisations/review?status=interviewed&position=1");
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/organisations/review?status=interviewed&position=3");
    }

    @Test
    void shouldExplainAnUnknownFilterValueOnTheList() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/organisations").param("category", "charity shop"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary p").text())
                .isEqualTo("'charity shop' is not a valid value for category. Showing all organisations instead.");
    }

    @Test
    void shouldServeTheSearchAsJson() throws Exception {
        mvc.perform(get("/api/organisations").param("area", "Nottinghamshire"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].name", contains("Nottinghamshire REC", "Rushcliffe CVS")))
                .andExpect(jsonPath("$.items[0].category").value("bme-infrastructure"))
                .andExpect(jsonPath("$.items[0].interviewDate").value("2007-07-20"));
    }

    @Test
    void shouldRejectBadApiQueriesWithTheParameterNamed() throws Exception {
        mvc.perform(get("/api/organisations").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/organisations").param("status", "pending"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("'pending' is not a valid value for status"));
        mvc.perform(get("/api/organisations/{id}", 999_999)).andExpect(status().isNotFound());
    }

    private static OrganisationDetails interviewed(String name, Category category, String area, boolean followUp) {
        return OrganisationDetails.of(name, OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, category)
                .with(OrganisationField.AREA, area)
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 20))
                .with(OrganisationField.INTERVIEW_MODE, InterviewMode.VISIT)
                .with(OrganisationField.FULL_INTERVIEW, true)
                .with(OrganisationField.FOLLOW_UP, followUp);
    }
}
