package org.sectormap.comment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.sectormap.shared.Databases;
import org.sectormap.shared.Tally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The comments, always in the order of their section and then of their random key: an order that
 * says nothing about when each was entered, and that V107's index reads a page at a time at any
 * size. (Their text's order said nothing either, but no index can hold texts of 10,000 characters,
 * so every page sorted every comment: 172 ms for the largest theme's first page at 100,000.)
 */
@Repository
class CommentRepository {

    private static final String COLUMNS = "c.id, c.section_code, c.section_title, c.comment_text AS text, c.quote";
    private static final String ORDER = " ORDER BY c.section_code, c.id";
    private static final String PAGE = " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
    private static final String CODED = "EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.comment_id = c.id "
            + "AND ct.theme_id IN (:themes))";

    private final JdbcClient jdbc;
    /** With a fetch size, so that PostgreSQL reads a download through a cursor rather than whole. */
    private final JdbcClient streaming;
    private final boolean h2;
    /** How many comments each section holds; see V118. */
    private final Tally tally;

    CommentRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tally = new Tally(jdbc, transactions, "comment_tally", "section_code", "comments");
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(500);
        this.streaming = JdbcClient.create(fetching);
        this.h2 = Databases.isH2(dataSource);
    }

    void insert(String sectionCode, String sectionTitle, String text) {
        jdbc.sql("INSERT INTO anonymous_comment (id, section_code, section_title, comment_text, quote) "
                        + "VALUES (:id, :code, :title, :text, FALSE)")
                .param("id", UUID.randomUUID().toString()).param("code", sectionCode).param("title", sectionTitle)
                .param("text", text).update();
        jdbc.sql(tally.insert() + "VALUES (:code, 1)").param("code", sectionCode).update();
    }

    /** Every section's comments counted afresh, as V118 first did and a restore does again. */
    String recount() {
        return tally.insert() + "SELECT section_code, COUNT(*) FROM anonymous_comment GROUP BY section_code";
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void foldTally() {
        tally.foldWhenDue();
    }

    /** Hands every comment over in order, one at a time: a download never holds them all. */
    void forEach(Consumer<AnonymousComment> consumer) {
        try (Stream<AnonymousComment> all = streaming.sql("SELECT " + COLUMNS + " FROM anonymous_comment c" + ORDER)
                .query(AnonymousComment.class).stream()) {
            all.forEach(consumer);
        }
    }

    /** Every comment coded under a theme, in order, one at a time. */
    void forEachUnderTheme(long themeId, Consumer<AnonymousComment> consumer) {
        try (Stream<AnonymousComment> coded = streaming.sql("SELECT " + COLUMNS + " FROM anonymous_comment c WHERE "
                + CODED + ORDER).param("themes", List.of(themeId)).query(AnonymousComment.class).stream()) {
            coded.forEach(consumer);
        }
    }

    List<AnonymousComment> page(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM anonymous_comment c" + ORDER + PAGE).param("offset", offset)
                .param("limit", limit).query(AnonymousComment.class).list();
    }

    /** Each section answered, as "code. title", in order. */
    List<String> sections() {
        return jdbc.sql("SELECT DISTINCT section_code, section_title FROM anonymous_comment ORDER BY section_code, "
                + "section_title").query((rs, n) -> rs.getString(1) + ". " + rs.getString(2)).list();
    }

    /** How many comments there are, from the tally. */
    long count() {
        return jdbc.sql("SELECT COALESCE(SUM(comments), 0) FROM comment_tally").query(Long.class).single();
    }

    /**
     * A page of the comments coded under any of these themes, of which there are at most {@code coded}. H2 costs a plan as if it read every
     * row, so it read and sorted all of a large theme's comments for one page (70,000 at 100,000); where
     * walking the comments in order meets a page sooner than that, if the theme's comments are spread
     * evenly along it (their keys are random), it is told to walk. PostgreSQL's planner weighs this itself.
     */
    List<AnonymousComment> underThemes(Collection<Long> themeIds, long coded, long offset, int limit) {
        boolean walk = h2 && coded > 0 && (double) (offset + limit) * count() / coded < coded;
        String from = walk ? " FROM anonymous_comment c USE INDEX (anonymous_comment_section_order)"
                : " FROM anonymous_comment c";
        return jdbc.sql("SELECT " + COLUMNS + from + " WHERE " + CODED + ORDER + PAGE).param("themes", themeIds)
                .param("offset", offset).param("limit", limit).query(AnonymousComment.class).list();
    }

    /** The text of the comments under a theme marked as quotes (V108's index finds them), the first {@code limit}. */
    List<String> quotesUnderTheme(long themeId, int limit) {
        return jdbc.sql("SELECT c.comment_text FROM anonymous_comment c WHERE c.quote = TRUE AND " + CODED + ORDER
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("themes", List.of(themeId)).param("limit", limit).query(String.class).list();
    }

    Optional<AnonymousComment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM anonymous_comment c WHERE c.id = :id").param("id", id)
                .query(AnonymousComment.class).optional();
    }

    List<AnonymousComment> find(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM anonymous_comment c WHERE c.id IN (:ids)" + ORDER)
                .param("ids", ids).query(AnonymousComment.class).list();
    }

    boolean exists(String id) {
        return find(id).isPresent();
    }

    boolean setQuote(String id, boolean quote) {
        return jdbc.sql("UPDATE anonymous_comment SET quote = :quote WHERE id = :id")
                .param("quote", quote).param("id", id).update() == 1;
    }
}
