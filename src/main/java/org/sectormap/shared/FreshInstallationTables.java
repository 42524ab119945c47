package org.sectormap.shared;

import java.util.List;

/**
 * Tables a feature writes to in a new installation before it holds any register, as the audit
 * trail records the first administrator: a restore into that installation replaces their rows
 * with the backup's, rather than refusing it as a Sector Map that already holds records.
 */
public record FreshInstallationTables(List<String> names) {
}
