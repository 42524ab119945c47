package org.sectormap.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sectormap.shared.SpreadsheetText;

/**
 * A CSV file in UTF-8, or else in Windows-1252, which Excel on Windows writes. Text in any other
 * encoding almost never passes strict UTF-8, so valid UTF-8 is taken as UTF-8; anything else is read
 * as Windows-1252, whose only gaps are five unused bytes, so £, é and curly quotes come through
 * whichever way the file was saved.
 */
final class CsvFile implements TableFile {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private final String text;

    private CsvFile(String text) {
        this.text = text;
    }

    /** Text in either encoding, or empty for bytes that are no text (a program, a picture). */
    static Optional<CsvFile> decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        return strictly(bytes, StandardCharsets.UTF_8).or(() -> strictly(bytes, WINDOWS_1252))
                .map(text -> new CsvFile(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    private static Optional<String> strictly(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    /** Rows are numbered by record, as a spreadsheet shows a quoted two-line cell in one row. */
    @Override
    public void read(String table, int headerRow, TableRows rows) {
        FromHeaderRow from = new FromHeaderRow(headerRow, rows);
        try (CSVParser csv = CSVFormat.RFC4180.parse(new StringReader(text))) {
            for (CSVRecord record : csv) {
                from.accept(Math.toIntExact(record.getRecordNumber()),
                        record.stream().map(SpreadsheetText::unguard).toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** Commons CSV names the line a quote was left open on; that is the one thing the user can act on. */
    private static UnreadableFileException unreadable(Exception e) {
        Matcher line = START_LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? new UnreadableFileException("import.error.unclosedQuote", Integer.parseInt(line.group(1)))
                : new UnreadableFileException("import.error.unreadable");
    }

    @Override
    public void close() {
        // Nothing was copied.
    }
}
