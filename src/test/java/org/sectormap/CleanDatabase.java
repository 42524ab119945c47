package org.sectormap;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sectormap.shared.RegisterReplaced;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties every table before each test, children before parents, then puts back the reference data
 * of the seed migrations (the default questionnaire and themes), which some tests count on and
 * others change. The tables and their order are read from the database, so a new migration needs
 * nothing here; one that seeds data must be named {@code V<n>__seed_...}. The bootstrap administrator
 * of the test configuration is then created again, so every test starts with one user.
 */
public class CleanDatabase implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CleanDatabase.class);
    /** H2 says BASE TABLE, PostgreSQL TABLE; views, sequences and the like hold nothing to empty. */
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        // Reading the schema is a query per table on PostgreSQL; it does not change during a run.
        Schema schema = context.getRoot().getStore(NAMESPACE).computeIfAbsent(spring,
                key -> Schema.read(spring), Schema.class);
        empty(spring, schema);
    }

    /** As before a test, for a test that needs a new installation part way through. */
    public static void emptyNow(ApplicationContext spring) {
        empty(spring, Schema.read(spring));
    }

    static void empty(ApplicationContext spring, Schema schema) {
        schema.empty(spring.getBean(JdbcTemplate.class));
        // The tables were emptied past their features, as a restore writes them: what is kept beside them starts again.
        spring.publishEvent(new RegisterReplaced());
        // As a fresh start with the test configuration's bootstrap settings would.
        try {
            spring.getBean("bootstrapAdmin", ApplicationRunner.class).run(new DefaultApplicationArguments());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the bootstrap administrator", e);
        }
    }

    /** The tables in an order that deletes every child before its parent, and the seed scripts to run again. */
    record Schema(List<String> childrenFirst, List<Resource> seeds) {

        static Schema read(ApplicationContext spring) {
            Flyway flyway = spring.getBean(Flyway.class);
            String history = flyway.getConfiguration().getTable();
            List<Resource> seeds = new ArrayList<>();
            for (MigrationInfo migration : flyway.info().applied()) {
                if (migration.getDescription().startsWith("seed ")) {
                    seeds.add(spring.getResource(flyway.getConfiguration().getLocations()[0].getDescriptor()
                            + "/" + migration.getScript()));
                }
            }
            DataSource dataSource = spring.getBean(DataSource.class);
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                return new Schema(childrenFirst(connection, history), List.copyOf(seeds));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the tables to empty", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        void empty(JdbcTemplate jdbc) {
            childrenFirst.forEach(table -> jdbc.update("DELETE FROM " + table));
            if (!seeds.isEmpty()) {
                new ResourceDatabasePopulator(seeds.toArray(Resource[]::new)).execute(jdbc.getDataSource());
            }
        }

        /** Every table of the current schema but Flyway's, quoted, each after the tables that refer to it. */
        private static List<String> childrenFirst(Connection connection, String history) throws SQLException {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = connection.getSchema();
            Map<String, Set<String>> parents = new HashMap<>();
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), escaped(schema, metadata), "%", null)) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (TABLE_TYPES.contains(tables.getString("TABLE_TYPE")) && !name.equalsIgnoreCase(history)) {
                        parents.put(name, new HashSet<>());
                    }
                }
            }
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), schema, table.getKey())) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME");
                        // A table that refers to itself is emptied by one statement, which the keys allow.
                        if (!parent.equals(table.getKey())) {
                            table.getValue().add(parent);
                        }
                    }
                }
            }
            String quote = metadata.getIdentifierQuoteString();
            return order(parents).stream().map(t -> quote + t + quote).toList();
        }

        /** Children first: a table goes once no table left refers to it; by name among those free, to repeat runs. */
        private static List<String> order(Map<String, Set<String>> parents) {
            Set<String> left = new TreeSet<>(parents.keySet());
            List<String> ordered = new ArrayList<>();
            while (!left.isEmpty()) {
                List<String> free = left.stream()
                        .filter(t -> left.stream().noneMatch(other -> parents.get(other).contains(t))).toList();
                if (free.isEmpty()) {
                    throw new IllegalStateException("These tables refer to each other in a cycle: " + left);
                }
                ordered.addAll(free);
                free.forEach(left::remove);
            }
            return ordered;
        }

        private static String escaped(String pattern, DatabaseMetaData metadata) throws SQLException {
            String escape = metadata.getSearchStringEscape();
            return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        }
    }
}
