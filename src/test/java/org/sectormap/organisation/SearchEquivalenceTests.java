package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The list's search and filters give the same records in the same order on both databases: the
 * same register is stored in this PostgreSQL database, where a trigram index serves the search, and
 * in a new H2 file, where the Lucene search index beside it does, and every query is asked of both
 * and the answers compared.
 */
@DatabaseTest
class SearchEquivalenceTests {

    private static final String[] PLACES = {"Derby", "Leicester", "Nottingham", "São Paulo Café", "Zoë's Place",
            "Łódź Polish", "Ünal Turkish", "St. Ann's", "Black & Asian", "100% Youth", "under_score", "O'Brien"};
    private static final String[] KINDS = {"Network", "Forum", "Partnership", "Council for Voluntary Service", "CVS",
            "Trust", "Community Foundation", "Women's Group", "NETWORKERS", "Consortium"};
    private static final String[] QUERIES = {"network", "NETWORK", "work", "cafe", "CAFÉ", "zoe", "zoë", "lodz",
            "unal", "st. ann", "black & asian", "100%", "1_0", "under_score", "o'brien", "derby forum",
            "forum derby", "cvs", "voluntary service", "women", "wom", "et", "xyzzy", "refugee",
            "  leicester   trust  ", "contact 7"};

    @Autowired
    OrganisationRepository repository;

    @Autowired
    QueryParameters parameters;

    @Value("${spring.datasource.url}")
    String url;

    private static JdbcDataSource newH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/sector-map-search-" + UUID.randomUUID()
                + ";MODE=Regular;DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        return h2;
    }

    /** A register with accents, punctuation, LIKE's own wildcards and words inside words. */
    private static List<OrganisationDetails> register() {
        Random random = new Random(2007);
        Category[] categories = Category.values();
        OutreachStatus[] statuses = {OutreachStatus.INTERVIEWED, OutreachStatus.LISTED, OutreachStatus.UNREACHABLE};
        List<OrganisationDetails> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            OutreachStatus status = statuses[random.nextInt(statuses.length)];
            boolean interviewed = status == OutreachStatus.INTERVIEWED;
            all.add(OrganisationDetails.of(PLACES[random.nextInt(PLACES.length)] + " " + KINDS[random.nextInt(KINDS.length)]
                            + (i % 7 == 0 ? "" : " " + i), status)
                    .with(OrganisationField.CATEGORY, i % 9 == 0 ? null : categories[random.nextInt(categories.length)])
                    .with(OrganisationField.AREA, PLACES[random.nextInt(3)])
                    .with(OrganisationField.COVERAGE, random.nextBoolean() ? PLACES[random.nextInt(PLACES.length)] + " and around" : null)
                    .with(OrganisationField.DESCRIPTION, random.nextInt(4) == 0 ? "Supports refugee groups; " + KINDS[i % KINDS.length] : null)
                    .with(OrganisationField.CONTACT_NAME, random.nextInt(3) == 0 ? "Contact " + i : null)
                    .with(OrganisationField.INTERVIEW_DATE, interviewed && random.nextBoolean()
                            ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(21)) : null)
                    .with(OrganisationField.FOLLOW_UP, interviewed && random.nextBoolean()));
        }
        return all;
    }

    private static List<Map<String, String>> queries() {
        List<Map<String, String>> queries = new ArrayList<>();
        for (String q : QUERIES) {
            queries.add(Map.of("q", q));
            queries.add(Map.of("q", q, "status", "interviewed", "sort", "interview-date", "dir", "desc"));
            queries.add(Map.of("q", q, "category", "bme-infrastructure", "sort", "area"));
        }
        queries.add(Map.of("page", "3", "size", "50"));
        queries.add(Map.of("sort", "name", "dir", "desc", "page", "2"));
        queries.add(Map.of("category", "unclassified", "followUp", "no", "sort", "category"));
        return queries;
    }

    @Test
    void shouldFindTheSameRecordsInTheSameOrderOnH2AsOnPostgreSql() {
        assumeTrue(url.startsWith("jdbc:postgresql:"),
                "Compared when the database tests run on PostgreSQL: each query is asked of it and of a new H2 file");
        JdbcDataSource file = newH2();
        try (SearchIndex index = new SearchIndex(new JdbcTemplate(file), file.getURL())) {
            JdbcClient jdbc = JdbcClient.create(file);
            OrganisationRepository h2 = new OrganisationRepository(jdbc, file, Clock.systemUTC(),
                    new OrganisationTally(jdbc, new DataSourceTransactionManager(file)), SearchIndexes.provided(index),
                    new ContactPeopleRepository(jdbc, file),
                    new OrderMarks(jdbc, file, new DataSourceTransactionManager(file)),
                    new WordMarks(jdbc, file, new DataSourceTransactionManager(file), 2_000), Duration.ZERO);
            List<OrganisationDetails> register = register();
            repository.insertAll(register, null);
            h2.insertAll(register, null);
            SearchIndexes.awaitCurrent(index);
            compare(h2, index);
        }
    }

    private void compare(OrganisationRepository h2, SearchIndex index) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (Map<String, String> params : queries()) {
            OrganisationQuery asked = parameters.read(params);
            // A viewer's search too, kept out of contacts' names.
            for (OrganisationQuery query : params.containsKey("q") ? List.of(asked, asked.withContactsHidden())
                    : List.of(asked)) {
                String as = params + (query.contactsHidden() ? " for a viewer" : "");
                assertThat(index.find(query).isPresent()).as("H2's index answers %s", as)
                        .isEqualTo(params.containsKey("q"));
                OrganisationRepository.Found onPostgreSql = repository.search(query);
                OrganisationRepository.Found onH2 = h2.search(query);
                assertThat(names(onH2.items())).as("page for %s", as).isEqualTo(names(onPostgreSql.items()));
                assertThat(onH2.total()).as("total for %s", as).isEqualTo(onPostgreSql.total());
                found.put(as, onPostgreSql.total());
            }
        }
        // The comparison means something only if most queries find records, and some find none.
        assertThat(found.values().stream().filter(n -> n > 0).count()).isGreaterThan(found.size() * 3 / 4);
        assertThat(found).containsEntry(Map.of("q", "xyzzy").toString(), 0L);
        // Only contacts' names hold "contact".
        assertThat(found.get(Map.of("q", "contact 7").toString())).isPositive();
        assertThat(found).containsEntry(Map.of("q", "contact 7") + " for a viewer", 0L);
        assertThat(found.get(Map.of("q", "cafe").toString())).isEqualTo(found.get(Map.of("q", "CAFÉ").toString()))
                .isPositive();
    }

    private static List<String> names(List<Organisation> organisations) {
        return organisations.stream().map(o -> o.details().name()).toList();
    }
}
