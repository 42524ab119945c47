package org.sectormap.imports;

import java.time.LocalDateTime;

/**
 * A completed import, as the history lists it.
 *
 * @param importedBy the signed-in person's email, or null when nobody was
 * @param fileName   as uploaded, or null for a body sent to the API
 * @param sheet      the sheet or table read, or null for a CSV file
 */
record ImportRecord(long id, LocalDateTime importedAt, String importedBy, String fileName, String sheet,
        int headerRow, int rowsAdded) {
}
