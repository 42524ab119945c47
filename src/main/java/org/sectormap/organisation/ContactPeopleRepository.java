package org.sectormap.organisation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.sectormap.shared.CopyIn;
import org.sectormap.shared.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each organisation's row of {@code organisation_last_contact} (V151): whether it names a contact
 * person and the day of the last contact with it. Contact people are read through V153's index on
 * (named, last_contact, organisation_id), never contacted first (an empty day, looked up as such),
 * then a range of days, each joined to its organisation for the names.
 */
@Repository
class ContactPeopleRepository {

    private static final String TABLE = "organisation_last_contact";
    private static final List<String> COLUMNS = List.of("organisation_id", "named", "last_contact");
    /** Each person with their organisation's row in one statement, so a record deleted meanwhile is not half read. */
    private static final String PEOPLE = "SELECT c.organisation_id, c.last_contact, o.name, o.contact_name FROM " + TABLE
            + " c JOIN organisation o ON o.id = c.organisation_id WHERE c.named = TRUE AND ";
    private static final String COUNT = "SELECT COUNT(*) FROM " + TABLE + " WHERE named = TRUE AND ";
    private static final String ORDER = " ORDER BY c.named, c.last_contact, c.organisation_id FETCH FIRST :limit ROWS ONLY";
    private static final RowMapper<ContactPeople.Person> PERSON = (rs, row) -> {
        Date day = rs.getDate("last_contact");
        return new ContactPeople.Person(rs.getLong("organisation_id"), rs.getString("name"),
                rs.getString("contact_name"), day == null ? null : day.toLocalDate());
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final boolean copying;

    ContactPeopleRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
        this.copying = !Databases.isH2(dataSource);
    }

    /** New records, each id with its details in the same order, made on the day. */
    void added(List<Long> ids, List<OrganisationDetails> details, LocalDate day) {
        List<List<Object>> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            rows.add(List.of(ids.get(i), named(details.get(i)), day));
        }
        if (copying) {
            CopyIn.rows(dataSource, TABLE, COLUMNS, rows);
        } else {
            template.batchUpdate("INSERT INTO " + TABLE + " (" + String.join(", ", COLUMNS) + ") VALUES (?, ?, ?)",
                    rows.stream().map(row -> new Object[] {row.get(0), row.get(1), Date.valueOf(day)}).toList());
        }
    }

    /** A record saved again, naming a contact person or not. */
    void changed(long id, OrganisationDetails details) {
        boolean named = named(details);
        jdbc.sql("UPDATE " + TABLE + " SET named = :named WHERE organisation_id = :id AND named <> :named")
                .param("named", named).param("id", id).update();
    }

    void contacted(Collection<Long> ids, LocalDate day) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE " + TABLE + " SET last_contact = :day WHERE organisation_id IN (:ids) "
                    + "AND (last_contact IS NULL OR last_contact < :day)").param("day", day).param("ids", ids).update();
        }
    }

    List<ContactPeople.Person> neverContacted(long afterId, int limit) {
        return jdbc.sql(neverContactedQuery()).param("after", afterId).param("limit", limit).query(PERSON).list();
    }

    static String neverContactedQuery() {
        return PEOPLE + "c.last_contact IS NULL AND c.organisation_id > :after" + ORDER;
    }

    /** Those last contacted before the day, after the given person (null: from the earliest day). */
    List<ContactPeople.Person> contactedBefore(LocalDate day, ContactPeople.Person after, int limit) {
        var statement = jdbc.sql(contactedBeforeQuery(after != null)).param("day", day).param("limit", limit);
        if (after != null) {
            statement = statement.param("from", after.lastContact()).param("after", after.organisationId());
        }
        return statement.query(PERSON).list();
    }

    static String contactedBeforeQuery(boolean after) {
        return PEOPLE + (after ? "c.last_contact >= :from AND (c.last_contact > :from OR c.organisation_id > :after) AND "
                : "") + "c.last_contact < :day" + ORDER;
    }

    long countNeverContacted() {
        return jdbc.sql(COUNT + "last_contact IS NULL").query(Long.class).single();
    }

    long countContactedBefore(LocalDate day) {
        return jdbc.sql(COUNT + "last_contact < :day").param("day", day).query(Long.class).single();
    }

    private static boolean named(OrganisationDetails details) {
        Object name = details.get(OrganisationField.CONTACT_NAME);
        return name != null && !name.toString().isEmpty();
    }
}
