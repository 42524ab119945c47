package org.sectormap.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Lower-cased here, the one place emails meet the table, so no caller can forget. */
    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    boolean any() {
        // Not SELECT EXISTS (...): H2 2.4 can answer a query without FROM from an earlier result in the
        // same transaction, after the table changed.
        return jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class) > 0;
    }

    /**
     * Waits for any other first-administrator setup, on this instance or another, to finish, and
     * holds theirs back until this transaction ends; then {@link #any()} sees what the other made.
     */
    void lockSetup() {
        jdbc.queryForObject("SELECT id FROM setup_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }

    Optional<AppUser> findByEmail(String email) {
        return jdbc.query("SELECT * FROM app_user WHERE email = ?", UserRepository::row, normalised(email))
                .stream().findFirst();
    }

    long insert(String email, String passwordHash, Role role, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO app_user (email, password_hash, role, enabled, "
                    + "failed_sign_ins, created_at) VALUES (?, ?, ?, TRUE, 0, ?)", new String[] {"id"});
            statement.setString(1, normalised(email));
            statement.setString(2, passwordHash);
            statement.setString(3, role.name());
            statement.setTimestamp(4, Timestamp.valueOf(now));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void recordFailure(long id, int failedSignIns, LocalDateTime lockedUntil) {
        jdbc.update("UPDATE app_user SET failed_sign_ins = ?, locked_until = ? WHERE id = ?", failedSignIns,
                lockedUntil == null ? null : Timestamp.valueOf(lockedUntil), id);
    }

    void clearFailures(long id) {
        jdbc.update("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", id);
    }

    List<UserSummary> all() {
        return jdbc.query("SELECT id, email, role, enabled FROM app_user ORDER BY email", (rs, n) -> new UserSummary(
                rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")));
    }

    void setRole(long id, Role role) {
        jdbc.update("UPDATE app_user SET role = ? WHERE id = ?", role.name(), id);
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, id);
    }

    void setPassword(long id, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?",
                passwordHash, id);
    }

    private static AppUser row(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new AppUser(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getInt("failed_sign_ins"),
                locked == null ? null : locked.toLocalDateTime());
    }
}
