package org.sectormap.imports;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.WebUtils;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpSession;

/**
 * Every uploaded file, on disk. An upload is spooled into the folder once, as it arrives, and each
 * request after that reads the file where it lies, never its bytes into memory. A checked file waits
 * there for the user to confirm it, named by a random token that only the uploader's session holds;
 * taking it hands the file to the taker (so confirming twice imports once), who discards it when done.
 * Files being read or stored are deleted when discarded, when the app stops, and otherwise (after a
 * crash) by the sweep once past the expiry, like the waiting files.
 *
 * <p>Past the total size allowed across everyone, the oldest waiting files are dropped to make room
 * (their previews then ask for the file again) rather than the new upload refused: a busy hour
 * should cost a slow confirmer a second upload, not shut everyone out until the oldest files expire.
 */
@Component
class PendingImports {

    private static final Logger log = LoggerFactory.getLogger(PendingImports.class);
    private static final String ATTRIBUTE = PendingImports.class.getName();
    private static final int KEPT_PER_SESSION = 3;
    private static final int LONGEST_NAME = 255;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    /** An upload not waiting under a token: being checked, or taken to be stored. */
    private static final String IN_HAND = "in-hand-";
    private static final Pattern IN_HAND_NAME = Pattern.compile(IN_HAND + "[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a waiting file is to be read: everything of an {@link Upload} but its bytes, which wait on disk. */
    private record Reading(String fileName, String sheet, int headerRow) implements Serializable {
    }

    /** All a session keeps: its waiting files' tokens, oldest first, with how each is to be read. */
    private static final class Tokens implements Serializable {
        private final LinkedHashMap<String, Reading> names = new LinkedHashMap<>();
    }

    private record Waiting(Path path, long size, FileTime modified) {
    }

    private final Path dir;
    private final long maxTotal;
    private final PendingImportSettings settings;
    private final Clock clock;
    /** The files in hand on this instance, for {@link #discard} and the app's stop to delete. */
    private final Set<Path> inHand = ConcurrentHashMap.newKeySet();

    PendingImports(PendingImportSettings settings,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize largestUpload, Clock clock) {
        if (settings.maxTotal().compareTo(largestUpload) < 0) {
            throw new IllegalStateException("sectormap.imports.pending.max-total (" + settings.maxTotal()
                    + ") must be at least spring.servlet.multipart.max-file-size (" + largestUpload + ")");
        }
        this.settings = settings;
        this.dir = settings.dir().toAbsolutePath();
        this.maxTotal = settings.maxTotal().toBytes();
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for pending imports " + dir, e);
        }
        // Files left from before a restart (their sessions are gone) would otherwise wait for the first sweep.
        sweep();
    }

    /** Writes an upload's bytes to a file once, as they arrive. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * The upload in a file of its own in the folder, in hand: the caller {@link #discard}s it when done
     * unless {@link #put} has made it wait for confirmation.
     */
    Upload spool(String fileName, Content content, String sheet, int headerRow) throws IOException {
        Path file = inHand();
        try {
            content.writeTo(file);
        } catch (IOException | RuntimeException e) {
            discard(file);
            throw e;
        }
        return new Upload(fileName, file, sheet, headerRow);
    }

