package org.sectormap.account;

import java.time.LocalDateTime;

/** A person who signs in. Never logged: the email is personal data. */
record AppUser(long id, String email, String passwordHash, Role role, boolean enabled, int failedSignIns,
        LocalDateTime lockedUntil) {

    boolean lockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
