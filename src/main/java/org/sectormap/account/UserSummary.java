package org.sectormap.account;

/** A user as the administration page lists them. */
record UserSummary(long id, String email, Role role, boolean enabled) {
}
