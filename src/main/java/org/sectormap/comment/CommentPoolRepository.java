package org.sectormap.comment;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sealed rows waiting for release. Nothing here can read them; only their count is shown. */
@Repository
class CommentPoolRepository {

    private final JdbcClient jdbc;

    CommentPoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, byte[] sealed) {
    }

    void add(byte[] sealed) {
        jdbc.sql("INSERT INTO comment_pool (id, sealed) VALUES (:id, :sealed)")
                .param("id", UUID.randomUUID().toString()).param("sealed", sealed).update();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM comment_pool").query(Integer.class).single();
    }

    /**
     * Every row, locked until the transaction ends, so two interviews recorded at once cannot both
     * release the same rows; a row another transaction released meanwhile is not returned.
     */
    List<Row> lockAll() {
        return jdbc.sql("SELECT id, sealed FROM comment_pool FOR UPDATE").query(Row.class).list();
    }

    void delete(List<Row> rows) {
        rows.forEach(row -> jdbc.sql("DELETE FROM comment_pool WHERE id = :id").param("id", row.id()).update());
    }
}
