package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldReadAPageOfTheFeedInOrderFromTheIndexOfPublishedRecords() {
        String plan = Plans.explainUnsorted(jdbc, url, PublishedOrganisations.pageQuery(PublishedOrganisations.PUBLISHED)
                .replace(":offset", "50").replace(":size", "50"));

        assertThat(plan.toLowerCase()).contains("organisation_directory");
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).doesNotContain("Sort");
        } else {
            assertThat(plan).contains("/* index sorted */");
        }
    }

    @Test
    void shouldCountTheFeedFromTheIndexOfPublishedRecords() {
        String plan = Plans.explainIndexOnly(jdbc, url, PublishedOrganisations.countQuery(PublishedOrganisations.PUBLISHED));

        assertThat(plan.toLowerCase()).contains("organisation_directory");
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).contains("Index Only Scan");
        }
    }
}
