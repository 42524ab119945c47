package org.sectormap.account;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final JdbcTemplate jdbc;

    TokenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String hash, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO api_token (user_id, name, token_hash, created_at) "
                    + "VALUES (?, ?, ?, ?)", new String[] {"id"});
            statement.setLong(1, userId);
            statement.setString(2, name);
            statement.setString(3, hash);
            statement.setTimestamp(4, Timestamp.valueOf(now));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    List<ApiToken> liveOf(long userId) {
        return jdbc.query("SELECT id, name, created_at FROM api_token WHERE user_id = ? AND revoked_at IS NULL "
                + "ORDER BY created_at, id", (rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("created_at").toLocalDateTime()), userId);
    }

    /** Only the owner's own live token: false for anyone else's, which is as if it did not exist. */
    boolean revoke(long userId, long id, LocalDateTime now) {
        return jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                Timestamp.valueOf(now), id, userId) == 1;
    }

    /** Who a live token signs in, as a request needs them: their email address and role. */
    record Holder(String email, Role role) {
    }

    /** The user a live token belongs to, if the token is neither revoked nor its user disabled. */
    Optional<Holder> holderOfLiveToken(String hash) {
        return jdbc.query("SELECT u.email, u.role FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.enabled = TRUE",
                (rs, n) -> new Holder(rs.getString("email"), Role.valueOf(rs.getString("role"))), hash)
                .stream().findFirst();
    }
}
