package org.sectormap.comment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.sectormap.shared.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

@Repository
class ThemeRepository {

    /** Each theme's comments by section, as the themes report counts them; see V93. */
    private static final String TALLY_GROUP = "theme_id, section_code";
    private static final String CODED_SECTIONS = "SELECT ct.theme_id, c.section_code, %d FROM comment_theme ct "
            + "JOIN anonymous_comment c ON c.id = ct.comment_id WHERE ct.comment_id = :comment";

    private final JdbcClient jdbc;
    private final Tally tally;

    ThemeRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tally = new Tally(jdbc, transactions, "comment_theme_tally", TALLY_GROUP, "comments");
    }

    /** Every theme's comments counted afresh, as V93 first did and a restore does again. */
    String recount() {
        return tally.insert() + "SELECT ct.theme_id, c.section_code, COUNT(*) FROM comment_theme ct "
                + "JOIN anonymous_comment c ON c.id = ct.comment_id GROUP BY ct.theme_id, c.section_code";
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

    /** The themes each of these comments is under. */
    Map<String, Set<Long>> coding(Collection<String> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        return grouped(jdbc.sql("SELECT comment_id, theme_id FROM comment_theme WHERE comment_id IN (:ids)")
                .param("ids", commentIds));
    }

    /** How many comments are coded under the theme, from the tally. */
    long count(long themeId) {
        return jdbc.sql("SELECT COALESCE(SUM(comments), 0) FROM comment_theme_tally WHERE theme_id = :theme")
                .param("theme", themeId).query(Long.class).single();
    }

    private static Map<String, Set<Long>> grouped(JdbcClient.StatementSpec coding) {
        return coding.query((rs, n) -> Map.entry(rs.getString("comment_id"), rs.getLong("theme_id"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    /** Codes the comment anew, moving its count from the themes it leaves to those it joins. */
    void code(String commentId, Set<Long> themeIds) {
        // One coding of a comment at a time, so that the themes counted out are the ones replaced.
        jdbc.sql("SELECT id FROM anonymous_comment WHERE id = :comment FOR UPDATE").param("comment", commentId)
                .query(String.class).list();
        jdbc.sql(tally.insert() + CODED_SECTIONS.formatted(-1)).param("comment", commentId).update();
        jdbc.sql("DELETE FROM comment_theme WHERE comment_id = :comment").param("comment", commentId).update();
        for (long theme : themeIds) {
            jdbc.sql("INSERT INTO comment_theme (comment_id, theme_id) VALUES (:comment, :theme)")
                    .param("comment", commentId).param("theme", theme).update();
        }
        jdbc.sql(tally.insert() + CODED_SECTIONS.formatted(1)).param("comment", commentId).update();
    }

    /** How many comments each theme has, by questionnaire section. */
    record Count(long themeId, String sectionCode, long comments) {
    }

    List<Count> counts() {
        return jdbc.sql("SELECT theme_id, section_code, SUM(comments) AS comments FROM comment_theme_tally "
                        + "GROUP BY theme_id, section_code HAVING SUM(comments) <> 0")
                .query(Count.class).list();
    }

    boolean foldTally() {
        return tally.fold();
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void foldTallyWhenDue() {
        tally.foldWhenDue();
    }
}
