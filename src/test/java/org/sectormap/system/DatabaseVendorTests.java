package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves which database the database tests really ran on, so a CI run that meant PostgreSQL
 * cannot quietly pass on H2, and says plainly when PostgreSQL was not asked for.
 */
@DatabaseTest
class DatabaseVendorTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldRunOnTheDatabaseThatWasConfigured() throws Exception {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        String expected = url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        assertThat(product).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRunOnPostgresqlWhenOneIsNamed() throws Exception {
        assumeTrue(System.getenv("SECTORMAP_TEST_POSTGRES_URL") != null,
                "PostgreSQL tests skipped: set SECTORMAP_TEST_POSTGRES_URL, _USER and _PASSWORD (see README)"
                        + " to run the database tests against PostgreSQL as CI does");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "this run is the H2 pass; the postgres pass follows");
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
    }
}
