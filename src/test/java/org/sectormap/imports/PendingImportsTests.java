package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.MutableClock;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.util.unit.DataSize;

class PendingImportsTests {

    private static final Duration EXPIRY = Duration.ofHours(3);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2007-07-31T09:00:00Z"));
    private final MockHttpSession session = new MockHttpSession();

    private PendingImports store(long maxTotalBytes) {
        return new PendingImports(new PendingImportSettings(dir, DataSize.ofBytes(maxTotalBytes), EXPIRY),
                DataSize.ofBytes(10), clock);
    }

    /** As an upload arrives: spooled into the folder, in hand until put to wait. */
    private static Upload upload(PendingImports store, String fileName, byte[] content) throws IOException {
        return store.spool(fileName, file -> Files.write(file, content), null, Upload.FIRST_ROW);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String content(PendingImports store, String token) {
        return store.peek(session, token).map(PendingImportsTests::text).orElse(null);
    }

    private static String text(Upload upload) {
        try {
            return Files.readString(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void shouldKeepTheFileOnDiskAndOnlyItsTokenInTheSession() throws IOException {
        PendingImports store = store(2_000_000);
        byte[] large = new byte[1_000_000];
        String token = store.put(session, upload(store, "mapping.csv", large));

        assertThat(Files.size(dir.resolve(token))).isEqualTo(large.length);
        assertThat(store.peek(session, token).orElseThrow().fileName()).isEqualTo("mapping.csv");
        // serializeState() empties the session, so it comes last.
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
            out.writeObject(session.serializeState());
        }
        assertThat(serialised.size()).isLessThan(1_000);
    }

    @Test
    void shouldKeepTheChosenSheetAndHeaderRowSoConfirmationReadsTheSameTable() throws IOException {
        PendingImports store = store(100);
        String token = store.put(session, store.spool("mapping.xlsx", file -> Files.write(file, bytes("workbook")), null,
                3));
        assertThat(store.peek(session, token).orElseThrow().sheet()).isNull();

        assertThat(store.choose(session, token, "Groups")).isTrue();
        Upload taken = store.take(session, token).orElseThrow();
        assertThat(taken).extracting(Upload::fileName, Upload::sheet, Upload::headerRow)
                .containsExactly("mapping.xlsx", "Groups", 3);
        assertThat(store.choose(session, token, "Other")).isFalse();
        assertThat(store.choose(new MockHttpSession(), token, "Groups")).isFalse();
    }

    @Test
    void shouldHandAFileOverOnlyOnceAndDeleteItOnceDiscarded() throws IOException {
        PendingImports store = store(100);
        String token = store.put(session, upload(store, "a.csv", bytes("name,status")));

        Upload taken = store.take(session, token).orElseThrow();
        assertThat(text(taken)).isEqualTo("name,status");
        assertThat(store.take(session, token)).isEmpty();
        assertThat(store.peek(session, token)).isEmpty();
        assertThat(filesInDir()).isEqualTo(1);
        store.discard(taken);
        assertThat(filesInDir()).isZero();
    }

    @Test
    void shouldDeleteAnUploadInHandWhenDiscardedAndLeaveOneWaiting() throws IOException {
        PendingImports store = store(100);
        Upload refused = upload(store, "refused.csv", bytes("name"));
        Upload kept = upload(store, "kept.csv", bytes("name,status"));
        String token = store.put(session, kept);

        store.discard(refused);
        store.discard(kept);

        assertThat(refused.file()).doesNotExist();
        assertThat(content(store, token)).isEqualTo("name,status");
        assertThat(filesInDir()).isEqualTo(1);
    }

    @Test
    void shouldDeleteUploadsStillInHandWhenTheAppStops() throws IOException {
        PendingImports store = store(100);
        Upload checking = upload(store, "checking.csv", bytes("name"));
        Upload storing = store.handOver(upload(store, "storing.csv", bytes("name")));
        String waiting = store.put(session, upload(store, "waiting.csv", bytes("name")));

        store.deleteInHand();

        assertThat(checking.file()).doesNotExist();
        assertThat(storing.file()).doesNotExist();
        assertThat(dir.resolve(waiting)).exists();
    }

    @Test
    void shouldDropTheOldestWaitingFilesOnceTheTotalIsReached() throws IOException {
        PendingImports store = store(10);
        MockHttpSession other = new MockHttpSession();
        String first = store.put(session, upload(store, "1.csv", bytes("1111")));
        clock.advance(Duration.ofMinutes(1));
        String second = store.put(other, upload(store, "2.csv", bytes("2222")));
        clock.advance(Duration.ofMinutes(1));
        String third = store.put(session, upload(store, "3.csv", bytes("333")));

        assertThat(content(store, first)).isNull();
        assertThat(store.peek(other, second)).isPresent();
        assertThat(content(store, third)).isEqualTo("333");
        assertThat(filesInDir()).isEqualTo(2);
    }

    @Test
    void shouldForgetFilesPastTheirTimeAndSweepThemAway() throws IOException {
        PendingImports store = store(100);
        String old = store.put(session, upload(store, "old.csv", bytes("old")));
        clock.advance(EXPIRY.minusMinutes(1));
        String recent = store.put(session, upload(store, "recent.csv", bytes("recent")));
        assertThat(content(store, old)).isEqualTo("old");

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.take(session, old)).isEmpty();
        store.sweep();
        assertThat(Files.exists(dir.resolve(old))).isFalse();
        assertThat(content(store, recent)).isEqualTo("recent");
    }

    @Test
    void shouldDeleteExpiredFilesLeftFromBeforeARestartAndNothingElse() throws IOException {
        Path leftOver = Files.writeString(dir.resolve("0123456789abcdef0123456789abcdef"), "left");
        Files.setLastModifiedTime(leftOver, FileTime.from(clock.instant().minus(EXPIRY).minusSeconds(1)));
        Path recent = Files.writeString(dir.resolve("fedcba9876543210fedcba9876543210"), "recent");
        Files.setLastModifiedTime(recent, FileTime.from(clock.instant()));
        Path crashed = Files.writeString(dir.resolve("in-hand-0123456789abcdef0123456789abcdef"), "crashed");
        Files.setLastModifiedTime(crashed, FileTime.from(clock.instant().minus(EXPIRY).minusSeconds(1)));
        Path notOurs = Files.writeString(dir.resolve("notes.txt"), "someone else's");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.EPOCH));

        store(100);

        assertThat(leftOver).doesNotExist();
        assertThat(crashed).doesNotExist();
        assertThat(recent).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void shouldKeepOnlyTheLastThreeUploadsOfASession() throws IOException {
        PendingImports store = store(100);
        String first = store.put(session, upload(store, "1.csv", bytes("1")));
        String second = store.put(session, upload(store, "2.csv", bytes("2")));
        store.put(session, upload(store, "3.csv", bytes("3")));
        store.put(session, upload(store, "4.csv", bytes("4")));

        assertThat(store.peek(session, first)).isEmpty();
        assertThat(content(store, second)).isEqualTo("2");
        assertThat(filesInDir()).isEqualTo(3);
    }

    @Test
    void shouldNotGiveOneSessionsFileToAnother() throws IOException {
        PendingImports store = store(100);
        String token = store.put(session, upload(store, "mine.csv", bytes("mine")));
        MockHttpSession stranger = new MockHttpSession();

        assertThat(store.peek(stranger, token)).isEmpty();
        assertThat(store.take(stranger, token)).isEmpty();
        assertThat(content(store, token)).isEqualTo("mine");
    }

    @Test
    void shouldRefuseATotalSmallerThanTheLargestUpload() {
        assertThatThrownBy(() -> store(9)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-total");
    }
}
