package org.sectormap.shared;

import java.util.List;

/**
 * Tables a feature owns that belong to one installation rather than to its register, such as who
 * may sign in to it: a backup leaves them out, and a restore leaves them as they are. Every other
 * table is carried by a backup, so a new table is backed up unless its feature says otherwise.
 */
public record InstallationOnlyTables(List<String> names) {
}
