package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the pool's key comes from, and what a sealed row's length can and cannot say. */
class CommentPoolKeyTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void shouldMakeAKeyFileOnFirstUseReadableByItsOwnerAloneAndKeepUsingIt(@TempDir Path dataDir) throws Exception {
        Path data = dataDir.resolve("not-yet-made");
        CommentPoolKey first = new CommentPoolKey(new AnonymitySettings(5, null), data);
        Path file = data.resolve(CommentPoolKey.FILE_NAME);
        assertThat(file).doesNotExist();

        byte[] key = first.get().getEncoded();
        assertThat(key).hasSize(32);
        assertThat(file).exists();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(new CommentPoolKey(new AnonymitySettings(5, null), data).get().getEncoded()).isEqualTo(key);
    }

    @Test
    void shouldUseTheConfiguredKeyAndWriteNoFile(@TempDir Path dataDir) {
        CommentPoolKey configured = new CommentPoolKey(new AnonymitySettings(5, " " + KEY + "\n"), dataDir);
        assertThat(configured.get().getEncoded()).isEqualTo(new byte[32]);
        assertThat(dataDir.resolve(CommentPoolKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void shouldRefuseAKeyThatIsNot256BitsNamingTheSettingButNotTheValue(@TempDir Path dataDir) {
        String short128 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new CommentPoolKey(new AnonymitySettings(5, short128), dataDir))
                .hasMessageContaining("sectormap.anonymity.pool-key").hasMessageNotContaining(short128);
        assertThatThrownBy(() -> new CommentPoolKey(new AnonymitySettings(5, "not base64!"), dataDir))
                .hasMessageContaining("sectormap.anonymity.pool-key").hasMessageNotContaining("not base64!");
    }

    @Test
    void shouldRefuseToReleaseBatchesOfOneInterview() {
        assertThatThrownBy(() -> new AnonymitySettings(1, null)).hasMessageContaining("release-after");
        assertThat(new AnonymitySettings(2, null).releaseAfter()).isEqualTo(2);
    }

    @Test
    void shouldSealNoCommentsAndEveryAnswerAtItsLimitToTheSameLength(@TempDir Path dataDir) {
        CommentPoolCipher cipher = new CommentPoolCipher(new CommentPoolKey(new AnonymitySettings(5, KEY), dataDir));
        String longest = "a".repeat(10_000);
        String title = "t".repeat(300);
        List<NewComment> nine = IntStream.range(0, 9)
                .mapToObj(i -> new NewComment("ABCDEFGHIJ", title, longest)).toList();

        byte[] none = cipher.seal(List.of());
        assertThat(cipher.seal(nine)).hasSameSizeAs(none);
        assertThat(cipher.seal(List.of(new NewComment("A", "Barriers", "Short.")))).hasSameSizeAs(none);
        assertThat(cipher.open(cipher.seal(nine))).isEqualTo(nine);
        // Two sealings of the same comments differ: a fresh IV each time.
        assertThat(cipher.seal(List.of())).isNotEqualTo(none);
        // Past the smallest bucket, the next power of two.
        assertThat(CommentPoolCipher.padded(new byte[CommentPoolCipher.SMALLEST_BUCKET])).hasSize(
                2 * CommentPoolCipher.SMALLEST_BUCKET);
    }
}
