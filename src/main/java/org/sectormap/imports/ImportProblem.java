package org.sectormap.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an uploaded file, where the user's program would show it.
 *
 * @param sheet  the sheet or table, or null for a CSV file (and then left out of the API's answer)
 * @param row    as the spreadsheet numbers it (a database's records from 1); null when the problem is
 *               with the file as a whole, or with a database table's column names
 * @param column the column as headed in the file, or null when the problem is with a whole row
 */
public record ImportProblem(@JsonInclude(JsonInclude.Include.NON_NULL) String sheet, Integer row, String column,
        String message) {
}
