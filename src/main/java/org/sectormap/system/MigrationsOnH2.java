package org.sectormap.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Closes an embedded H2 file database once migrations have changed it, so that it opens again with
 * the schema read afresh. H2 2.4 keeps the session that ran a migration inside what the migration
 * made: a CHECK (... IN (...)) constraint compares through it. When the pool later retires that
 * connection (Hikari does after 30 minutes), every insert or update the check guards failed with
 * "Check constraint invalid" (the cause being "The database has been closed"): the H2 benchmark at a
 * million organisations failed so, and so would a new installation half an hour after its first
 * start. A database opened from its file reads its schema in a session of its own that lives as long
 * as it does. An in-memory database would be lost, so it is left as it is (tests run for minutes).
 */
@Configuration
class MigrationsOnH2 {

    private static final Logger log = LoggerFactory.getLogger(MigrationsOnH2.class);

    @Bean
    FlywayMigrationStrategy migrateThenReopenH2(DataSource dataSource) {
        return flyway -> {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                reopenIfEmbeddedH2File(dataSource);
            }
        };
    }

    private static void reopenIfEmbeddedH2File(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            String url = connection.getMetaData().getURL();
            if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                    || url.startsWith("jdbc:h2:ssl:")) {
                connection.close();
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            // Every pooled connection died with the database, this one too (so closing it fails):
            // new ones open the database again.
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            pool.evictConnection(connection);
            pool.getHikariPoolMXBean().softEvictConnections();
            log.info("Reopened the H2 database after its migrations, so that it reads its schema afresh");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reopen the H2 database after its migrations", e);
        }
    }
}
