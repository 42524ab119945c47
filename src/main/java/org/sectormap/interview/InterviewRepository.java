package org.sectormap.interview;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sectormap.shared.Coded;
import org.sectormap.shared.LikePattern;
import org.sectormap.organisation.InterviewMode;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InterviewRepository {

    private final JdbcClient jdbc;

    InterviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Interview i) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO interview (organisation_id, held_on, mode, interviewee_role, name_consent, "
                        + "interviewee_name, interviewer, full_interview, follow_up, cyp_board, well_informed, "
                        + "statutory_work) VALUES (:organisation, :heldOn, :mode, :role, :consent, :name, "
                        + ":interviewer, :full, :followUp, :cypBoard, :informed, :statutory)")
                .param("organisation", i.organisationId()).param("heldOn", Date.valueOf(i.heldOn()))
                .param("mode", i.mode().code()).param("role", i.intervieweeRole()).param("consent", i.nameConsent())
                .param("name", i.intervieweeName()).param("interviewer", i.interviewer())
                .param("full", i.fullInterview()).param("followUp", i.followUp()).param("cypBoard", i.cypBoard().code())
                .param("informed", i.wellInformed()).param("statutory", i.statutoryWork())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 0;
        for (Interview.Answer a : i.answers()) {
            jdbc.sql("INSERT INTO interview_answer (interview_id, position, section_code, section_title, "
                            + "question_text, answer_text) VALUES (:interview, :position, :code, :title, :question, :text)")
                    .param("interview", id).param("position", ++position).param("code", a.sectionCode())
                    .param("title", a.sectionTitle()).param("question", a.question()).param("text", a.text())
                    .update();
        }
        return id;
    }

    /** @return false when the organisation has no such interview */
    boolean delete(long organisationId, long id) {
        return jdbc.sql("DELETE FROM interview WHERE id = :id AND organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId).update() == 1;
    }

    /** An organisation's interviews, latest first, each with its answers in the order asked. */
    List<Interview> ofOrganisation(long organisationId) {
        Map<Long, List<Interview.Answer>> answers = jdbc.sql("SELECT a.interview_id, a.section_code, "
                        + "a.section_title, a.question_text, a.answer_text FROM interview_answer a "
                        + "JOIN interview i ON i.id = a.interview_id WHERE i.organisation_id = :organisation "
                        + "ORDER BY a.position")
                .param("organisation", organisationId)
                .query((rs, n) -> Map.entry(rs.getLong("interview_id"), new Interview.Answer(rs.getString("section_code"),
                        rs.getString("section_title"), rs.getString("question_text"), rs.getString("answer_text"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("SELECT * FROM interview WHERE organisation_id = :organisation ORDER BY held_on DESC, id DESC")
                .param("organisation", organisationId)
                .query((rs, n) -> interview(rs, answers.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Ids of the interviews whose interviewee, interviewer or answers hold any of the texts. */
    List<Long> idsMentioning(List<String> texts) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String p = ":text" + i;
            any.add("LOWER(i.interviewee_name) LIKE " + p + LikePattern.ESCAPE + " OR LOWER(i.interviewee_role) LIKE "
                    + p + LikePattern.ESCAPE + " OR LOWER(i.interviewer) LIKE " + p + LikePattern.ESCAPE
                    + " OR EXISTS (SELECT 1 FROM interview_answer a WHERE a.interview_id = i.id AND "
                    + "LOWER(a.answer_text) LIKE " + p + LikePattern.ESCAPE + ")");
            params.put("text" + i, LikePattern.containing(texts.get(i)));
        }
        return jdbc.sql("SELECT i.id FROM interview i WHERE " + String.join(" OR ", any) + " ORDER BY i.id")
                .params(params).query(Long.class).list();
    }

    List<Long> organisationsOf(List<Long> interviewIds) {
        return interviewIds.isEmpty() ? List.of() : jdbc.sql("SELECT DISTINCT organisation_id FROM interview "
                + "WHERE id IN (:ids) ORDER BY organisation_id").param("ids", interviewIds).query(Long.class).list();
    }

    /** Saves the interviewee, interviewer and answer texts of an interview as given. */
    void rewrite(Interview i) {
        jdbc.sql("UPDATE interview SET interviewee_name = :name, interviewee_role = :role, name_consent = :consent, "
                        + "interviewer = :interviewer WHERE id = :id")
                .param("name", i.intervieweeName()).param("role", i.intervieweeRole())
                .param("consent", i.nameConsent()).param("interviewer", i.interviewer()).param("id", i.id()).update();
        int position = 0;
        for (Interview.Answer a : i.answers()) {
            jdbc.sql("UPDATE interview_answer SET answer_text = :text WHERE interview_id = :id AND position = :position")
                    .param("text", a.text()).param("id", i.id()).param("position", ++position).update();
        }
    }

    private static Interview interview(ResultSet rs, List<Interview.Answer> answers) throws SQLException {
        return new Interview(rs.getLong("id"), rs.getLong("organisation_id"), rs.getDate("held_on").toLocalDate(),
                Coded.fromCode(InterviewMode.class, rs.getString("mode")).orElseThrow(),
                rs.getString("interviewee_role"), rs.getBoolean("name_consent"), rs.getString("interviewee_name"),
                rs.getString("interviewer"), rs.getBoolean("full_interview"), rs.getBoolean("follow_up"),
                Coded.fromCode(CypBoard.class, rs.getString("cyp_board")).orElseThrow(),
                rs.getBoolean("well_informed"), rs.getBoolean("statutory_work"), answers);
    }

    /** Every row of one organisation becomes another's: a merge's. */
    void moveOrganisation(long from, long to) {
        jdbc.sql("UPDATE interview SET organisation_id = :to WHERE organisation_id = :from")
                .param("to", to).param("from", from).update();
    }
}
