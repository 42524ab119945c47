package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded file and how to read it: the same file, sheet and header row are read again at
 * confirmation, so what is stored is exactly what was previewed. The file waits on disk, spooled once
 * as it arrived (see {@link PendingImports}), and every reader reads it as a stream or from the file
 * itself, so a request holds no copy of its bytes.
 *
 * @param fileName  as uploaded, or null for an API body; its extension only sharpens the message
 *                  for a file that is not what its name says
 * @param file      the uploaded bytes
 * @param sheet     the sheet or table chosen, or null when the file has one or none
 * @param headerRow the row holding the headings, as the spreadsheet numbers it
 */
record Upload(String fileName, Path file, String sheet, int headerRow) {

    static final int FIRST_ROW = 1;

    Upload withSheet(String chosen) {
        return new Upload(fileName, file, chosen, headerRow);
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
