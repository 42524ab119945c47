package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;


import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import db.migration.V79__fold_accents_in_search_text;

@DatabaseTest
class SearchTextMigrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldFoldTheAccentsOfRecordsSavedBeforeSearchDid() throws Exception {
        // More than one batch of records as an older version wrote them: lower case, accents kept.
        for (int i = 0; i < 1_005; i++) {
            jdbc.update("INSERT INTO organisation (version, name, name_sort, search_text, status, coverage, "
                    + "contact_name) VALUES (0, ?, ?, ?, 'listed', 'Léicester', 'Zoë')", "Café Group " + i,
                    "café group " + i, "café group " + i + "\nléicester\nzoë");
        }
        JavaMigrations.run(new V79__fold_accents_in_search_text(), dataSource);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE search_text LIKE '%é%' "
                + "OR search_text LIKE '%ë%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT search_text FROM organisation WHERE name = 'Café Group 1004'",
                String.class)).isEqualTo("cafe group 1004\nleicester\nzoe");
    }
}
