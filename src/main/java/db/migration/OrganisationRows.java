package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rewrites columns of every organisation a thousand rows at a time in id order, so a register of a
 * million is never held in memory: for the Java migrations that fill columns portable SQL cannot
 * compute, such as keys and text folded as the app folds them.
 */
final class OrganisationRows {

    private static final int BATCH = 1_000;

    /** Sets the update's parameters from a row; the row's id is set after them by {@link #rewrite}. */
    interface Rewrite {
        void set(ResultSet row, PreparedStatement update) throws SQLException;
    }

    private OrganisationRows() {
    }

    /**
     * @param columns the columns the rewrite reads, after the id
     * @param set     the update's SET clause; its last parameter, the id, is added here
     * @param size    how many parameters the SET clause has
     */
    static void rewrite(Connection connection, String columns, String set, int size, Rewrite rewrite)
            throws SQLException {
        long after = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + columns + " FROM organisation "
                        + "WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY");
                PreparedStatement update = connection.prepareStatement("UPDATE organisation SET " + set
                        + " WHERE id = ?")) {
            int rows;
            do {
                rows = 0;
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong("id");
                        rewrite.set(rs, update);
                        update.setLong(size + 1, after);
                        update.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    update.executeBatch();
                }
            } while (rows == BATCH);
        }
    }
}
