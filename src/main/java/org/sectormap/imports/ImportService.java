package org.sectormap.imports;

import java.util.List;

import org.sectormap.organisation.OrganisationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a whole table or nothing: any problem in any row and not one organisation is stored. */
@Service
class ImportService {

    private final OrganisationReader reader;
    private final OrganisationService organisations;

    ImportService(OrganisationReader reader, OrganisationService organisations) {
        this.reader = reader;
        this.organisations = organisations;
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
            organisations.createAll(parsed.organisations());
        }
        return parsed;
    }
}
