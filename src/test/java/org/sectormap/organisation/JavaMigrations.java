package org.sectormap.organisation;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs a Java migration again on the test database, as Flyway would on one saved by an older version. */
final class JavaMigrations {

    private JavaMigrations() {
    }

    static void run(JavaMigration migration, DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }
}
