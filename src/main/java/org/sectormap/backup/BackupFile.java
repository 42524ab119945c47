package org.sectormap.backup;

import java.util.List;

/**
 * What a backup file says of itself, written first in it as {@code manifest.json}; then each table's
 * rows follow as {@code tables/NAME.jsonl}, one JSON array a row in the manifest's column order.
 *
 * @param schemaVersion the Flyway version of the schema the rows were read from
 */
record BackupFile(String format, int formatVersion, String schemaVersion, String createdAt, List<TableEntry> tables) {

    static final String FORMAT = "sector-map-backup";
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";

    record TableEntry(String name, List<String> columns, long rows) {

        String entryName() {
            return "tables/" + name + ".jsonl";
        }
    }
}