    /** Makes an upload in hand wait under a new token in the session, moving its file rather than copying it. */
    String put(HttpSession session, Upload upload) {
        String token = newToken();
        synchronized (this) {
            Path file = dir.resolve(token);
            try {
                makeRoom(Files.size(upload.file()));
                Files.move(upload.file(), file, StandardCopyOption.ATOMIC_MOVE);
                inHand.remove(upload.file());
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } catch (IOException e) {
                delete(file);
                throw new UncheckedIOException(e);
            }
        }
        List<String> dropped = new ArrayList<>();
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            tokens.names.put(token, new Reading(shorten(upload.fileName()), upload.sheet(), upload.headerRow()));
            // Only the last few uploads of a session wait: abandoned previews should not hold space.
            while (tokens.names.size() > KEPT_PER_SESSION) {
                String oldest = tokens.names.keySet().iterator().next();
                tokens.names.remove(oldest);
                dropped.add(oldest);
            }
            session.setAttribute(ATTRIBUTE, tokens);
        }
        dropped.forEach(old -> delete(dir.resolve(old)));
        return token;
    }

    /**
     * Hands an upload in hand over to another owner (an import storing in the background) under a new
     * name, so that the first owner's discard leaves it alone.
     */
    Upload handOver(Upload upload) {
        Path file = inHand();
        try {
            Files.move(upload.file(), file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(file);
            throw new UncheckedIOException(e);
        }
        inHand.remove(upload.file());
        return new Upload(upload.fileName(), file, upload.sheet(), upload.headerRow());
    }

    /** Deletes an upload's file if it is in hand; one waiting under a token, or already handed over, stays. */
    void discard(Upload upload) {
        discard(upload.file());
    }

    private void discard(Path file) {
        if (inHand.remove(file)) {
            delete(file);
        }
    }

    /** Uploads being checked or stored when the app stops would otherwise wait for the expiry. */
    @PreDestroy
    void deleteInHand() {
        List.copyOf(inHand).forEach(this::discard);
    }

    private Path inHand() {
        Path file = dir.resolve(IN_HAND + newToken());
        inHand.add(file);
        return file;
    }

    Optional<Upload> peek(HttpSession session, String token) {
        Reading reading;
        synchronized (WebUtils.getSessionMutex(session)) {
            reading = tokens(session).names.get(token);
        }
        return reading == null ? Optional.empty() : read(token, reading);
    }

    /** The sheet or table to read, once the user has chosen it; false when the upload is no longer waiting. */
    boolean choose(HttpSession session, String token, String sheet) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            Reading reading = tokens.names.get(token);
            if (reading == null) {
                return false;
            }
            tokens.names.put(token, new Reading(reading.fileName(), sheet, reading.headerRow()));
            session.setAttribute(ATTRIBUTE, tokens);
            return true;
        }
    }

    /** The file, once: a second take of the same token finds nothing. The taker then has it in hand. */
    Optional<Upload> take(HttpSession session, String token) {
        Reading reading;
        synchronized (WebUtils.getSessionMutex(session)) {
            Tokens tokens = tokens(session);
            reading = tokens.names.remove(token);
            session.setAttribute(ATTRIBUTE, tokens);
        }
        if (reading == null) {
            return Optional.empty();
        }
        Optional<Upload> waiting = read(token, reading);
        if (waiting.isEmpty()) {
            return waiting;
        }
        Path file = inHand();
        try {
            Files.move(waiting.get().file(), file, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // Dropped or expired in the meantime.
            inHand.remove(file);
            return Optional.empty();
        } catch (IOException e) {
            inHand.remove(file);
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Upload(reading.fileName(), file, reading.sheet(), reading.headerRow()));
    }

    /** Deletes the files past their time, whoever uploaded them, and those in hand that a crash left behind. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    synchronized void sweep() {
        List<Waiting> expired = Stream.concat(waiting().stream(), files(IN_HAND_NAME).stream())
                .filter(w -> expired(w.modified()) && !inHand.contains(w.path())).toList();
        expired.forEach(w -> delete(w.path()));
        if (!expired.isEmpty()) {
            log.info("Deleted {} pending imports not confirmed within {}", expired.size(), settings.expiry());
        }
    }

    private Optional<Upload> read(String token, Reading reading) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(token);
        try {
            // Checked here too, so a file is not offered between its expiry and the next sweep.
            if (expired(Files.getLastModifiedTime(file))) {
                delete(file);
                return Optional.empty();
            }
            return Optional.of(new Upload(reading.fileName(), file, reading.sheet(), reading.headerRow()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the oldest waiting files until {@code incoming} more bytes fit under the total allowed. */
    private void makeRoom(long incoming) {
        List<Waiting> oldestFirst = waiting().stream().sorted(Comparator.comparing(Waiting::modified)).toList();
        long total = oldestFirst.stream().mapToLong(Waiting::size).sum();
        int dropped = 0;
        for (Waiting w : oldestFirst) {
            if (total + incoming <= maxTotal) {
                break;
            }
            delete(w.path());
            total -= w.size();
            dropped++;
        }
        if (dropped > 0) {
            log.warn("Dropped the {} oldest pending imports to keep them under {}", dropped, settings.maxTotal());
        }
    }

    private boolean expired(FileTime modified) {
        return modified.toInstant().plus(settings.expiry()).isBefore(clock.instant());
    }

    /** The token-named files in the folder; anything else someone put there is left alone. */
    private List<Waiting> waiting() {
        return files(TOKEN);
    }

    private List<Waiting> files(Pattern named) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Waiting> found = new ArrayList<>();
            files.filter(f -> named.matcher(f.getFileName().toString()).matches()).forEach(f -> {
                try {
                    found.add(new Waiting(f, Files.size(f), Files.getLastModifiedTime(f)));
                } catch (NoSuchFileException e) {
                    // Taken or dropped while listing.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tokens tokens(HttpSession session) {
        Tokens tokens = (Tokens) session.getAttribute(ATTRIBUTE);
        return tokens == null ? new Tokens() : tokens;
    }

    private static String newToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    private static String shorten(String fileName) {
        String name = fileName == null ? "" : fileName;
        return name.length() <= LONGEST_NAME ? name : name.substring(0, LONGEST_NAME);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
