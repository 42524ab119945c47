package org.sectormap.account;

import java.time.LocalDateTime;

/** A live token as its owner sees it: never the token itself, which is shown once and not kept. */
record ApiToken(long id, String name, LocalDateTime createdAt) {
}
