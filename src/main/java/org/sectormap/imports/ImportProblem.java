package org.sectormap.imports;

/**
 * One thing wrong with an uploaded file, where a spreadsheet would show it: the header is row 1.
 *
 * @param row    null when the problem is with the file as a whole
 * @param column the column as headed in the file, or null when the problem is with a whole row
 */
public record ImportProblem(Integer row, String column, String message) {
}
