package org.sectormap.interview;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sectormap.interview.Questionnaire.Question;
import org.sectormap.interview.Questionnaire.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class QuestionnaireRepository {

    private final JdbcClient jdbc;

    QuestionnaireRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Questionnaire load() {
        Map<Long, List<Question>> questions = jdbc.sql("SELECT id, section_id, position, text FROM question "
                        + "ORDER BY position, id")
                .query(Question.class).list().stream()
                .collect(Collectors.groupingBy(Question::sectionId));
        List<Section> sections = jdbc.sql("SELECT id, position, code, title FROM questionnaire_section "
                        + "ORDER BY position, id")
                .query((rs, n) -> new Section(rs.getLong("id"), rs.getInt("position"), rs.getString("code"),
                        rs.getString("title"), questions.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        return new Questionnaire(sections);
    }

    Optional<Question> question(long id) {
        return jdbc.sql("SELECT id, section_id, position, text FROM question WHERE id = :id")
                .param("id", id).query(Question.class).optional();
    }

    boolean sectionExists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM questionnaire_section WHERE id = :id").param("id", id)
                .query(Integer.class).single() > 0;
    }

    long addQuestion(long sectionId, String text) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO question (section_id, position, text) SELECT :section, "
                        + "COALESCE(MAX(position), 0) + 1, :text FROM question WHERE section_id = :section")
                .param("section", sectionId).param("text", text).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateQuestion(long id, String text) {
        return jdbc.sql("UPDATE question SET text = :text WHERE id = :id").param("text", text).param("id", id)
                .update() == 1;
    }

    boolean deleteQuestion(long id) {
        return jdbc.sql("DELETE FROM question WHERE id = :id").param("id", id).update() == 1;
    }

    boolean updateSectionTitle(long id, String title) {
        return jdbc.sql("UPDATE questionnaire_section SET title = :title WHERE id = :id")
                .param("title", title).param("id", id).update() == 1;
    }
}
