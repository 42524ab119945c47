package org.sectormap.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * An upload's check and likely duplicates, worked out as it arrives (or as its sheet or mapping is
 * chosen) and kept for its preview a moment later, so that the file is read and checked once rather
 * than twice (about a second of a 100,000-row preview). Held in this instance's memory, briefly, and
 * taken once: a preview that finds none for its sheet and mapping (served by another instance,
 * reloaded, or come late) checks the file again.
 */
@Component
class CheckedUploads {

    /** Uploads arriving at once beyond this push the oldest out; each holds at most a few hundred rows. */
    private static final int KEPT = 16;
    private static final Duration KEPT_FOR = Duration.ofMinutes(1);

    private record Kept(String sheet, ColumnMapping mapping, ImportDuplicates.Checked checked, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT;
        }
    };

    CheckedUploads(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a check that passed, of the upload's sheet with the given mapping (or none). */
    synchronized void keep(String token, Upload upload, ColumnMapping mapping, ImportDuplicates.Checked checked) {
        if (checked.parsed().valid()) {
            kept.put(token, new Kept(upload.sheet(), mapping, checked, clock.instant().plus(KEPT_FOR)));
        }
    }

    synchronized Optional<ImportDuplicates.Checked> take(String token, Upload upload, ColumnMapping mapping) {
        return Optional.ofNullable(kept.remove(token)).filter(k -> clock.instant().isBefore(k.until())
                && Objects.equals(k.sheet(), upload.sheet()) && Objects.equals(k.mapping(), mapping)).map(Kept::checked);
    }
}
