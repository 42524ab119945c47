package org.sectormap.comment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that seals the comment pool, kept out of the database so that whoever holds only the
 * database (its administrator, a copy of the H2 file, a backup) cannot read the waiting comments.
 * It is {@code sectormap.anonymity.pool-key} when set, which every instance sharing a database
 * must be given alike; otherwise a key file in the data folder, made on first use and readable by
 * its owner alone where the file system has POSIX permissions.
 */
@Component
class CommentPoolKey {

    static final String FILE_NAME = "comment-pool.key";
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "AES";

    private final String configured;
    private final Path file;
    private volatile SecretKey key;

    CommentPoolKey(AnonymitySettings settings, @Value("${sectormap.data-dir}") Path dataDir) {
        this.configured = settings.poolKey();
        this.file = dataDir.resolve(FILE_NAME);
        if (given(configured)) {
            // A mistyped key found at start-up, not at the first release, which would fail an interview.
            this.key = decode(configured, "sectormap.anonymity.pool-key");
        }
    }

    SecretKey get() {
        SecretKey known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = fromFile();
                }
                known = key;
            }
        }
        return known;
    }

    private SecretKey fromFile() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the comment pool key file " + file, e);
        }
    }

    /** Written whole by whoever creates it first; another start-up racing it reads the winner's. */
    private void create() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        try (OutputStream out = Files.newOutputStream(Files.createFile(file, ownerOnly()), StandardOpenOption.WRITE)) {
            out.write(Base64.getEncoder().encode(bytes));
            out.write('\n');
        } catch (FileAlreadyExistsException raced) {
            // Someone else made it between the check and the creation: theirs is the key.
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Names where the key came from, never the key. */
    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The comment pool key in " + source + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The comment pool key in " + source + " must be " + KEY_BYTES
                    + " bytes (256 bits) in base64, as `openssl rand -base64 32` gives");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
