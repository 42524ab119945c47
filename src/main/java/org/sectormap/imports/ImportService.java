package org.sectormap.imports;

import java.util.List;
import java.util.Optional;

import org.sectormap.organisation.ChangedSinceImportException;
import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a whole table or nothing: any problem in any row and not one organisation is stored. */
@Service
class ImportService {

    private final OrganisationReader reader;
    private final OrganisationService organisations;
    private final ImportHistory history;

    ImportService(OrganisationReader reader, OrganisationService organisations, ImportHistory history) {
        this.reader = reader;
        this.organisations = organisations;
        this.history = history;
    }

    /** The sheets or tables of a workbook or database, for the user to choose when there are several. */
    List<String> tables(Upload upload) {
        return reader.tables(upload);
    }

    ParsedImport check(Upload upload) {
        return reader.read(upload);
    }

    /** The file checked again as it is stored, so what is imported is exactly what passed the rules. */
    @Transactional
    ParsedImport importAll(Upload upload) {
        ParsedImport parsed = reader.read(upload);
        if (parsed.valid()) {
            long importId = history.start(upload, null);
            organisations.createAll(parsed.organisations(), importId);
            history.finish(importId, parsed.organisations().size(), 0, 0);
        }
        return parsed;
    }

    @Transactional(readOnly = true)
    Optional<ImportRecord> find(long id) {
        return history.find(id);
    }

    /**
     * Deletes what the import added, all or nothing, and marks it undone.
     *
     * @throws ChangedSinceImportException when one of its records has changed since
     */
    @Transactional
    int undo(ImportRecord undoable) {
        int deleted = organisations.deleteImported(undoable.id(), undoable.auditMark());
        history.undone(undoable.id());
        return deleted;
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
