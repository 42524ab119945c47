package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sectormap.organisation.MatchKeys;

/**
 * Fills the match keys V61 added for the records saved before them. In Java because the keys fold
 * accents and words as {@link MatchKeys} does, which portable SQL cannot; a thousand rows at a time
 * in id order, so a register of a million is never held in memory.
 */
public class V62__fill_organisation_match_keys extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, email, website, phone, postcode "
                        + "FROM organisation WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY");
                PreparedStatement update = connection.prepareStatement("UPDATE organisation SET name_key = ?, "
                        + "email_key = ?, website_key = ?, phone_key = ?, postcode_key = ? WHERE id = ?")) {
            int rows;
            do {
                rows = 0;
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong("id");
                        update.setString(1, MatchKeys.name(rs.getString("name")));
                        update.setString(2, MatchKeys.email(rs.getString("email")));
                        update.setString(3, MatchKeys.website(rs.getString("website")));
                        update.setString(4, MatchKeys.phone(rs.getString("phone")));
                        update.setString(5, MatchKeys.postcode(rs.getString("postcode")));
                        update.setLong(6, after);
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
