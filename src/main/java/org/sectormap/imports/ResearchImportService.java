package org.sectormap.imports;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.OutreachService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the research record of organisations the register has (contact attempts, or the
 * interview fields of their records) whole or not at all: any problem in any row and nothing is
 * stored. Attempts are logged through {@link OutreachService}, records updated through
 * {@link OrganisationService#update}, so each keeps its audit trail and modified time.
 */
@Service
class ResearchImportService {

    private final ResearchReader reader;
    private final OrganisationReader tables;
    private final ColumnMappings mappings;
    private final ImportHistory history;
    private final OutreachService outreach;
    private final OrganisationService organisations;

    ResearchImportService(ResearchReader reader, OrganisationReader tables, ColumnMappings mappings,
            ImportHistory history, OutreachService outreach, OrganisationService organisations) {
        this.reader = reader;
        this.tables = tables;
        this.mappings = mappings;
        this.history = history;
        this.outreach = outreach;
        this.organisations = organisations;
    }

    /**
     * The file's headings, the values under the coded ones and a mapping to start from: the one
     * chosen, else the synonyms', with a code proposed for every value found that it does not map.
     */
    ImportService.Proposal propose(ImportKind kind, Upload upload, ColumnMapping chosen) {
        FileValues file = tables.values(upload);
        ColumnMapping start = chosen != null ? chosen
                : new ColumnMapping(upload.headerRow(), mappings.proposeColumns(kind.fields(), file.headings()), null);
        return mappings.propose(kind.fields(), file, upload.headerRow(), start, null);
    }

    /** @param mapping how to read the file, or null to read it as {@link #propose} proposes */
    ResearchReader.Read check(ImportKind kind, Upload upload, ColumnMapping mapping) {
        return reader.read(kind, upload, orProposed(kind, upload, mapping));
    }

    private ColumnMapping orProposed(ImportKind kind, Upload upload, ColumnMapping mapping) {
        return mapping != null ? mapping : propose(kind, upload, null).mapping();
    }

    /**
     * Checks the file and, when it is clean, stores every row and records the import, in one
     * transaction; a clean file is read again inside it, so what is stored is what passed the rules
     * against the records as they are now.
     *
     * @param mapping as for {@link #check}
     * @return the read, whose problems say why nothing was stored when it is not valid
     */
    @Transactional
    ResearchReader.Read importAll(ImportKind kind, Upload upload, ColumnMapping mapping) {
        ResearchReader.Read read = check(kind, upload, mapping);
        if (!read.valid()) {
            return read;
        }
        long importId = history.start(upload, mapping == null ? null : "", kind);
        int added = outreach.logAll(read.attempts());
        for (ResearchReader.InterviewUpdate update : read.updates()) {
            organisations.update(update.organisationId(), update.version(), update.details());
        }
        history.finish(importId, added, read.updates().size(), 0);
        return read;
    }
}
