package db.migration;

import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.sectormap.organisation.SearchText;

/**
 * Writes the search text of the records saved before search folded accents, as {@link SearchText}
 * now does, so that "societe" finds them too. In Java because portable SQL cannot fold accents.
 */
public class V79__fold_accents_in_search_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        OrganisationRows.rewrite(context.getConnection(), "name, coverage, description, contact_name",
                "search_text = ?", 1, (row, update) -> update.setString(1, SearchText.of(row.getString("name"),
                        row.getString("coverage"), row.getString("description"), row.getString("contact_name"))));
    }
}
