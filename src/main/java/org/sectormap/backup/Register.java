package org.sectormap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.sectormap.shared.DerivedTables;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A database holding a register: the app's own, or in a test another one of the other kind.
 *
 * @param schemaVersion the version of its latest migration
 * @param leftOut       the installation's own tables, the derived tables and Flyway's, which a backup
 *                      does not carry
 * @param seeded        tables every new installation fills: from the seed migrations (the default
 *                      questionnaire and themes) or on its own (its audit trail); a restore replaces
 *                      their rows rather than refusing
 * @param recount       what fills the derived tables (left out) again once a restore's rows are in
 */
record Register(DataSource dataSource, String schemaVersion, Set<String> leftOut, Set<String> seeded,
        List<String> recount) {

    private static final Pattern INSERT = Pattern.compile("INSERT\\s+INTO\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    static Register of(DataSource dataSource, Flyway flyway, Set<String> installationOnly, Set<String> replaced,
            List<DerivedTables> derived) {
        Set<String> leftOut = new HashSet<>(installationOnly);
        derived.forEach(tables -> leftOut.addAll(tables.names()));
        leftOut.add(flyway.getConfiguration().getTable().toLowerCase(Locale.ROOT));
        Set<String> seeded = new HashSet<>();
        for (MigrationInfo migration : flyway.info().applied()) {
            if (migration.getDescription().startsWith("seed ")) {
                Matcher insert = INSERT.matcher(script(flyway, migration));
                while (insert.find()) {
                    seeded.add(insert.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        seeded.addAll(replaced);
        seeded.removeAll(leftOut);
        return new Register(dataSource, flyway.info().current().getVersion().getVersion(), Set.copyOf(leftOut),
                Set.copyOf(seeded), derived.stream().flatMap(tables -> tables.recount().stream()).toList());
    }

    Schema schema() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return Schema.read(connection, leftOut);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tables to back up", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String script(Flyway flyway, MigrationInfo migration) {
        String location = flyway.getConfiguration().getLocations()[0].getPath();
        try (InputStream in = Register.class.getClassLoader().getResourceAsStream(location + "/" + migration.getScript())) {
            if (in == null) {
                throw new IllegalStateException("Seed migration not on the class path: " + migration.getScript());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
