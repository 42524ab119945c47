package org.sectormap.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final int READ_AT_ONCE = 65_536;
    /** How much of the start of the file its separator is told from. */
    private static final int SNIFFED = 8_192;

    /** The file itself, read as a stream each time: decoding it whole would hold it two or three times over. */
    private final Path file;
    private final Charset charset;

    private CsvFile(Path file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    /** Text in either encoding, or empty for bytes that are no text (a program, a picture). */
    static Optional<CsvFile> decode(Path file) {
        return Stream.of(StandardCharsets.UTF_8, WINDOWS_1252).filter(charset -> decodes(file, charset)).findFirst()
                .map(charset -> new CsvFile(file, charset));
    }

    /**
     * Bytes between two line ends, at most: the longest row the import takes, every field at its limit in
     * three-byte characters, is some 600 kB. The CSV reader builds a whole record before handing it on,
     * so a 120 MB line of commas, one short of the upload limit, became 120 million fields and filled the
     * heap; such a file is refused, naming the line, before it is read.
     */
    static final int LONGEST_LINE = 2 << 20;

    /**
     * Whether every byte decodes strictly, a piece at a time, with no NUL byte (which no text holds).
     *
     * @throws UnreadableFileException naming the first line longer than {@link #LONGEST_LINE}
     */
    private static boolean decodes(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(READ_AT_ONCE);
        CharBuffer out = CharBuffer.allocate(READ_AT_ONCE);
        long line = 1;
        long lineLength = 0;
        try (ReadableByteChannel bytes = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = bytes.read(in) < 0;
                in.flip();
                for (int at = in.position(); at < in.limit(); at++) {
                    byte b = in.get(at);
                    if (b == 0) {
                        return false;
                    }
                    if (b == '\n') {
                        line++;
                        lineLength = 0;
                    } else if (++lineLength > LONGEST_LINE) {
                        throw new UnreadableFileException("import.error.lineTooLong", line, LONGEST_LINE >> 20);
                    }
                }
                if (decoder.decode(in, out, end).isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            return !decoder.flush(out).isError();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reader text() throws IOException {
        InputStream bytes = new BufferedInputStream(Files.newInputStream(file), READ_AT_ONCE);
        if (charset == StandardCharsets.UTF_8) {
            bytes.mark(BOM);
            byte[] start = bytes.readNBytes(BOM);
            boolean bom = start.length == BOM && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB
                    && start[2] == (byte) 0xBF;
            if (!bom) {
                bytes.reset();
            }
        }
        return new InputStreamReader(bytes, charset);
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    /** Rows are numbered by record, as a spreadsheet shows a quoted two-line cell in one row. */
    @Override
    public void read(String table, int headerRow, TableRows rows) {
        FromHeaderRow from = new FromHeaderRow(headerRow, rows);
        try (CSVParser csv = CSVFormat.RFC4180.builder().setDelimiter(delimiter()).get().parse(text())) {
            for (CSVRecord record : csv) {
                from.accept(Math.toIntExact(record.getRecordNumber()),
                        record.stream().map(SpreadsheetText::unguard).toList());
            }
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The file's separator: a comma, or a semicolon (which Excel writes where the comma is the decimal
     * mark) or a tab where the first lines hold more of those, outside quotes, than commas. Read as one
     * column, such a file could only be refused for lacking every column.
     */
    private char delimiter() throws IOException {
        char[] start = new char[SNIFFED];
        int read;
        try (Reader text = text()) {
            read = text.read(start);
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < Math.max(read, 0); i++) {
            switch (start[i]) {
                case '"' -> quoted = !quoted;
                case ',' -> commas += quoted ? 0 : 1;
                case ';' -> semicolons += quoted ? 0 : 1;
                case '\t' -> tabs += quoted ? 0 : 1;
                default -> { }
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    /** Commons CSV names the line a quote was left open on; that is the one thing the user can act on. */
    private static UnreadableFileException unreadable(Exception e) {
        Matcher line = START_LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? new UnreadableFileException("import.error.unclosedQuote", Integer.parseInt(line.group(1)))
                : new UnreadableFileException("import.error.unreadable");
    }

    @Override
    public void close() {
        // Each read opens and closes its own stream over the file.
    }
}
