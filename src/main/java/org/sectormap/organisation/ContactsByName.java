package org.sectormap.organisation;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.sectormap.shared.Coded;
import org.sectormap.shared.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations of some statuses in name order, a batch at a time after the last one read, for the
 * outreach pages to go through until they have what they need (those never tried, for the morning list).
 */
@Repository
public class ContactsByName {

    private final JdbcClient jdbc;
    private final boolean h2;

    ContactsByName(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = Databases.isH2(dataSource);
    }

    public record Contact(long id, String name, String nameSort, OutreachStatus status, String phone, String email,
            String contactName) {
    }

    /**
     * The next {@code limit} after {@code after} (from the first when null). H2 read every organisation
     * of the statuses through a status index and sorted them all (400,000 of a million), so it walks the
     * name's index, which passes about as many rows as a batch holds while the statuses are a quarter of
     * the register or more (the tally says), as the list walks its sort's index.
     */
    public List<Contact> next(Collection<OutreachStatus> statuses, Contact after, int limit) {
        String from = h2 && walks(statuses) ? "organisation USE INDEX (organisation_name_sort_idx)" : "organisation";
        String past = after == null ? "" : " AND name_sort >= :nameSort AND (name_sort > :nameSort OR id > :id)";
        var statement = jdbc.sql("SELECT id, name, name_sort, status, phone, email, contact_name FROM " + from
                        + " WHERE status IN (:statuses)" + past + " ORDER BY name_sort, id FETCH FIRST :limit ROWS ONLY")
                .param("statuses", codes(statuses)).param("limit", limit);
        if (after != null) {
            statement = statement.param("nameSort", after.nameSort()).param("id", after.id());
        }
        return statement.query((rs, n) -> new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("name_sort"),
                Coded.fromCode(OutreachStatus.class, rs.getString("status")).orElseThrow(), rs.getString("phone"),
                rs.getString("email"), rs.getString("contact_name"))).list();
    }

    private boolean walks(Collection<OutreachStatus> statuses) {
        long matching = jdbc.sql(OrganisationCounts.SUM_OF_TALLY + " WHERE status IN (:statuses)")
                .param("statuses", codes(statuses)).query(Long.class).single();
        return matching * 4 >= jdbc.sql(OrganisationCounts.SUM_OF_TALLY).query(Long.class).single();
    }

    private static List<String> codes(Collection<OutreachStatus> statuses) {
        return statuses.stream().map(OutreachStatus::code).toList();
    }
}
