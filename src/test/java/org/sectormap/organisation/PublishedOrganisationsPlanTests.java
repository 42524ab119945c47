package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
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

    private String plan(String query) {
        String sql = "EXPLAIN " + query;
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (url.startsWith("jdbc:postgresql:")) {
                    // An empty table is cheaper to read whole, or through a bitmap of any index whatever the
                    // statistics earlier tests left; forbidding both shows what the index can do alone.
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_bitmapscan = off");
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }

    @Test
    void shouldReadAPageOfTheFeedInOrderFromTheIndexOfPublishedRecords() {
        String plan = plan(PublishedOrganisations.pageQuery(PublishedOrganisations.PUBLISHED)
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
        String plan = plan(PublishedOrganisations.countQuery(PublishedOrganisations.PUBLISHED));

        assertThat(plan.toLowerCase()).contains("organisation_directory");
        if (url.startsWith("jdbc:postgresql:")) {
            assertThat(plan).contains("Index Only Scan");
        }
    }
}
