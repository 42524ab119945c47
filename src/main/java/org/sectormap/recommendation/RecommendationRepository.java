package org.sectormap.recommendation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.shared.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecommendationRepository {

    private final JdbcClient jdbc;

    RecommendationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record GroupRow(long id, int position, String heading, String addressedTo) {
    }

    record Row(long id, long groupId, int number, String text, String status) {
    }

    record NoteRow(long recommendationId, LocalDate notedOn, String status, String note) {
    }

    List<GroupRow> groups() {
        return jdbc.sql("SELECT id, position, heading, addressed_to FROM recommendation_group ORDER BY position, id")
                .query(GroupRow.class).list();
    }

    List<Row> recommendations() {
        return jdbc.sql("SELECT id, group_id, number, text, status FROM recommendation ORDER BY number")
                .query(Row.class).list();
    }

    Map<Long, Set<Long>> themeLinks() {
        return links("SELECT recommendation_id, theme_id AS target FROM recommendation_theme", Long.class);
    }

    Map<Long, Set<String>> commentLinks() {
        return links("SELECT recommendation_id, comment_id AS target FROM recommendation_comment", String.class);
    }

    private <T> Map<Long, Set<T>> links(String sql, Class<T> type) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getLong("recommendation_id"), rs.getObject("target", type)))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    /** Newest first within each recommendation. */
    List<NoteRow> notes() {
        return jdbc.sql("SELECT recommendation_id, noted_on, status, note FROM recommendation_note "
                        + "ORDER BY noted_on DESC, id DESC")
                .query(NoteRow.class).list();
    }

    long addGroup(String heading, String addressedTo) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recommendation_group (position, heading, addressed_to) "
                        + "SELECT COALESCE(MAX(position), 0) + 1, :heading, :to FROM recommendation_group")
                .param("heading", heading).param("to", addressedTo).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean groupExists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM recommendation_group WHERE id = :id").param("id", id)
                .query(Integer.class).single() > 0;
    }

    /** Numbers run on across headings, as the report's 1 to 25 do. */
    long add(long groupId, String text) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recommendation (group_id, number, text, status) "
                        + "SELECT :group, COALESCE(MAX(number), 0) + 1, :text, :status FROM recommendation")
                .param("group", groupId).param("text", text).param("status", RecommendationStatus.PROPOSED.code())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Notes the status on a day; the recommendation's status is then its latest-dated note's (the last
     * noted of one day), so an older note typed up afterwards does not put it back.
     */
    boolean setStatus(long id, RecommendationStatus status, LocalDate on, String note) {
        boolean found = jdbc.sql("SELECT COUNT(*) FROM recommendation WHERE id = :id").param("id", id)
                .query(Long.class).single() == 1;
        if (found) {
            jdbc.sql("INSERT INTO recommendation_note (recommendation_id, noted_on, status, note) "
                            + "VALUES (:id, :on, :status, :note)")
                    .param("id", id).param("on", Date.valueOf(on)).param("status", status.code()).param("note", note)
                    .update();
            jdbc.sql("UPDATE recommendation SET status = (SELECT n.status FROM recommendation_note n "
                    + "WHERE n.recommendation_id = :id ORDER BY n.noted_on DESC, n.id DESC FETCH FIRST 1 ROWS ONLY) "
                    + "WHERE id = :id").param("id", id).update();
        }
        return found;
    }

    void link(long id, Set<Long> themes, Set<String> comments) {
        jdbc.sql("DELETE FROM recommendation_theme WHERE recommendation_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM recommendation_comment WHERE recommendation_id = :id").param("id", id).update();
        themes.forEach(theme -> jdbc.sql("INSERT INTO recommendation_theme (recommendation_id, theme_id) "
                + "VALUES (:id, :theme)").param("id", id).param("theme", theme).update());
        comments.forEach(comment -> jdbc.sql("INSERT INTO recommendation_comment (recommendation_id, comment_id) "
                + "VALUES (:id, :comment)").param("id", id).param("comment", comment).update());
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM recommendation").query(Long.class).single();
    }

    static RecommendationStatus status(String code) {
        return Coded.fromCode(RecommendationStatus.class, code).orElseThrow();
    }
}
