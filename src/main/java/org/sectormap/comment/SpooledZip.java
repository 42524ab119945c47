package org.sectormap.comment;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A zip written as it goes, whose central directory waits in a temporary file rather than in the
 * heap: {@link java.util.zip.ZipOutputStream} keeps an object of a few hundred bytes for every entry
 * until it finishes, and a .qdpx of two million comments has two million and one entries. An entry
 * too large to hold is deflated into a temporary file first, so that every entry's sizes come before
 * it. The ZIP64 extensions are used only where the format needs them (more than 65,534 entries, or
 * a size or offset past 4 GB), as Java's {@code ZipFile}, Python's zipfile and .NET read them.
 */
final class SpooledZip implements Closeable {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_FIELD = 0x0001;
    private static final int VERSION_ZIP64 = 45;
    private static final int VERSION_DEFLATE = 20;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int DEFLATED = 8;
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final int MAX_16 = 0xFFFF;

    /** An entry deflated into a temporary file, with what its header needs; closing it ends the writing. */
    final class Spooled extends FilterOutputStream {
        private final Path file;
        private final CRC32 crc = new CRC32();
        private long size;
        private long compressed;

        private Spooled(Path file) throws IOException {
            super(new DeflaterOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                    new Deflater(Deflater.DEFAULT_COMPRESSION, true), 1 << 16));
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            size += len;
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            DeflaterOutputStream deflating = (DeflaterOutputStream) out;
            deflating.finish();
            deflating.close();
            compressed = Files.size(file);
        }
    }

    private final Counting out;
    private final Path directoryFile;
    private final DataOutputStream directory;
    private final int dosTime;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private long entries;

    SpooledZip(OutputStream out, LocalDateTime modified) throws IOException {
        this.out = new Counting(out);
        this.directoryFile = Files.createTempFile("sector-map-zip-", ".directory");
        this.directory = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(directoryFile), 1 << 16));
        this.dosTime = (modified.getYear() - 1980) << 25 | modified.getMonthValue() << 21 | modified.getDayOfMonth() << 16
                | modified.getHour() << 11 | modified.getMinute() << 5 | modified.getSecond() >> 1;
    }

    /** Adds an entry whose bytes are all at hand. */
    void add(String name, byte[] content) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, content.length / 2));
        deflater.reset();
        DeflaterOutputStream deflating = new DeflaterOutputStream(compressed, deflater, 4096);
        deflating.write(content);
        deflating.finish(); // not closed: the deflater serves the next entry
        CRC32 crc = new CRC32();
        crc.update(content);
        entry(name, crc.getValue(), content.length, compressed.size(), compressed::writeTo);
    }

    /** A new entry to write into a temporary file, then {@link #add(String, Spooled)} once closed. */
    Spooled spool() throws IOException {
        return new Spooled(Files.createTempFile("sector-map-zip-", ".entry"));
    }

    /** Adds an entry spooled and closed, and deletes its file. */
    void add(String name, Spooled spooled) throws IOException {
        try {
            entry(name, spooled.crc.getValue(), spooled.size, spooled.compressed, to -> {
                try (InputStream in = Files.newInputStream(spooled.file)) {
                    in.transferTo(to);
                }
            });
        } finally {
            Files.deleteIfExists(spooled.file);
        }
    }

    /** Writes the central directory after the entries, then the end records. The stream beneath stays open. */
    void finish() throws IOException {
        directory.close();
        long directoryStart = out.count;
        try (InputStream spooled = Files.newInputStream(directoryFile)) {
            spooled.transferTo(out);
        }
        long directorySize = out.count - directoryStart;
        DataOutputStream end = new DataOutputStream(out);
        boolean zip64 = entries >= MAX_16 || directoryStart >= MAX_32 || directorySize >= MAX_32;
        if (zip64) {
            long zip64End = out.count;
            end.writeInt(Integer.reverseBytes(ZIP64_END));
            end.writeLong(Long.reverseBytes(44));
            end.writeShort(Short.reverseBytes((short) VERSION_ZIP64));
            end.writeShort(Short.reverseBytes((short) VERSION_ZIP64));
            end.writeInt(0);
            end.writeInt(0);
            end.writeLong(Long.reverseBytes(entries));
            end.writeLong(Long.reverseBytes(entries));
            end.writeLong(Long.reverseBytes(directorySize));
            end.writeLong(Long.reverseBytes(directoryStart));
            end.writeInt(Integer.reverseBytes(ZIP64_LOCATOR));
            end.writeInt(0);
            end.writeLong(Long.reverseBytes(zip64End));
            end.writeInt(Integer.reverseBytes(1));
        }
        end.writeInt(Integer.reverseBytes(END));
        end.writeShort(0);
        end.writeShort(0);
        end.writeShort(Short.reverseBytes((short) Math.min(entries, MAX_16)));
        end.writeShort(Short.reverseBytes((short) Math.min(entries, MAX_16)));
        end.writeInt(Integer.reverseBytes((int) Math.min(directorySize, MAX_32)));
        end.writeInt(Integer.reverseBytes((int) Math.min(directoryStart, MAX_32)));
        end.writeShort(0);
        end.flush();
    }

    @Override
    public void close() throws IOException {
        deflater.end();
        directory.close();
        Files.deleteIfExists(directoryFile);
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A local header, the deflated bytes, and the entry's line of the directory, kept for later. */
    private void entry(String name, long crc, long size, long compressed, Content content) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = out.count;
        boolean largeSizes = size >= MAX_32 || compressed >= MAX_32;
        DataOutputStream local = new DataOutputStream(out);
        local.writeInt(Integer.reverseBytes(LOCAL_HEADER));
        common(local, largeSizes, crc, size, compressed, nameBytes.length, largeSizes ? 20 : 0);
        local.write(nameBytes);
        if (largeSizes) {
            local.writeShort(Short.reverseBytes((short) ZIP64_FIELD));
            local.writeShort(Short.reverseBytes((short) 16));
            local.writeLong(Long.reverseBytes(size));
            local.writeLong(Long.reverseBytes(compressed));
        }
        local.flush();
        content.writeTo(out);

        entries++;
        boolean largeOffset = offset >= MAX_32;
        int extra = (largeSizes ? 16 : 0) + (largeOffset ? 8 : 0);
        directory.writeInt(Integer.reverseBytes(CENTRAL_HEADER));
        directory.writeShort(Short.reverseBytes((short) VERSION_ZIP64));
        common(directory, largeSizes || largeOffset, crc, size, compressed, nameBytes.length, extra == 0 ? 0 : extra + 4);
        directory.writeShort(0); // comment
        directory.writeShort(0); // disk
        directory.writeShort(0); // internal attributes
        directory.writeInt(0); // external attributes
        directory.writeInt(Integer.reverseBytes((int) Math.min(offset, MAX_32)));
        directory.write(nameBytes);
        if (extra > 0) {
            directory.writeShort(Short.reverseBytes((short) ZIP64_FIELD));
            directory.writeShort(Short.reverseBytes((short) extra));
            if (largeSizes) {
                directory.writeLong(Long.reverseBytes(size));
                directory.writeLong(Long.reverseBytes(compressed));
            }
            if (largeOffset) {
                directory.writeLong(Long.reverseBytes(offset));
            }
        }
    }

    /** The fields a local header and a directory line share, from "version needed" to "extra field length". */
    private void common(DataOutputStream to, boolean zip64, long crc, long size, long compressed, int nameLength,
            int extraLength) throws IOException {
        to.writeShort(Short.reverseBytes((short) (zip64 ? VERSION_ZIP64 : VERSION_DEFLATE)));
        to.writeShort(Short.reverseBytes((short) UTF8_NAMES));
        to.writeShort(Short.reverseBytes((short) DEFLATED));
        to.writeInt(Integer.reverseBytes(dosTime));
        to.writeInt(Integer.reverseBytes((int) crc));
        to.writeInt(Integer.reverseBytes((int) (size >= MAX_32 || compressed >= MAX_32 ? MAX_32 : compressed)));
        to.writeInt(Integer.reverseBytes((int) (size >= MAX_32 || compressed >= MAX_32 ? MAX_32 : size)));
        to.writeShort(Short.reverseBytes((short) nameLength));
        to.writeShort(Short.reverseBytes((short) extraLength));
    }

    /** Counts what passes, for the offsets the directory records. */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
