package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledZipTests {

    private static final LocalDateTime WRITTEN = LocalDateTime.of(2007, 7, 20, 14, 30, 10);

    @TempDir
    Path folder;

    @Test
    void shouldWriteEntriesThatJavasReadersFindWhole() throws IOException {
        Path file = folder.resolve("small.zip");
        String large = "Ünïcödé comment, ".repeat(50_000);
        try (OutputStream out = Files.newOutputStream(file); SpooledZip zip = new SpooledZip(out, WRITTEN)) {
            zip.add("Sources/a.txt", "A comment".getBytes(StandardCharsets.UTF_8));
            zip.add("Sources/é.txt", new byte[0]);
            SpooledZip.Spooled spooled = zip.spool();
            try (spooled) {
                spooled.write(large.getBytes(StandardCharsets.UTF_8));
                spooled.write('!');
            }
            zip.add("project.qde", spooled);
            zip.finish();
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactly("Sources/a.txt", "Sources/é.txt", "project.qde");
            assertThat(text(zip, "Sources/a.txt")).isEqualTo("A comment");
            assertThat(text(zip, "Sources/é.txt")).isEmpty();
            assertThat(text(zip, "project.qde")).isEqualTo(large + "!");
            assertThat(zip.getEntry("project.qde").getTimeLocal()).isEqualTo(WRITTEN);
        }
        List<String> streamed = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                streamed.add(entry.getName() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8).length());
            }
        }
        assertThat(streamed).containsExactly("Sources/a.txt 9", "Sources/é.txt 0", "project.qde " + (large.length() + 1));
    }

    @Test
    void shouldCountMoreThan65535EntriesAsZip64Requires() throws IOException {
        Path file = folder.resolve("many.zip");
        int count = 70_000;
        try (OutputStream out = Files.newOutputStream(file); SpooledZip zip = new SpooledZip(out, WRITTEN)) {
            for (int i = 0; i < count; i++) {
                zip.add("Sources/" + i + ".txt", ("comment " + i).getBytes(StandardCharsets.UTF_8));
            }
            zip.finish();
        }

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.size()).isEqualTo(count);
            assertThat(text(zip, "Sources/0.txt")).isEqualTo("comment 0");
            assertThat(text(zip, "Sources/69999.txt")).isEqualTo("comment 69999");
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
