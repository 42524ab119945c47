package org.sectormap.account;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final JdbcTemplate jdbc;

    TokenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, String name, String hash, LocalDateTime now) {
        jdbc.update("INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)", userId, name,
                hash, Timestamp.valueOf(now));
    }

    /** The user a live token belongs to, if the token is neither revoked nor its user disabled. */
    Optional<String> emailOfLiveToken(String hash) {
        return jdbc.queryForList("SELECT u.email FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.enabled = TRUE", String.class, hash)
                .stream().findFirst();
    }
}
