package org.sectormap.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One change as the trail keeps it. A null actor is the application itself (the demo data, the
 * first administrator from the bootstrap settings).
 */
public record AuditEntry(long id, LocalDateTime occurredAt, String actor, AuditAction action, AuditKind kind,
        String recordId, String page, List<Change> changes) {

    /** One field's value before and after; null where it had none. */
    public record Change(String field, String before, String after) {
    }
}
