package org.sectormap.shared;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletResponse;

/** Starts a CSV file download that spreadsheets open correctly. */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** Sets the headers, writes the header row and hands back the printer for the rest. */
    public static CSVPrinter start(HttpServletResponse response, String fileName, Iterable<String> header)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A byte order mark makes Excel read accents and other scripts as UTF-8; our import skips it.
        writer.write('\uFEFF');
        CSVPrinter csv = CSVFormat.RFC4180.print(writer);
        csv.printRecord(header);
        return csv;
    }

    /**
     * One row, each cell guarded against being read as a formula, for a download written row by row
     * from inside a callback, which cannot throw the printer's checked exception.
     */
    public static void row(CSVPrinter csv, Stream<String> cells) {
        try {
            csv.printRecord(cells.map(SpreadsheetText::guard));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
