package org.sectormap.account;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

    private final JdbcTemplate jdbc;

    InvitationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, String hash, LocalDateTime expires) {
        jdbc.update("INSERT INTO invitation (user_id, token_hash, expires_at) VALUES (?, ?, ?)", userId, hash,
                Timestamp.valueOf(expires));
    }

    /** The user an unused, unexpired link is for. */
    Optional<Long> userOf(String hash, LocalDateTime now) {
        return jdbc.queryForList("SELECT user_id FROM invitation WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?", Long.class, hash, Timestamp.valueOf(now)).stream().findFirst();
    }

    /** False when someone else used the link first. */
    boolean use(String hash, LocalDateTime now) {
        return jdbc.update("UPDATE invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Timestamp.valueOf(now), hash) == 1;
    }
}
