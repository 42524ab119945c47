package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page of the directory feed is read in order from an index, never by sorting every published
 * record, and its total is counted from that index without reading the rows.
 */
@DatabaseTest
class PublishedOrganisationsPlanTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedOrganisations published;

    @Value("${spring.datasource.url}")
    String url;

    @Autowired
    OrganisationService organisations;

    /**
     * A register of some size, as autovacuum leaves it: on an empty table, or one whose statistics an
     * earlier test's inserts left, the planner would as soon read the table as the index.
     */
    @BeforeEach
    void filledAndSettled() {
        if (url.startsWith("jdbc:postgresql:")) {
            organisations.createAll(IntStream.range(0, 3_000).mapToObj(i -> OrganisationDetails.of("Forum " + i,
                    i % 3 == 0 ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED)).toList(), null);
            Vacuum.settle(jdbc);
        }
    }

    @Test
    void shouldReadAPageOfTheFeedInOrderFromTheIndexOfPublishedRecords() {
        String plan = Plans.explainUnsorted(jdbc, url, PublishedOrganisations.pageQuery(
                PublishedOrganisations.TABLE, PublishedOrganisations.PUBLISHED).replace(":offset", "50")
                .replace(":size", "50"));

        assertThat(plan.toLowerCase()).contains("organisation_directory");
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).doesNotContain("Sort");
        } else {
            assertThat(plan).contains("/* index sorted */");
        }
    }

    @Test
    void shouldCountTheFeedFromTheIndexOfPublishedRecords() {
        String plan = Plans.explainIndexOnly(jdbc, url,
                PublishedOrganisations.countQuery(PublishedOrganisations.TABLE, PublishedOrganisations.PUBLISHED));

        assertThat(plan.toLowerCase()).contains("organisation_directory");
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).contains("Index Only Scan");
        }
    }

    /**
     * A search of the feed is found through the search text's trigram index on PostgreSQL, not by reading
     * every published record, whenever a bitmap of it can serve; text beyond ASCII reads them as before.
     */
    @Test
    void shouldSearchTheFeedThroughTheTrigramIndexOnPostgres() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL's trigram index; H2 has none");
        for (String text : List.of("forum", "Somali Forum")) {
            Map<String, Object> params = new LinkedHashMap<>();
            String where = published.where(new PublishedOrganisations.Filter(text, null, false, null), params);
            String query = PublishedOrganisations.countQuery(PublishedOrganisations.TABLE, where)
                    .replace(":text", "'" + params.get("text") + "'");

            // Without the indexes that serve the feed's other columns (which a large feed's search would
            // not choose), what is left to serve it is the search text's, or nothing.
            assertThat(Plans.explainBitmapOnlyWithout(jdbc, url, query, List.of("organisation_directory",
                    "organisation_status_order", "organisation_status_name", "organisation_interviewees")))
                    .as(text).contains("organisation_search_text_trgm");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        assertThat(published.where(new PublishedOrganisations.Filter("Société", null, false, null), params))
                .doesNotContain("search_text");
    }
}
