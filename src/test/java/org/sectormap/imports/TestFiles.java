package org.sectormap.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real files built with the real libraries, each holding the same two organisations as
 * {@link #CSV}: a workbook as a person keeps one (a title, a two-row header with a merged heading,
 * dates, numbers, a number stored as text, booleans, a formula, empty rows at the end), and an
 * Access database laid out with the app's column names.
 */
final class TestFiles {

    /** The bytes in a file, as an upload lies on disk; deleted when the test JVM ends. */
    static Path file(byte[] content) {
        try {
            Path file = Files.createTempFile("sectormap-test-upload-", ".bin");
            file.toFile().deleteOnExit();
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV body as an upload of the API, in a file of its own. */
    static Upload csvUpload(byte[] content) {
        return new Upload(null, file(content), null, Upload.FIRST_ROW);
    }


    static final String SHEET = "Groups";
    static final int HEADER_ROW = 3;
    static final String CSV = """
            name,category,area,status,interview_date,full_interview,follow_up,phone,address,description
            Derby REC,bme-infrastructure,Derby city,interviewed,2007-07-20,yes,no,1332000000,007,Supports groups
            Rushcliffe CVS,general-infrastructure,Nottinghamshire,listed,,,,,,
            """;
    /** The Access table's columns; Yes/No columns are never empty, so "no" for the listed one. */
    static final String ACCESS_CSV = """
            name,category,area,status,interview_date,full_interview,follow_up,description
            Derby REC,bme-infrastructure,Derby city,interviewed,2007-07-20,yes,no,"Supports groups,
            and networks"
            Rushcliffe CVS,general-infrastructure,Nottinghamshire,listed,,no,no,
            """;

    private TestFiles() {
    }

    static byte[] xlsx() {
        return workbook(new XSSFWorkbook(), SHEET);
    }

    static byte[] xls() {
        return workbook(new HSSFWorkbook(), SHEET);
    }

    /** Notes first, then the organisations on {@code sheet}, with the header on row 3. */
    static byte[] workbook(Workbook workbook, String sheet) {
        try (workbook) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Collected in July 2007");
            Sheet groups = workbook.createSheet(sheet);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

            groups.createRow(0).createCell(0).setCellValue("Mapping of BME organisations, July 2007");
            groups.addMergedRegion(CellRangeAddress.valueOf("A1:J1"));
            Row above = groups.createRow(1);
            above.createCell(0).setCellValue("name");
            above.createCell(5).setCellValue("Interview");
            groups.addMergedRegion(CellRangeAddress.valueOf("A2:A3"));
            groups.addMergedRegion(CellRangeAddress.valueOf("F2:G2"));
            Row header = groups.createRow(2);
            String[] headings = {null, "category", "area", "status", "interview_date", "full_interview", "follow_up",
                    "phone", "address", "description"};
            for (int i = 1; i < headings.length; i++) {
                header.createCell(i).setCellValue(headings[i]);
            }

            Row derby = groups.createRow(3);
            text(derby, "Derby REC", "bme-infrastructure", "Derby city", "interviewed");
            Cell held = derby.createCell(4);
            held.setCellValue(LocalDate.of(2007, 7, 20));
            held.setCellStyle(date);
            derby.createCell(5).setCellValue(true);
            derby.createCell(6).setCellValue(false);
            derby.createCell(7).setCellValue(1332000000d);
            derby.createCell(8).setCellValue("007");
            derby.createCell(9).setCellFormula("\"Supports \"&\"groups\"");
            derby.createCell(12).setCellValue("");
            text(groups.createRow(4), "Rushcliffe CVS", "general-infrastructure", "Nottinghamshire", "listed");
            for (int empty = 5; empty < 9; empty++) {
                groups.createRow(empty).createCell(0).setCellValue("");
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    /** A workbook whose only sheet has nothing in it. */
    static byte[] emptyWorkbook() {
        return oneSheet("Empty");
    }

    /** A workbook of one sheet, holding {@code rows} of cells. */
    static byte[] oneSheet(String name, String[]... rows) {
        return sheets(Map.of(name, rows));
    }

    /** A workbook of several sheets, each holding its rows of cells, in the map's order. */
    static byte[] sheets(Map<String, String[][]> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            sheets.forEach((name, rows) -> {
                Sheet sheet = workbook.createSheet(name);
                for (int i = 0; i < rows.length; i++) {
                    text(sheet.createRow(i), rows[i]);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook locked with a password, as Excel does it: agile encryption in an OLE2 file. */
    static byte[] withPassword(byte[] xlsx) {
        try (POIFSFileSystem encrypted = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("a secret nobody knows");
            try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(xlsx));
                    OutputStream out = encryptor.getDataStream(encrypted)) {
                workbook.save(out);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            encrypted.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workbook with its sheet's XML padded by 50 MB of spaces, which deflate a thousandfold. */
    static byte[] zipBomb(byte[] xlsx) {
        return rewritten(xlsx, name -> name.startsWith("xl/worksheets/"), (content, out) -> {
            String xml = new String(content, StandardCharsets.UTF_8);
            int body = xml.indexOf("<sheetData");
            out.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(spaces);
            }
            out.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The workbook with its shared text replaced by 100,000 strings of a thousand characters, each
     * opening with random digits: about 100 MB unpacked, compressing less than a hundredfold, so it
     * passes the bomb check and would fill the heap once read.
     */
    static byte[] sharedTextBomb(byte[] xlsx) {
        Random random = new Random(7);
        return rewritten(xlsx, "xl/sharedStrings.xml"::equals, (content, out) -> {
            int strings = 100_000;
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings
                    + "\" uniqueCount=\"" + strings + "\">").getBytes(StandardCharsets.UTF_8));
            byte[] tail = ("a".repeat(1_000) + "</t></si>").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < strings; i++) {
                out.write(("<si><t>" + Long.toHexString(random.nextLong())).getBytes(StandardCharsets.US_ASCII));
                out.write(tail);
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** How an entry's content is written in its place. */
    private interface Rewrite {
        void write(byte[] content, OutputStream out) throws IOException;
    }

    /** The zip with the entries whose names pass the test written anew, the others as they were. */
    private static byte[] rewritten(byte[] zip, Predicate<String> which, Rewrite rewrite) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    byte[] content = in.readAllBytes();
                    if (which.test(entry.getName())) {
                        rewrite.write(content, out);
                    } else {
                        out.write(content);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Access database of {@code format}: the organisations, and a contacts table with an AutoNumber. */
    static byte[] access(Database.FileFormat format, Path dir) {
        Path file = dir.resolve("mapping" + format.getFileExtension());
        try (Database database = new DatabaseBuilder(file.toFile()).setFileFormat(format).create()) {
            Table organisations = new TableBuilder("Organisations")
                    .addColumn(new ColumnBuilder("name", DataType.TEXT))
                    .addColumn(new ColumnBuilder("category", DataType.TEXT))
                    .addColumn(new ColumnBuilder("area", DataType.TEXT))
                    .addColumn(new ColumnBuilder("status", DataType.TEXT))
                    .addColumn(new ColumnBuilder("interview_date", DataType.SHORT_DATE_TIME))
                    .addColumn(new ColumnBuilder("full_interview", DataType.BOOLEAN))
                    .addColumn(new ColumnBuilder("follow_up", DataType.BOOLEAN))
                    .addColumn(new ColumnBuilder("description", DataType.MEMO))
                    .toTable(database);
            organisations.addRow("Derby REC", "bme-infrastructure", "Derby city", "interviewed",
                    LocalDateTime.of(2007, 7, 20, 0, 0), true, false, "Supports groups,\nand networks");
            organisations.addRow("Rushcliffe CVS", "general-infrastructure", "Nottinghamshire", "listed", null, false,
                    false, null);
            new TableBuilder("Contacts")
                    .addColumn(new ColumnBuilder("id", DataType.LONG).setAutoNumber(true))
                    .addColumn(new ColumnBuilder("calls", DataType.INT))
                    .addColumn(new ColumnBuilder("cost", DataType.DOUBLE))
                    .toTable(database)
                    .addRow(Column.AUTO_NUMBER, 3, 12.5d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(file);
    }

    /**
     * An Access database laid out as the 2007 mapping's was, in its own headings and words: one
     * table, "Interviewed" a Yes/No column, the type written "BME Org" or as our label.
     */
    static byte[] database2007(Path dir) {
        Path file = dir.resolve("mapping2007.mdb");
        try (Database database = new DatabaseBuilder(file.toFile()).setFileFormat(Database.FileFormat.V2000)
                .create()) {
            Table organisations = new TableBuilder("Organisations")
                    .addColumn(new ColumnBuilder("Organisation Name", DataType.TEXT))
                    .addColumn(new ColumnBuilder("Type of Organisation", DataType.TEXT))
                    .addColumn(new ColumnBuilder("Area", DataType.TEXT))
                    .addColumn(new ColumnBuilder("Interviewed", DataType.BOOLEAN))
                    .addColumn(new ColumnBuilder("Date of Interview", DataType.SHORT_DATE_TIME))
                    .addColumn(new ColumnBuilder("Full Interview", DataType.BOOLEAN))
                    .addColumn(new ColumnBuilder("Follow Up", DataType.BOOLEAN))
                    .addColumn(new ColumnBuilder("Comments", DataType.MEMO))
                    .toTable(database);
            organisations.addRow("Derby REC", "BME Org", "Derby city", true, LocalDateTime.of(2007, 7, 20, 0, 0),
                    true, false, "Very helpful");
            organisations.addRow("Rushcliffe CVS", "General infrastructure organisation", "Nottinghamshire", false,
                    null, false, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(file);
    }

    /** The same two organisations as {@link #database2007} in our own columns and codes. */
    static final String CSV_2007 = """
            name,category,area,status,interview_date,full_interview,follow_up
            Derby REC,bme-infrastructure,Derby city,interviewed,2007-07-20,yes,no
            Rushcliffe CVS,general-infrastructure,Nottinghamshire,listed,,,
            """;

    /** The same again as a workbook in the 2007 headings, columns in {@code order} (indexes of the headings). */
    static byte[] workbook2007(int... order) {
        String[][] rows = {
                {"Organisation Name", "Type of Organisation", "Area", "Interviewed", "Date of Interview",
                        "Full Interview", "Follow Up", "Comments"},
                {"Derby REC", "BME Org", "Derby city", "Yes", "2007-07-20", "Yes", "No", "Very helpful"},
                {"Rushcliffe CVS", "General infrastructure organisation", "Nottinghamshire", "No", "", "No", "No", ""}};
        String[][] ordered = new String[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            ordered[r] = new String[order.length];
            for (int c = 0; c < order.length; c++) {
                ordered[r][c] = rows[r][order[c]];
            }
        }
        return oneSheet("Organisations", ordered);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
