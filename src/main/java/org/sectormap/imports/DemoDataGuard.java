package org.sectormap.imports;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one demo_load row a database may hold, claimed by the first load to get there. */
@Repository
class DemoDataGuard {

    private final JdbcClient jdbc;

    DemoDataGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the row inside the caller's transaction, so it goes if the load rolls back.
     *
     * @return false when another load holds it, whether committed or still running
     */
    boolean claim(DemoDataSet set) {
        try {
            jdbc.sql("INSERT INTO demo_load (id, demo, loaded_at) VALUES (1, :demo, CURRENT_TIMESTAMP)")
                    .param("demo", set.code()).update();
            return true;
        } catch (DuplicateKeyException | QueryTimeoutException | PessimisticLockingFailureException e) {
            // While another load still holds the key uncommitted, PostgreSQL waits for it and then
            // reports the duplicate; H2 gives up waiting after its lock timeout.
            return false;
        }
    }
}
