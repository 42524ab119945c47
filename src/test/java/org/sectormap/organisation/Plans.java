package org.sectormap.organisation;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plan a database chooses for a query, as the plan tests read it. */
final class Plans {

    private Plans() {
    }

    /**
     * On PostgreSQL with sequential and bitmap scans forbidden for the one statement: a test table is
     * cheaper to read whole, or through a bitmap of any index whatever the statistics earlier tests
     * left, so forbidding both shows what the index can do alone.
     */
    static String explain(JdbcTemplate jdbc, String url, String query) {
        return explain(jdbc, url, query, false);
    }

    /**
     * The same with sorting forbidden too, on PostgreSQL: the plan still sorts only when no index can give
     * the order, whichever the planner would prefer for a table as small as a test's.
     */
    static String explainUnsorted(JdbcTemplate jdbc, String url, String query) {
        return explain(jdbc, url, query, true);
    }

    private static String explain(JdbcTemplate jdbc, String url, String query, boolean unsorted) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (url.startsWith("jdbc:postgresql:")) {
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_bitmapscan = off");
                    if (unsorted) {
                        statement.execute("SET LOCAL enable_sort = off");
                    }
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("EXPLAIN " + query)) {
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
}
