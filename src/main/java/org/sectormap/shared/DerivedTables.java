package org.sectormap.shared;

import java.util.List;

/**
 * Tables a feature works out from its other tables, such as counts kept for the reports: a backup
 * leaves them out, and a restore, once every row is in, runs the feature's statements in its own
 * transaction to fill them again from the rows restored, whatever version the file came from.
 *
 * @param recount statements that empty the tables and fill them afresh, in order
 */
public record DerivedTables(List<String> names, List<String> recount) {
}
