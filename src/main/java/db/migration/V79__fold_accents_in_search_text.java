package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sectormap.organisation.SearchText;

/**
 * Writes the search text of the records saved before search folded accents, as {@link SearchText}
 * now does, so that "societe" finds them too. In Java because portable SQL cannot fold accents; a
 * thousand rows at a time in id order, so a register of a million is never held in memory.
 */
public class V79__fold_accents_in_search_text extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, coverage, description, "
                        + "contact_name FROM organisation WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY");
                PreparedStatement update = connection.prepareStatement("UPDATE organisation SET search_text = ? "
                        + "WHERE id = ?")) {
            int rows;
            do {
                rows = 0;
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong("id");
                        update.setString(1, SearchText.of(rs.getString("name"), rs.getString("coverage"),
                                rs.getString("description"), rs.getString("contact_name")));
                        update.setLong(2, after);
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
