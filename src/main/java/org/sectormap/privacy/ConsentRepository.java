package org.sectormap.privacy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectormap.shared.Coded;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConsentRepository {

    private static final String COLUMNS = "id, organisation_id, interview_id, person_name, person_email, basis, "
            + "given_on, given_how, purpose, withdrawn_on";

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ConsentRecord c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO consent_record (organisation_id, interview_id, person_name, person_email, basis, "
                        + "given_on, given_how, purpose) VALUES (:organisation, :interview, :name, :email, :basis, "
                        + ":givenOn, :givenHow, :purpose)")
                .param("organisation", c.organisationId()).param("interview", c.interviewId())
                .param("name", c.personName()).param("email", c.personEmail()).param("basis", c.basis().code())
                .param("givenOn", Date.valueOf(c.givenOn())).param("givenHow", c.givenHow())
                .param("purpose", c.purpose()).update(keys, "id");
        return keys.getKey().longValue();
    }

    void withdraw(long id, LocalDate on) {
        jdbc.sql("UPDATE consent_record SET withdrawn_on = :on WHERE id = :id").param("on", Date.valueOf(on))
                .param("id", id).update();
    }

    void updateTexts(long id, String givenHow, String purpose) {
        jdbc.sql("UPDATE consent_record SET given_how = :givenHow, purpose = :purpose WHERE id = :id")
                .param("givenHow", givenHow).param("purpose", purpose).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM consent_record WHERE id = :id").param("id", id).update();
    }

    Optional<ConsentRecord> find(long organisationId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE id = :id AND organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId).query(ConsentRepository::map).optional();
    }

    /** Oldest first, as they were given. */
    List<ConsentRecord> ofOrganisation(long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE organisation_id = :organisation "
                + "ORDER BY given_on, id").param("organisation", organisationId).query(ConsentRepository::map).list();
    }

    List<ConsentRecord> mentioning(List<String> texts) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String p = ":text" + i;
            for (String column : List.of("person_name", "person_email", "given_how", "purpose")) {
                any.add("LOWER(" + column + ") LIKE " + p + LikePattern.ESCAPE);
            }
            params.put("text" + i, LikePattern.containing(texts.get(i)));
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_record WHERE " + String.join(" OR ", any)
                + " ORDER BY organisation_id, id").params(params).query(ConsentRepository::map).list();
    }

    private static ConsentRecord map(ResultSet rs, int row) throws SQLException {
        long interview = rs.getLong("interview_id");
        boolean noInterview = rs.wasNull();
        Date withdrawn = rs.getDate("withdrawn_on");
        return new ConsentRecord(rs.getLong("id"), rs.getLong("organisation_id"), noInterview ? null : interview,
                rs.getString("person_name"), rs.getString("person_email"),
                Coded.fromCode(LawfulBasis.class, rs.getString("basis")).orElseThrow(),
                rs.getDate("given_on").toLocalDate(), rs.getString("given_how"), rs.getString("purpose"),
                withdrawn == null ? null : withdrawn.toLocalDate());
    }

    /** Every row of one organisation becomes another's: a merge's. */
    void moveOrganisation(long from, long to) {
        jdbc.sql("UPDATE consent_record SET organisation_id = :to WHERE organisation_id = :from")
                .param("to", to).param("from", from).update();
    }
}
