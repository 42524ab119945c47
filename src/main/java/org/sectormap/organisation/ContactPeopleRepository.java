package org.sectormap.organisation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads contact people through V153's index on (last_contact, id), never contacted first (an empty
 * day, looked up as such), then a range of days; "naming a contact person" is a non-empty name.
 */
@Repository
class ContactPeopleRepository {

    private static final String PEOPLE = "SELECT id, name, contact_name, last_contact FROM organisation "
            + "WHERE contact_name > '' AND ";
    private static final String COUNT = "SELECT COUNT(*) FROM organisation WHERE contact_name > '' AND ";
    private static final RowMapper<ContactPeople.Person> PERSON = (rs, row) -> {
        Date day = rs.getDate("last_contact");
        return new ContactPeople.Person(rs.getLong("id"), rs.getString("name"), rs.getString("contact_name"),
                day == null ? null : day.toLocalDate());
    };

    private final JdbcClient jdbc;

    ContactPeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void contacted(Collection<Long> ids, LocalDate day) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE organisation SET last_contact = :day WHERE id IN (:ids) "
                    + "AND (last_contact IS NULL OR last_contact < :day)").param("day", day).param("ids", ids).update();
        }
    }

    List<ContactPeople.Person> neverContacted(long afterId, int limit) {
        return jdbc.sql(neverContactedQuery()).param("after", afterId).param("limit", limit).query(PERSON).list();
    }

    static String neverContactedQuery() {
        return PEOPLE + "last_contact IS NULL AND id > :after ORDER BY last_contact, id FETCH FIRST :limit ROWS ONLY";
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
        return PEOPLE + (after ? "last_contact >= :from AND (last_contact > :from OR id > :after) AND " : "")
                + "last_contact < :day ORDER BY last_contact, id FETCH FIRST :limit ROWS ONLY";
    }

    long countNeverContacted() {
        return jdbc.sql(COUNT + "last_contact IS NULL").query(Long.class).single();
    }

    long countContactedBefore(LocalDate day) {
        return jdbc.sql(COUNT + "last_contact < :day").param("day", day).query(Long.class).single();
    }
}
