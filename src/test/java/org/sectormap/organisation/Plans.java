package org.sectormap.organisation;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

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
        return explain(jdbc, url, query, List.of());
    }

    /**
     * The same with sorting forbidden too, on PostgreSQL: the plan still sorts only when no index can give
     * the order, whichever the planner would prefer for a table as small as a test's.
     */
    static String explainUnsorted(JdbcTemplate jdbc, String url, String query) {
        return explain(jdbc, url, query, List.of("enable_sort"));
    }

    /**
     * The same with plain index scans forbidden too, on PostgreSQL: whether the index alone can answer.
     * Until a vacuum has marked a new table's pages all-visible, the planner prefers reading the rows as
     * well, so the plan would depend on which tests ran before and whether autovacuum had come by.
     */
    static String explainIndexOnly(JdbcTemplate jdbc, String url, String query) {
        return explain(jdbc, url, query, List.of("enable_indexscan"));
    }

    /**
     * On PostgreSQL, with only bitmap scans left (a GIN index serves no other) and the given indexes
     * dropped for the statement (the transaction is rolled back): whether any index left can serve the
     * query. On a test's few rows the planner would rather read them all through another index.
     */
    static String explainBitmapOnlyWithout(JdbcTemplate jdbc, String url, String query, List<String> indexes) {
        return explain(jdbc, url, query, List.of("enable_indexscan", "enable_indexonlyscan"), true,
                indexes.stream().map(index -> "DROP INDEX " + index).toList());
    }

    /**
     * On PostgreSQL, the plan of part of a statement (such as a page's ids, the rows after them each read
     * by the primary key) with its parameters, all but index-only scans, merge joins and merges forbidden:
     * whether indexes alone can give it, in order.
     */
    static String indexOnly(TransactionTemplate transactions, NamedParameterJdbcTemplate named, String part,
            Map<String, ?> params) {
        return transactions.execute(status -> {
            for (String setting : List.of("enable_seqscan", "enable_bitmapscan", "enable_sort", "enable_hashjoin",
                    "enable_indexscan")) {
                named.getJdbcTemplate().execute("SET LOCAL " + setting + " = off");
            }
            named.getJdbcTemplate().execute("SET LOCAL max_parallel_workers_per_gather = 0");
            return String.join("\n", named.queryForList("EXPLAIN " + part, params, String.class));
        });
    }

    private static String explain(JdbcTemplate jdbc, String url, String query, List<String> alsoForbidden) {
        return explain(jdbc, url, query, alsoForbidden, false, List.of());
    }

    private static String explain(JdbcTemplate jdbc, String url, String query, List<String> alsoForbidden,
            boolean bitmap, List<String> first) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : first) {
                    statement.execute(sql);
                }
                if (url.startsWith("jdbc:postgresql:")) {
                    statement.execute("SET LOCAL enable_seqscan = off");
                    statement.execute("SET LOCAL enable_bitmapscan = " + (bitmap ? "on" : "off"));
                    for (String setting : alsoForbidden) {
                        statement.execute("SET LOCAL " + setting + " = off");
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
