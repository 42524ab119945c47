package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL's organisation table as a plan test needs it after filling. */
final class Vacuum {

    private Vacuum() {
    }

    /**
     * As autovacuum leaves a table once its inserts settle: statistics, and every page marked all-visible
     * so that an index-only scan need not visit it. A page stays unmarked while any transaction that began
     * before its rows were written is still open (another test context's scheduled marking of the orders,
     * reading the table as it was filled), and the planner then prices reading half the table through an
     * index above reading it whole, so VACUUM is repeated until such transactions have ended. Index
     * cleanup is forced: where under 2% of the pages hold dead line pointers (the fill's updates, after a
     * test that emptied the table has left its pages free), VACUUM skips the indexes and leaves those
     * pages unmarked, whatever the transactions, and the test failed after CleanDatabaseTests.
     * The indexes are built again first: every test empties the table by DELETE, so after tests that
     * filled it with many records the indexes are many times the size of a fresh one, the wide group
     * indexes (V172 to V174) most, and the planner priced walking the index of every record by name below
     * a group's index-only walk (twice in CI; reproduced by filling 150,000 records and deleting them).
     */
    static void settle(JdbcTemplate jdbc) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean settled;
        jdbc.execute("REINDEX TABLE organisation");
        do {
            jdbc.execute("VACUUM (ANALYZE, INDEX_CLEANUP ON) organisation");
            settled = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT relallvisible >= relpages FROM pg_class WHERE oid = 'organisation'::regclass", Boolean.class));
            if (!settled) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        } while (!settled && System.nanoTime() < until);
        assertThat(settled).as("every page of organisation marked all-visible within a minute").isTrue();
    }
}
