package org.sectormap.organisation;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a test's new records' ids begin, so that they reach across the block tally's blocks (V168). */
final class Ids {

    private Ids() {
    }

    /**
     * The next record created takes this id, and those after it the ids after it. On PostgreSQL by the
     * identity's sequence, which takes no lock on the table (ALTER TABLE would wait for every other open
     * transaction on it).
     */
    static void nextAt(JdbcTemplate jdbc, long id) {
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(database)) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence('organisation', 'id'), ?, false)", Long.class, id);
        } else {
            jdbc.execute("ALTER TABLE organisation ALTER COLUMN id RESTART WITH " + id);
        }
    }
}
