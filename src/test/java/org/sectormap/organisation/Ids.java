package org.sectormap.organisation;

import org.springframework.jdbc.core.JdbcTemplate;

/** Where a test's new records' ids begin, so that they reach across the block tally's blocks (V168). */
final class Ids {

    private Ids() {
    }

    /** The next record created takes this id, and those after it the ids after it. */
    static void nextAt(JdbcTemplate jdbc, long id) {
        jdbc.execute("ALTER TABLE organisation ALTER COLUMN id RESTART WITH " + id);
    }
}
