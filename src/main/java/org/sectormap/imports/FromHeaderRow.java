package org.sectormap.imports;

import java.util.List;

/**
 * A spreadsheet's rows from the one the user says holds the headings: those above it are a title
 * or notes and are skipped; when that row is empty the headings are too, rather than taken from a
 * lower row the user did not name.
 */
final class FromHeaderRow {

    private final int headerRow;
    private final TableFile.TableRows rows;
    private boolean headed;

    FromHeaderRow(int headerRow, TableFile.TableRows rows) {
        this.headerRow = headerRow;
        this.rows = rows;
    }

    void accept(int number, List<String> cells) {
        if (number < headerRow) {
            return;
        }
        if (!headed) {
            headed = true;
            rows.header(headerRow, number == headerRow ? cells : List.of());
            if (number == headerRow) {
                return;
            }
        }
        rows.row(number, cells);
    }
}
