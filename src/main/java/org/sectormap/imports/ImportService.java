package org.sectormap.imports;

import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a whole file or nothing: any problem in any row and not one organisation is stored. */
@Service
class ImportService {

    private final OrganisationCsvReader reader;
    private final OrganisationService organisations;

    ImportService(OrganisationCsvReader reader, OrganisationService organisations) {
        this.reader = reader;
        this.organisations = organisations;
    }

    ParsedImport check(byte[] file) {
        return reader.read(file);
    }

    /** The file checked again as it is stored, so what is imported is exactly what passed the rules. */
    @Transactional
    ParsedImport importAll(byte[] file) {
        ParsedImport parsed = reader.read(file);
        if (parsed.valid()) {
            organisations.createAll(parsed.organisations());
        }
        return parsed;
    }
}
