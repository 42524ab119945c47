package org.sectormap.imports;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a whole table or nothing: any problem in any row and not one organisation is stored. A
 * file is read once to check it and count its rows, and again to store them, so it is never held
 * whole; more than {@code sectormap.import.background-from} rows are stored in the background.
 */
@Service
class ImportService {

    private final OrganisationReader reader;
    private final ImportHistory history;
    private final ImportJobs jobs;
    private final ImportStorage storage;
    private final int backgroundFrom;

    ImportService(OrganisationReader reader, ImportHistory history, ImportJobs jobs, ImportStorage storage,
            @Value("${sectormap.import.background-from:2000}") int backgroundFrom) {
        this.reader = reader;
        this.history = history;
        this.jobs = jobs;
        this.storage = storage;
        this.backgroundFrom = backgroundFrom;
    }

    /** The sheets or tables of a workbook or database, for the user to choose when there are several. */
    List<String> tables(Upload upload) {
        return reader.tables(upload);
    }

    ParsedImport check(Upload upload) {
        return reader.read(upload);
    }

    /**
     * Checks the file and, when it is clean and no other import is running, stores it: here and now
     * when it is small, on a background thread when it is large. Storing reads the file again, so
     * what is imported is exactly what passed the rules.
     */
    ImportOutcome importAll(Upload upload) {
        ParsedImport parsed = reader.read(upload);
        if (!parsed.valid()) {
            return new ImportOutcome.Refused(parsed);
        }
        Optional<Long> started = jobs.start(upload.fileName(), parsed.rows());
        if (started.isEmpty()) {
            return new ImportOutcome.Busy(jobs.holder());
        }
        long jobId = started.get();
        if (parsed.rows() > backgroundFrom) {
            storage.storeInBackground(jobId, upload);
            return new ImportOutcome.Started(jobId);
        }
        return new ImportOutcome.Finished(jobId, storage.store(jobId, upload), parsed.rows());
    }

    Optional<ImportJob> job(long id) {
        return jobs.find(id);
    }

    /** Asks a running import to stop; it rolls back at its next batch. False when it is not running. */
    boolean cancel(long id) {
        return jobs.cancel(id);
    }

    /** The last time this file was imported from the same sheet and header row, to warn before it is again. */
    @Transactional(readOnly = true)
    Optional<ImportRecord> earlierImport(Upload upload) {
        return history.latestOf(upload);
    }

    @Transactional(readOnly = true)
    List<ImportRecord> history() {
        return history.all();
    }
}
