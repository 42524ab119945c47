package org.sectormap.imports;

/**
 * An uploaded file and how to read it: the same bytes, sheet and header row are read again at
 * confirmation, so what is stored is exactly what was previewed.
 *
 * @param fileName  as uploaded, or null for an API body; its extension only sharpens the message
 *                  for a file that is not what its name says
 * @param sheet     the sheet or table chosen, or null when the file has one or none
 * @param headerRow the row holding the headings, as the spreadsheet numbers it
 */
record Upload(String fileName, byte[] content, String sheet, int headerRow) {

    static final int FIRST_ROW = 1;

    static Upload csv(byte[] content) {
        return new Upload(null, content, null, FIRST_ROW);
    }

    Upload withSheet(String chosen) {
        return new Upload(fileName, content, chosen, headerRow);
    }
}
