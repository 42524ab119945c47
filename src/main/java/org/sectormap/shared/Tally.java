package org.sectormap.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table of counts kept beside the rows it counts, so that a summary report sums a few hundred rows
 * rather than reading millions. A change is added as rows of +n and -n in the change's own
 * transaction, never by updating a counter, so no writer waits for another one holding the same group
 * (a long import would hold it to its end); {@link #fold()} sums them into one row per group now and then.
 */
public final class Tally {

    private static final Logger log = LoggerFactory.getLogger(Tally.class);
    /** Folding starts once this many rows have piled up; below it summing them costs nothing. */
    private static final long FOLD_FROM = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate repeatableRead;
    private final String table;
    private final String group;
    private final String count;

    /**
     * @param table the tally, with a generated {@code id}, the group's columns and the count
     * @param group the group's columns, comma-separated
     * @param count the column holding each row's +n or -n
     */
    public Tally(JdbcClient jdbc, PlatformTransactionManager transactions, String table, String group, String count) {
        this.jdbc = jdbc;
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.table = table;
        this.group = group;
        this.count = count;
    }

    /** The start of a statement adding rows, to be followed by VALUES or a SELECT of the group and the count. */
    public String insert() {
        return "INSERT INTO " + table + " (" + group + ", " + count + ") ";
    }

    /**
     * Folds the rows into one per group, dropping groups that count nothing. Repeatable read, so the
     * rows deleted are exactly the rows summed: a change committed meanwhile is in neither.
     *
     * @return whether there was anything to fold
     */
    public boolean fold() {
        return Boolean.TRUE.equals(repeatableRead.execute(status -> {
            Long last = jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
            if (last == null) {
                return false;
            }
            jdbc.sql(insert() + "SELECT " + group + ", SUM(" + count + ") FROM " + table + " WHERE id <= :last "
                    + "GROUP BY " + group + " HAVING SUM(" + count + ") <> 0").param("last", last).update();
            jdbc.sql("DELETE FROM " + table + " WHERE id <= :last").param("last", last).update();
            return true;
        }));
    }

    /** Folds once enough rows have piled up; two instances folding at once leave it to the next time. */
    public void foldWhenDue() {
        long rows = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        if (rows > FOLD_FROM) {
            try {
                fold();
            } catch (DataAccessException e) {
                log.info("{} not folded this time: {}", table, DatabaseFailure.describe(e));
            }
        }
    }
}
