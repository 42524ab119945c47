package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import db.migration.V62__fill_organisation_match_keys;

@DatabaseTest
class MatchKeyMigrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldFillTheKeysOfRecordsSavedBeforeThem() throws Exception {
        // More than one batch of records as an older version wrote them: without keys.
        for (int i = 0; i < 1_005; i++) {
            jdbc.update("INSERT INTO organisation (version, name, name_sort, search_text, status, email, website, phone, "
                    + "postcode) VALUES (0, ?, ?, '', 'listed', ?, ?, ?, ?)", "The Café Group " + i + " Ltd",
                    "the café group " + i + " ltd", "Group" + i + "@Example.org", "https://www.example.org/" + i,
                    "+44 116 255 " + i, "LE1 1AA");
        }
        JavaMigrations.run(new V62__fill_organisation_match_keys(), dataSource);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name_key IS NULL", Long.class)).isZero();
        Map<String, Object> last = jdbc.queryForMap("SELECT name_key, email_key, website_key, phone_key, postcode_key "
                + "FROM organisation WHERE name = 'The Café Group 1004 Ltd'");
        assertThat(last).containsValues("cafe group 1004", "group1004@example.org", "example.org", "01162551004",
                "LE11AA");
    }
}
