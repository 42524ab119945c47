package org.sectormap.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private static final int BOM = 3;
    private static final int DECODED_AT_ONCE = 8_192;

    /** The file itself: decoding it whole would hold it two or three times over, for a large file most of the heap. */
    private final byte[] bytes;
    private final Charset charset;

    private CsvFile(byte[] bytes, Charset charset) {
        this.bytes = bytes;
        this.charset = charset;
    }

    /** Text in either encoding, or empty for bytes that are no text (a program, a picture). */
    static Optional<CsvFile> decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        return Stream.of(StandardCharsets.UTF_8, WINDOWS_1252).filter(charset -> decodes(bytes, charset)).findFirst()
                .map(charset -> new CsvFile(bytes, charset));
    }

    /** Whether every byte decodes strictly, a piece at a time. */
    private static boolean decodes(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(DECODED_AT_ONCE);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
        }
    }

    private Reader text() {
        boolean bom = charset == StandardCharsets.UTF_8 && bytes.length >= BOM && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int from = bom ? BOM : 0;
        return new InputStreamReader(new ByteArrayInputStream(bytes, from, bytes.length - from), charset);
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    /** Rows are numbered by record, as a spreadsheet shows a quoted two-line cell in one row. */
    @Override
    public void read(String table, int headerRow, TableRows rows) {
        FromHeaderRow from = new FromHeaderRow(headerRow, rows);
        try (CSVParser csv = CSVFormat.RFC4180.parse(text())) {
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
