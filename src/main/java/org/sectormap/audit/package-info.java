/**
 * The audit trail, which owns the {@code audit_entry} and {@code audit_change} tables: every feature
 * tells {@link org.sectormap.audit.AuditTrail} what it changed, with the values before and after, and
 * shows a record's History from it. Depends on nothing but {@code shared}, so any feature may use it.
 */
package org.sectormap.audit;
