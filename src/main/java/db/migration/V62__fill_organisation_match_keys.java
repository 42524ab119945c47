package db.migration;

import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sectormap.organisation.MatchKeys;

/**
 * Fills the match keys V61 added for the records saved before them. In Java because the keys fold
 * accents and words as {@link MatchKeys} does, which portable SQL cannot.
 */
public class V62__fill_organisation_match_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OrganisationRows.rewrite(context.getConnection(), "name, email, website, phone, postcode",
                "name_key = ?, email_key = ?, website_key = ?, phone_key = ?, postcode_key = ?", 5, (row, update) -> {
                    update.setString(1, MatchKeys.name(row.getString("name")));
                    update.setString(2, MatchKeys.email(row.getString("email")));
                    update.setString(3, MatchKeys.website(row.getString("website")));
                    update.setString(4, MatchKeys.phone(row.getString("phone")));
                    update.setString(5, MatchKeys.postcode(row.getString("postcode")));
                });
    }
}
