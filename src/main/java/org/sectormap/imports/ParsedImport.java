package org.sectormap.imports;

import java.util.List;
import java.util.Map;

import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OutreachStatus;

/**
 * What a read of a file found: how many organisations it holds and the first of them, or the
 * problems that stop it being imported. A file's rows are never held whole, so a large one is
 * read once to check it and again to store it.
 *
 * @param organisations  the first {@value #FIRST_ROWS} organisations, for a preview
 * @param rows           how many organisations the file holds
 * @param byStatus       how many of them have each outreach status
 * @param problems       the first {@value ImportProblems#SHOWN} problems
 * @param totalProblems  how many there are in all
 * @param unknownColumns whether a heading is no column of ours, so the columns should be listed
 */
record ParsedImport(List<OrganisationDetails> organisations, int rows, Map<OutreachStatus, Long> byStatus,
        List<ImportProblem> problems, int totalProblems, boolean unknownColumns) {

    static final int FIRST_ROWS = 100;

    boolean valid() {
        return totalProblems == 0;
    }
}
