package org.sectormap.audit;

import java.time.LocalDate;

/** What an administrator searches the trail for; null means any. */
record AuditQuery(String actor, AuditKind kind, String recordId, LocalDate from, LocalDate to, int page) {

    static final int PAGE_SIZE = 50;

    static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, 1);
    }
}
