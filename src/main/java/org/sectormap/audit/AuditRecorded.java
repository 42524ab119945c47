package org.sectormap.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Entries the trail has just written, published inside the change's own transaction, for a feature
 * that keeps something about when records last changed.
 */
public record AuditRecorded(AuditAction action, LocalDateTime at, List<Audited> records) {
}
