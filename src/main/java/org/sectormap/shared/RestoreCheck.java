package org.sectormap.shared;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A feature's check of the rows a restore has put in, run inside the restore's transaction before it
 * commits: rows a file may hold that this installation cannot use (comments sealed under another
 * installation's key), which would otherwise fail only later, at some user's save.
 */
public interface RestoreCheck {

    /** @return why the restore is refused, as a message key and its arguments; empty when the rows can be used */
    Optional<Refusal> check(JdbcClient restored);

    record Refusal(String key, Object... args) {
    }
}
