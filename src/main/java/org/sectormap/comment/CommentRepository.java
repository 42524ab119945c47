package org.sectormap.comment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private static final String COLUMNS = "id, section_code, section_title, comment_text AS text, quote";

    private static final String UNDER_THEME = "SELECT " + COLUMNS + " FROM anonymous_comment WHERE id IN "
            + "(SELECT comment_id FROM comment_theme WHERE theme_id = :theme) ORDER BY section_code, comment_text, id";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    CommentRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // A fetch size makes PostgreSQL read a download through a cursor instead of all at once.
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1_000);
    }

    void insert(String sectionCode, String sectionTitle, String text) {
        jdbc.sql("INSERT INTO anonymous_comment (id, section_code, section_title, comment_text, quote) "
                        + "VALUES (:id, :code, :title, :text, FALSE)")
                .param("id", UUID.randomUUID().toString()).param("code", sectionCode).param("title", sectionTitle)
                .param("text", text).update();
    }

    /** By theme, then text: an order that says nothing about when each was entered. */
    List<AnonymousComment> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM anonymous_comment ORDER BY section_code, comment_text, id")
                .query(AnonymousComment.class).list();
    }

    /** Every comment in the same order, handed over as it is read. */
    void forEach(Consumer<AnonymousComment> each) {
        RowMapper<AnonymousComment> row = new DataClassRowMapper<>(AnonymousComment.class);
        streaming.query("SELECT " + COLUMNS + " FROM anonymous_comment ORDER BY section_code, comment_text, id",
                (RowCallbackHandler) rs -> each.accept(row.mapRow(rs, rs.getRow())));
    }

    Optional<AnonymousComment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM anonymous_comment WHERE id = :id").param("id", id)
                .query(AnonymousComment.class).optional();
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM anonymous_comment WHERE id = :id").param("id", id)
                .query(Integer.class).single() > 0;
    }

    /** Every comment coded under a theme, in the same revealing-nothing order. */
    List<AnonymousComment> underTheme(long themeId) {
        return jdbc.sql(UNDER_THEME).param("theme", themeId).query(AnonymousComment.class).list();
    }

    /** A page of them. */
    List<AnonymousComment> underTheme(long themeId, long offset, int limit) {
        return jdbc.sql(UNDER_THEME + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY").param("theme", themeId)
                .param("offset", offset).param("limit", limit).query(AnonymousComment.class).list();
    }

    /** The text of the comments under a theme marked as quotes, the first {@code limit} in the same order. */
    List<String> quotesUnderTheme(long themeId, int limit) {
        return jdbc.sql("SELECT comment_text FROM anonymous_comment WHERE quote AND id IN "
                        + "(SELECT comment_id FROM comment_theme WHERE theme_id = :theme) "
                        + "ORDER BY section_code, comment_text, id FETCH FIRST :limit ROWS ONLY")
                .param("theme", themeId).param("limit", limit).query(String.class).list();
    }

    boolean setQuote(String id, boolean quote) {
        return jdbc.sql("UPDATE anonymous_comment SET quote = :quote WHERE id = :id")
                .param("quote", quote).param("id", id).update() == 1;
    }
}
