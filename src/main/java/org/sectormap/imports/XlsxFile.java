package org.sectormap.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx workbook read as a stream of rows (POI's event API), so a sheet of 100,000 rows is never
 * held whole: only its shared strings and styles are. The zip itself is guarded by POI's
 * ZipSecureFile limits, set in {@link TableFiles}.
 */
final class XlsxFile implements TableFile {

    private static final String ZIP_BOMB = "Zip bomb detected";

    private final OPCPackage workbook;
    private final XSSFReader reader;
    private final List<String> sheets;

    private XlsxFile(OPCPackage workbook) throws IOException, OpenXML4JException {
        this.workbook = workbook;
        this.reader = new XSSFReader(workbook);
        this.sheets = new ArrayList<>();
        XSSFReader.SheetIterator each = reader.getSheetIterator();
        while (each.hasNext()) {
            each.next().close();
            sheets.add(each.getSheetName());
        }
    }

    /** Reads the upload's own file, as a zip read in place, never copied. */
    static XlsxFile open(Path file) {
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxFile(workbook);
        } catch (Exception e) {
            if (workbook != null) {
                workbook.revert();
            }
            throw unreadable(e, "import.error.notATable");
        }
    }

    /** POI says a zip bomb only in its message, on whichever read first inflates too far. */
    private static UnreadableFileException unreadable(Throwable e, String otherwise) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).startsWith(ZIP_BOMB)) {
                return new UnreadableFileException("import.error.zipBomb");
            }
        }
        return new UnreadableFileException(otherwise);
    }

    @Override
    public List<String> tables() {
        return List.copyOf(sheets);
    }

    @Override
    public void read(String table, int headerRow, TableRows rows) {
        try {
            // Merged ranges are listed after the cells, so a first quick pass finds them.
            MergedCells merged = new MergedCells(mergedRanges(table));
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = sharedStrings();
            SheetRows sheetRows = new SheetRows(merged, new FromHeaderRow(headerRow, rows));
            XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(styles, strings, sheetRows, new ExcelValues(), false);
            parse(table, new CellTypes(cells, sheetRows));
        } catch (RowFailed e) {
            throw e.getCause();
        } catch (Exception e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw unreadable(e, "import.error.damagedWorkbook");
        }
    }

    /**
     * Text a workbook's cells share, which POI holds in memory while the sheet streams past: bounded,
     * as a part that compresses as well as real text does passed the bomb check and still filled the
     * heap (12.7 MB on disk, a gigabyte of strings, an out-of-memory error that closed H2's database).
     * A workbook of a million rows of names and places shares some tens of MB.
     */
    private ReadOnlySharedStringsTable sharedStrings() throws Exception {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(workbook, false);
        }
        // Counted as it is read: the size the zip's directory gives may be a lie.
        AtMost text = new AtMost(parts.get(0).getInputStream(), MOST_SHARED_TEXT);
        try (text) {
            return new ReadOnlySharedStringsTable(text, false);
        } catch (Exception e) {
            if (text.exceeded) {
                throw new UnreadableFileException("import.error.tooMuchText", MOST_SHARED_TEXT >> 20);
            }
            throw e;
        }
    }

    /** The shared text's XML, at most: about 200 MB of the heap once read. */
    static final long MOST_SHARED_TEXT = 96L << 20;

    /** A stream that fails past so many bytes, and says it did. */
    private static final class AtMost extends FilterInputStream {

        private long left;
        private boolean exceeded;

        AtMost(InputStream in, long most) {
            super(in);
            this.left = most;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int read = super.read(into, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) throws IOException {
            left -= read;
            if (left < 0) {
                exceeded = true;
                throw new IOException("more than the limit");
            }
        }
    }

    private List<CellRangeAddress> mergedRanges(String table) throws Exception {
        List<CellRangeAddress> ranges = new ArrayList<>();
        parse(table, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("mergeCell".equals(localName)) {
                    ranges.add(CellRangeAddress.valueOf(attributes.getValue("ref")));
                }
            }
        });
        return ranges;
    }

    private void parse(String table, ContentHandler handler) throws Exception {
        XSSFReader.SheetIterator each = reader.getSheetIterator();
        while (each.hasNext()) {
            try (InputStream sheet = each.next()) {
                if (each.getSheetName().equals(table)) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(sheet));
                    return;
                }
            }
        }
        throw new UnreadableFileException("import.error.noSuchSheet", table);
    }

    @Override
    public void close() {
        workbook.revert();
    }

    /** Notes each cell's type before POI reads it, as POI hands a boolean over as the text TRUE or FALSE. */
    private static final class CellTypes extends DefaultHandler {

        private final XSSFSheetXMLHandler cells;
        private final SheetRows rows;

        CellTypes(XSSFSheetXMLHandler cells, SheetRows rows) {
            this.cells = cells;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                rows.booleanCell = "b".equals(attributes.getValue("t"));
            }
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final MergedCells merged;
        private final FromHeaderRow from;
        private List<String> cells = new ArrayList<>();
        private boolean booleanCell;

        SheetRows(MergedCells merged, FromHeaderRow from) {
            this.merged = merged;
            this.from = from;
        }

        @Override
        public void startRow(int index) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            cells.set(column, booleanCell ? ExcelValues.bool("TRUE".equals(text)) : text);
        }

        @Override
        public void endRow(int index) {
            List<String> row = merged.fill(index, cells);
            try {
                from.accept(index + 1, row);
            } catch (RuntimeException e) {
                throw new RowFailed(e);
            }
        }
    }
}
