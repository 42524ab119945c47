package org.sectormap.imports;

import java.util.List;

import org.sectormap.organisation.OrganisationDetails;

/**
 * The organisations a file holds, or the problems that stop it being imported.
 *
 * @param problems       the first {@value ImportProblems#SHOWN} problems
 * @param totalProblems  how many there are in all
 * @param unknownColumns whether a heading is no column of ours, so the columns should be listed
 */
record ParsedImport(List<OrganisationDetails> organisations, List<ImportProblem> problems, int totalProblems,
        boolean unknownColumns) {

    boolean valid() {
        return totalProblems == 0;
    }
}
