package org.sectormap.outreach;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.sectormap.shared.Coded;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactAttemptRepository {

    /** Still to settle: the outreach statuses the morning list takes its organisations from. */
    static final List<OutreachStatus> UNSETTLED_STATUSES = List.of(OutreachStatus.LISTED, OutreachStatus.UNREACHABLE);
    private static final String UNSETTLED = codes(UNSETTLED_STATUSES.toArray(Coded[]::new));
    private static final String ARRANGED = codes(
            Arrays.stream(ContactOutcome.values()).filter(ContactOutcome::arranges).toArray(Coded[]::new));
    private static final String CONTACT = "o.id, o.name, o.status, o.phone, o.email, o.contact_name, o.name_sort";
    /** Organisations, each with its latest attempt if it has one (V125). */
    private static final String KEEN = "SELECT " + CONTACT + ", l.attempted_on, l.outcome, l.due_on"
            + " FROM organisation_contact o "
            + "LEFT JOIN contact_attempt_latest l ON l.organisation_id = o.id WHERE o.follow_up = TRUE ORDER BY o.name_sort, o.id";
    /**
     * The latest attempt of each organisation read, found in V116's index one organisation at a time
     * (ties on a day go to the later entry): what V126 wrote first and a restore writes again.
     */
    private static final String LATEST = "INSERT INTO contact_attempt_latest (organisation_id, attempt_id, attempted_on, "
            + "outcome, arranged, declined, due_on) SELECT a.organisation_id, a.id, a.attempted_on, a.outcome, a.outcome IN ("
            + ARRANGED + "), a.outcome = '" + ContactOutcome.DECLINED.code() + "', a.due_on FROM organisation_contact o"
            + " JOIN contact_attempt a ON a.id = (SELECT b.id FROM contact_attempt b WHERE b.organisation_id = o.id"
            + " ORDER BY b.attempted_on DESC, b.id DESC FETCH FIRST 1 ROWS ONLY)";

    private final JdbcClient jdbc;
    /** Reads a download through a cursor on PostgreSQL, rather than all at once. */
    private final JdbcTemplate fetching;

    ContactAttemptRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.fetching = new JdbcTemplate(dataSource);
        this.fetching.setFetchSize(500);
    }

    long insert(long organisationId, ContactAttemptRules.Attempt a) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contact_attempt (organisation_id, attempted_on, method, outcome, note, due_on) "
                        + "VALUES (:organisation, :date, :method, :outcome, :note, :dueOn)")
                .param("organisation", organisationId).param("date", Date.valueOf(a.attemptedOn()))
                .param("method", a.method().code()).param("outcome", a.outcome().code()).param("note", a.note())
                .param("dueOn", day(a.dueOn()), Types.DATE).update(keys, "id");
        long id = keys.getKey().longValue();
        noteLatest(organisationId, id, a);
        return id;
    }

    /**
     * Makes a new attempt its organisation's latest unless one on a later day is. The caller holds the
     * organisation's record (OrganisationService.hold), so two attempts logged at once for one
     * organisation queue there: without it, two first attempts both found no row and both inserted one.
     */
    private void noteLatest(long organisationId, long attemptId, ContactAttemptRules.Attempt a) {
        MapSqlParameterSource latest = new MapSqlParameterSource().addValue("organisation", organisationId)
                .addValue("attempt", attemptId).addValue("date", Date.valueOf(a.attemptedOn()))
                .addValue("outcome", a.outcome().code()).addValue("arranged", a.outcome().arranges())
                .addValue("declined", a.outcome() == ContactOutcome.DECLINED)
                .addValue("dueOn", day(a.dueOn()), Types.DATE);
        int updated = jdbc.sql("UPDATE contact_attempt_latest SET attempt_id = :attempt, attempted_on = :date, "
                + "outcome = :outcome, arranged = :arranged, declined = :declined, due_on = :dueOn"
                + " WHERE organisation_id = :organisation AND attempted_on <= :date").paramSource(latest).update();
        if (updated == 0 && jdbc.sql("SELECT COUNT(*) FROM contact_attempt_latest WHERE organisation_id = :organisation")
                .param("organisation", organisationId).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO contact_attempt_latest (organisation_id, attempt_id, attempted_on, outcome, arranged,"
                    + " declined, due_on) VALUES (:organisation, :attempt, :date, :outcome, :arranged, :declined, :dueOn)")
                    .paramSource(latest).update();
        }
    }

    /** Every organisation's latest attempt found afresh, once a restore's rows are in. */
    String recount() {
        return LATEST;
    }

    /** One organisation's latest attempt found afresh, after one of its attempts was changed or deleted. */
    void findLatestAgain(long organisationId) {
        jdbc.sql("DELETE FROM contact_attempt_latest WHERE organisation_id = :organisation")
                .param("organisation", organisationId).update();
        jdbc.sql(LATEST + " WHERE o.id = :organisation").param("organisation", organisationId).update();
    }

    Optional<ContactAttempt> find(long organisationId, long id) {
        return jdbc.sql("SELECT id, organisation_id, attempted_on, method, outcome, note, due_on FROM contact_attempt "
                        + "WHERE id = :id AND organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId).query(ContactAttemptRepository::attempt)
                .optional();
    }

    void update(long id, ContactAttemptRules.Attempt a) {
        jdbc.sql("UPDATE contact_attempt SET attempted_on = :date, method = :method, outcome = :outcome, note = :note, "
                        + "due_on = :dueOn WHERE id = :id")
                .param("date", Date.valueOf(a.attemptedOn())).param("method", a.method().code())
                .param("outcome", a.outcome().code()).param("note", a.note()).param("dueOn", day(a.dueOn()), Types.DATE)
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM contact_attempt WHERE id = :id").param("id", id).update();
    }

    /** Newest first, as the researcher reads a history. */
    List<ContactAttempt> history(long organisationId) {
        return jdbc.sql("SELECT id, organisation_id, attempted_on, method, outcome, note, due_on FROM contact_attempt "
                        + "WHERE organisation_id = :organisation ORDER BY attempted_on DESC, id DESC")
                .param("organisation", organisationId).query(ContactAttemptRepository::attempt).list();
    }

    List<ContactAttempt> mentioning(List<String> texts) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            any.add("LOWER(note) LIKE :text" + i + LikePattern.ESCAPE);
            params.put("text" + i, LikePattern.containing(texts.get(i)));
        }
        return jdbc.sql("SELECT id, organisation_id, attempted_on, method, outcome, note, due_on FROM contact_attempt WHERE "
                + String.join(" OR ", any) + " ORDER BY organisation_id, attempted_on, id").params(params)
                .query(ContactAttemptRepository::attempt).list();
    }

    void changeNote(long id, String note) {
        jdbc.sql("UPDATE contact_attempt SET note = :note WHERE id = :id").param("note", note).param("id", id).update();
    }

    private static String codes(Coded... values) {
        return Arrays.stream(values).map(v -> "'" + v.code() + "'").collect(Collectors.joining(", "));
    }

    /**
     * An organisation still to settle, with its latest attempt if any.
     *
     * @param dueOn the day the call back or interview the last attempt arranged is due, if one was given
     */
    record Due(long id, String name, OutreachStatus status, String phone, String email, String contactName,
            LocalDate lastAttempt, ContactOutcome lastOutcome, LocalDate dueOn) {
    }

    /**
     * Organisations neither interviewed nor excluded whose latest attempt arranged something due by
     * today (or, when not, is older than the cut-off and was not a refusal: one that declined is not
     * called again unasked), longest waiting first, up to the limit: the first and last of the morning
     * list's groups. Ordered by date and then name, which are in two tables, H2 read and sorted every
     * one of a group (800,000 at a million with 3 attempts an organisation, 4 s); so the day of the
     * limit's one is found first, walking V183's index, and only those up to it are sorted.
     * The day is its own statement so that PostgreSQL plans the second knowing it: given it only as
     * a subquery's, it guessed a third of the group, and gathered them with parallel workers (40 to
     * 75 ms at a million, against 5 ms).
     */
    List<Due> latestUnsettled(boolean arranged, LocalDate cutOff, LocalDate today, int limit) {
        String group = " FROM contact_attempt_latest l JOIN organisation_contact o ON o.id = l.organisation_id"
                + " WHERE o.status IN (" + UNSETTLED + ") AND l.arranged = :arranged AND l.declined = FALSE"
                + (arranged ? " AND (l.due_on IS NULL OR l.due_on <= :today)" : " AND l.attempted_on < :cutOff");
        Date lastDay = jdbc.sql("SELECT MAX(f.attempted_on) FROM (SELECT l.attempted_on" + group
                        + " ORDER BY l.arranged, l.declined, l.attempted_on, l.organisation_id FETCH FIRST :limit ROWS ONLY) f")
                .param("arranged", arranged).param("cutOff", Date.valueOf(cutOff)).param("today", Date.valueOf(today))
                .param("limit", limit).query(Date.class).optional().orElse(null);
        if (lastDay == null) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CONTACT + ", l.attempted_on, l.outcome, l.due_on" + group
                        + " AND l.attempted_on <= :lastDay ORDER BY l.attempted_on, o.name_sort, o.id FETCH FIRST :limit ROWS ONLY")
                .param("arranged", arranged).param("cutOff", Date.valueOf(cutOff)).param("today", Date.valueOf(today))
                .param("lastDay", lastDay).param("limit", limit).query(ContactAttemptRepository::due).list();
    }

    /** The latest attempt of each of these organisations that has one, by organisation id. */
    Map<Long, Latest> latest(Collection<Long> organisationIds) {
        Map<Long, Latest> latest = new HashMap<>();
        if (!organisationIds.isEmpty()) {
            jdbc.sql("SELECT organisation_id, attempted_on, outcome, due_on FROM contact_attempt_latest "
                            + "WHERE organisation_id IN (:ids)")
                    .param("ids", organisationIds).query(rs -> {
                        latest.put(rs.getLong("organisation_id"), new Latest(rs.getDate("attempted_on").toLocalDate(),
                                Coded.fromCode(ContactOutcome.class, rs.getString("outcome")).orElseThrow(),
                                localDate(rs.getDate("due_on"))));
                    });
        }
        return latest;
    }

    record Latest(LocalDate attemptedOn, ContactOutcome outcome, LocalDate dueOn) {
    }

    /** Everyone keen for follow-up, by name, handed over one at a time. */
    void forEachKeenForFollowUp(Consumer<Due> consumer) {
        fetching.query(KEEN, (RowCallbackHandler) rs -> consumer.accept(due(rs, rs.getRow())));
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        Date last = rs.getDate("attempted_on");
        return new Due(rs.getLong("id"), rs.getString("name"),
                Coded.fromCode(OutreachStatus.class, rs.getString("status")).orElseThrow(), rs.getString("phone"),
                rs.getString("email"), rs.getString("contact_name"), localDate(last),
                Coded.fromCode(ContactOutcome.class, rs.getString("outcome")).orElse(null),
                localDate(rs.getDate("due_on")));
    }

    private static ContactAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new ContactAttempt(rs.getLong("id"), rs.getLong("organisation_id"),
                rs.getDate("attempted_on").toLocalDate(),
                Coded.fromCode(ContactMethod.class, rs.getString("method")).orElseThrow(),
                Coded.fromCode(ContactOutcome.class, rs.getString("outcome")).orElseThrow(), rs.getString("note"),
                localDate(rs.getDate("due_on")));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date day(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** Every row of one organisation becomes another's: a merge's. */
    void moveOrganisation(long from, long to) {
        jdbc.sql("UPDATE contact_attempt SET organisation_id = :to WHERE organisation_id = :from")
                .param("to", to).param("from", from).update();
        jdbc.sql("DELETE FROM contact_attempt_latest WHERE organisation_id IN (:from, :to)").param("from", from)
                .param("to", to).update();
        jdbc.sql(LATEST + " WHERE o.id = :to").param("to", to).update();
    }
}
