package org.sectormap.imports;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.sectormap.shared.ConflictException;

/** What became of a request to import a file. */
sealed interface ImportOutcome {

    DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** The file has problems; nothing was stored. */
    record Refused(ParsedImport parsed) implements ImportOutcome {
    }

    /** Another import is storing rows; nothing was stored. Empty when it finished while we looked. */
    record Busy(Optional<ImportJob> running) implements ImportOutcome {

        /** "Another import is running: started by X at HH:MM, N% done", or that one was just ending. */
        ConflictException refusal() {
            return running.map(job -> new ConflictException("import.busy", job.startedBy() == null ? "-"
                    : job.startedBy(), job.startedAt().format(HOUR_MINUTE), job.percentStored()))
                    .orElseGet(() -> new ConflictException("import.busy.ending"));
        }
    }

    /** A large file, being stored in the background by this job. */
    record Started(long jobId) implements ImportOutcome {
    }

    /** A small file, stored (or, if cancelled from elsewhere in the meantime, not) before the answer. */
    record Finished(long jobId, ImportStorage.Stored stored) implements ImportOutcome {
    }
}
