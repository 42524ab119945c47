package org.sectormap.comment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ThemeRepository {

    private final JdbcClient jdbc;

    ThemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Theme> all() {
        return jdbc.sql("SELECT id, position, name FROM theme ORDER BY position, id").query(Theme.class).list();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM theme WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM theme WHERE LOWER(name) = LOWER(:name) AND id <> :id")
                .param("name", name).param("id", exceptId).query(Integer.class).single() > 0;
    }

    long add(String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO theme (position, name) SELECT COALESCE(MAX(position), 0) + 1, :name FROM theme")
                .param("name", name).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean rename(long id, String name) {
        return jdbc.sql("UPDATE theme SET name = :name WHERE id = :id").param("name", name).param("id", id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM theme WHERE id = :id").param("id", id).update() == 1;
    }

    /** The themes each coded comment is under. */
    Map<String, Set<Long>> coding() {
        return jdbc.sql("SELECT comment_id, theme_id FROM comment_theme")
                .query((rs, n) -> Map.entry(rs.getString("comment_id"), rs.getLong("theme_id"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    void code(String commentId, Set<Long> themeIds) {
        jdbc.sql("DELETE FROM comment_theme WHERE comment_id = :comment").param("comment", commentId).update();
        for (long theme : themeIds) {
            jdbc.sql("INSERT INTO comment_theme (comment_id, theme_id) VALUES (:comment, :theme)")
                    .param("comment", commentId).param("theme", theme).update();
        }
    }

    /** How many comments each theme has, by questionnaire section. */
    record Count(long themeId, String sectionCode, long comments) {
    }

    List<Count> counts() {
        return jdbc.sql("SELECT ct.theme_id, c.section_code, COUNT(*) AS comments FROM comment_theme ct "
                        + "JOIN anonymous_comment c ON c.id = ct.comment_id GROUP BY ct.theme_id, c.section_code")
                .query(Count.class).list();
    }
}
