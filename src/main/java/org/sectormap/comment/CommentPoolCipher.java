package org.sectormap.comment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Seals one interview's sector comments for the pool: AES-GCM with a fresh random IV, over the
 * comments padded to a size bucket so that the sealed length says nothing about how many comments
 * there were or how long. The smallest bucket, 128 KiB, holds every answer of the default
 * questionnaire (nine questions) written out to the 10,000-character limit in a Latin script, so
 * ordinary interviews all seal to the same length; longer ones double the bucket (256 KiB, 512 KiB
 * and so on), showing only which power of two they fall under. The pool holds fewer rows than the
 * release size at rest, so the space is small.
 */
@Component
class CommentPoolCipher {

    static final int SMALLEST_BUCKET = 128 * 1024;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom IVS = new SecureRandom();

    private final CommentPoolKey key;

    CommentPoolCipher(CommentPoolKey key) {
        this.key = key;
    }

    /** @return the IV followed by the ciphertext of the padded comments */
    byte[] seal(List<NewComment> comments) {
        byte[] iv = new byte[IV_BYTES];
        IVS.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(padded(encoded(comments)));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal comments for the pool", e);
        }
    }

    /** @throws IllegalStateException when the row was sealed under another key or altered */
    List<NewComment> open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return decoded(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A row of the comment pool cannot be opened with this key: every instance "
                    + "sharing the database needs the same sectormap.anonymity.pool-key (or the same key file)", e);
        }
    }

    /** The length of the content, the content, then zeros up to the bucket. */
    static byte[] padded(byte[] content) {
        int needed = Integer.BYTES + content.length;
        int bucket = SMALLEST_BUCKET;
        while (bucket < needed) {
            bucket *= 2;
        }
        return ByteBuffer.allocate(bucket).putInt(content.length).put(content).array();
    }

    private static byte[] encoded(List<NewComment> comments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(comments.size());
            for (NewComment c : comments) {
                write(out, c.sectionCode());
                write(out, c.sectionTitle());
                write(out, c.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<NewComment> decoded(byte[] padded) {
        ByteBuffer buffer = ByteBuffer.wrap(padded);
        byte[] content = Arrays.copyOfRange(padded, Integer.BYTES, Integer.BYTES + buffer.getInt());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            int count = in.readInt();
            List<NewComment> comments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                comments.add(new NewComment(read(in), read(in), read(in)));
            }
            return comments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length-prefixed UTF-8: writeUTF's 64 KB limit is too near a long answer in a non-Latin script. */
    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
