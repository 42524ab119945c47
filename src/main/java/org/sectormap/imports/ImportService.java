package org.sectormap.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectormap.organisation.ChangedSinceImportException;
import org.sectormap.organisation.MappableField;
import org.sectormap.organisation.OrganisationService;
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
    private final OrganisationService organisations;
    private final ImportHistory history;
    private final ImportJobs jobs;
    private final ImportStorage storage;
    private final ColumnMappings mappings;
    private final SavedMappings saved;
    private final ImportDuplicates duplicates;
    private final int backgroundFrom;

    ImportService(OrganisationReader reader, OrganisationService organisations, ImportHistory history,
            ImportJobs jobs, ImportStorage storage, ColumnMappings mappings, SavedMappings saved,
            ImportDuplicates duplicates, @Value("${sectormap.import.background-from:2000}") int backgroundFrom) {
        this.reader = reader;
        this.organisations = organisations;
        this.history = history;
        this.jobs = jobs;
        this.storage = storage;
        this.mappings = mappings;
        this.saved = saved;
        this.duplicates = duplicates;
        this.backgroundFrom = backgroundFrom;
    }

    /**
     * A file's headings, the distinct values under those mapped to coded fields, and a mapping to
     * start from: the one chosen, else the one saved for these headings, else the synonyms'; in
     * each case with a proposed code for every value found that it does not map.
     *
     * @param savedName the saved mapping's name when that is the one proposed, else null
     * @param more      the fields holding more distinct values than are listed
     */
    record Proposal(List<String> headings, ColumnMapping mapping, String savedName,
            Map<MappableField, List<String>> values, Set<MappableField> more) {
    }

    /** The headings of the table an upload names, as the mapping step lists them. */
    List<String> headings(Upload upload) {
        return reader.values(upload).headings();
    }

    /** Not in a transaction: the file is read as a stream, and one query needs no connection held meanwhile. */
    Proposal propose(Upload upload, ColumnMapping chosen) {
        FileValues file = reader.values(upload);
        Optional<SavedMappings.Saved> found = chosen == null ? saved.latestFor(file.headings()) : Optional.empty();
        ColumnMapping start = chosen != null ? chosen : found.map(SavedMappings.Saved::mapping)
                .orElseGet(() -> new ColumnMapping(upload.headerRow(), mappings.proposeColumns(file.headings()), null));
        return mappings.propose(ColumnMappings.ORGANISATIONS, file, upload.headerRow(), start,
                found.map(SavedMappings.Saved::name).orElse(null));
    }

    /** @return false, saving nothing, when the mapping is too large to keep */
    @Transactional
    boolean saveMapping(String name, List<String> headings, ColumnMapping mapping) {
        return saved.save(name, headings, mapping);
    }

    /** The sheets or tables of a workbook or database, for the user to choose when there are several. */
    List<String> tables(Upload upload) {
        return reader.tables(upload);
    }

    /** Why the file cannot be read at all (not a table, a damaged workbook), or empty when it can. */
    Optional<String> unreadable(Upload upload) {
        return reader.unreadable(upload);
    }

    /** @param mapping how to read headings and values that are not ours, or null for a file in our own columns */
    ParsedImport check(Upload upload, ColumnMapping mapping) {
        return reader.read(upload, mapping);
    }

    /**
     * As {@link #check}, with the rows of a clean file that are probably organisations already in
     * the register or earlier rows of the file.
     */
    ImportDuplicates.Checked checkForDuplicates(Upload upload, ColumnMapping mapping) {
        return duplicates.check(upload, mapping);
    }

    /**
     * Checks the file and, when it is clean and no other import is running, stores it: here and now
     * when it is small, on a background thread when it is large. Storing reads the file again, so
     * what is imported is exactly what passed the rules.
     *
     * @param mapping as for {@link #check}
     */
    ImportOutcome importAll(Upload upload, ColumnMapping mapping, DuplicateChoices choices) {
        ParsedImport parsed = reader.read(upload, mapping);
        if (!parsed.valid()) {
            return new ImportOutcome.Refused(parsed);
        }
        Optional<Long> started = jobs.start(upload.fileName(), parsed.rows());
        if (started.isEmpty()) {
            return new ImportOutcome.Busy(jobs.holder());
        }
        long jobId = started.get();
        Storing storing = new Storing(upload, mapping, mappingName(mapping), choices);
        if (parsed.rows() > backgroundFrom) {
            storage.storeInBackground(jobId, storing);
            return new ImportOutcome.Started(jobId);
        }
        return new ImportOutcome.Finished(jobId, storage.store(jobId, storing));
    }

    /**
     * What an import stores: the file, read with the mapping, the mapping's name for the history, and
     * what to do with likely duplicates.
     *
     * @param mappingName a saved mapping's name, "" for one chosen for this file alone, null for none
     */
    record Storing(Upload upload, ColumnMapping mapping, String mappingName, DuplicateChoices choices) {

        Storing with(Upload moved) {
            return new Storing(moved, mapping, mappingName, choices);
        }
    }

    /** The saved mapping the chosen one is, by its headings, when it was saved unchanged. */
    private String mappingName(ColumnMapping mapping) {
        if (mapping == null) {
            return null;
        }
        return saved.latestFor(List.copyOf(mapping.columns().keySet()))
                .filter(found -> found.mapping().equals(mapping)).map(SavedMappings.Saved::name).orElse("");
    }

    Optional<ImportJob> job(long id) {
        return jobs.find(id);
    }

    /** Asks a running import to stop; it rolls back at its next batch. False when it is not running. */
    boolean cancel(long id) {
        return jobs.cancel(id);
    }

    @Transactional(readOnly = true)
    Optional<ImportRecord> find(long id) {
        return history.find(id);
    }

    /**
     * Deletes what the import added and puts back what it updated, all or nothing, and marks it undone.
     *
     * @throws ChangedSinceImportException when one of its records has changed since
     */
    @Transactional
    OrganisationService.Undone undo(ImportRecord undoable) {
        OrganisationService.Undone undone = organisations.undoImport(undoable.id(), undoable.auditMark());
        history.undone(undoable.id());
        return undone;
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
