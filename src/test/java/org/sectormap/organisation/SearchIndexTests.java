package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** Free-text search is served by an index where the database has one that fits (PostgreSQL's trigrams). */
@DatabaseTest
class SearchIndexTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganisationService organisations;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldStandAtTheSameSchemaVersionOnEitherDatabase() {
        // The trigram index is PostgreSQL's alone; H2 takes the same version so backups move between them.
        assertThat(jdbc.queryForObject("SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\" "
                + "WHERE \"version\" = '78' AND \"success\" = TRUE", Integer.class)).isNotNull();
    }

    @Test
    void shouldFindAWordAnywhereInTheSearchTextThroughTheTrigramIndexOnPostgresql() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "H2 has no trigram index; this is the postgres pass's check");
        organisations.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));

        List<String> plan = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Two rows are cheaper to read whole; forbidding that shows whether the index can serve the search.
                statement.execute("SET LOCAL enable_seqscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("EXPLAIN SELECT COUNT(*) FROM organisation "
                        + "WHERE search_text LIKE '%racial equ%' ESCAPE '\\'")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return lines;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });

        assertThat(String.join("\n", plan)).contains("organisation_search_text_trgm");
        assertThat(organisations.search(new OrganisationQuery("racial equ", null, false, null, null, null,
                null, null, null, OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE)).items())
                .extracting(o -> o.details().name()).containsExactly("Derby Racial Equality Council");
    }
}
