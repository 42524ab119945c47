package org.sectormap.imports;

import java.util.List;

import org.sectormap.organisation.OrganisationDetails;

/** The organisations a file holds, or every problem that stops it being imported. */
record ParsedImport(List<OrganisationDetails> organisations, List<ImportProblem> problems) {

    boolean valid() {
        return problems.isEmpty();
    }
}
