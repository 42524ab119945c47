package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.stereotype.Component;

/**
 * Opens an upload as what its first bytes say it is, not what its name says: a zip is an .xlsx
 * workbook, an OLE2 compound file an .xls workbook (or an .xlsx locked with a password, which Excel
 * stores that way), "Standard Jet DB" or "Standard ACE DB" at byte 4 an Access database, JSON (text
 * that opens with an object or an array) an Open Referral feed, and other text a CSV file. The name
 * only sharpens the message for text named as a workbook or a database.
 */
@Component
class TableFiles {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final int ACCESS_AT = 4;
    private static final byte[] JET = "Standard Jet DB".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACE = "Standard ACE DB".getBytes(StandardCharsets.US_ASCII);
    /** A real sheet's XML compresses some tens of times; a thousand times is a bomb (POI's own default ratio). */
    private static final double MIN_INFLATE_RATIO = 0.01;
    /** Well above the expanded sheet of a workbook of some tens of MB at an ordinary ratio. */
    private static final long MAX_ENTRY_SIZE = 1024L * 1024 * 1024;

    TableFiles() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    /** The file's first bytes, which tell its kind: JSON may open with some white space before its bracket. */
    private static final int HEAD = 4_096;

    /**
     * Opens the file where it lies, never reading it into memory: each kind reads from the file itself or as
     * a stream over it, and leaves the file where it was when closed.
     *
     * @throws UnreadableFileException for a file that is no table of any kind we read
     */
    TableFile open(Path file, String fileName) {
        byte[] head = head(file);
        if (startsWith(head, 0, ZIP)) {
            return XlsxFile.open(file);
        }
        if (startsWith(head, 0, OLE2)) {
            return ole2(file);
        }
        if (startsWith(head, ACCESS_AT, JET) || startsWith(head, ACCESS_AT, ACE)) {
            return AccessFile.open(file);
        }
        if (OpenReferralFile.looksLikeJson(head)) {
            return OpenReferralFile.open(file);
        }
        CsvFile text = CsvFile.decode(file).orElseThrow(() -> new UnreadableFileException("import.error.notATable"));
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mdb") || name.endsWith(".accdb")) {
            throw new UnreadableFileException("import.error.notAccess");
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".xlsm")) {
            throw new UnreadableFileException("import.error.notExcel");
        }
        return text;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new UploadGoneException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xls workbook is read whole as it opens (the format holds 65,536 rows a sheet), so its file closes at once. */
    private static TableFile ole2(Path file) {
        try (POIFSFileSystem workbook = new POIFSFileSystem(file.toFile(), true)) {
            if (workbook.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                throw new UnreadableFileException("import.error.password");
            }
            return new XlsFile(new HSSFWorkbook(workbook.getRoot(), false));
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException("import.error.password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            // A Word document or another Office file: OLE2, but no workbook in it.
            throw new UnreadableFileException("import.error.notATable");
        }
    }

    private static boolean startsWith(byte[] content, int at, byte[] magic) {
        return content.length >= at + magic.length
                && Arrays.equals(content, at, at + magic.length, magic, 0, magic.length);
    }
}
