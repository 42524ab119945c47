package org.sectormap.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.organisation.MappableField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The API's answers to a file of the research record ({@code kind} {@code contact-attempts} or
 * {@code interviews} on {@code POST /api/imports}): a dry run's findings, 200 with how many rows
 * were stored, or 422 with the problems and nothing stored. Always stored at once, never in the background.
 */
@Component
class ResearchImportAnswers {

    private final ResearchImportService research;

    ResearchImportAnswers(ResearchImportService research) {
        this.research = research;
    }

    /** A dry run's findings, in the organisation import's shape, with the rows it would store. */
    record DryRun(String kind, List<String> sheets, List<String> headings, ColumnMapping proposedMapping,
            Map<String, List<String>> values, List<String> moreValues, List<ImportProblem> problems,
            int totalProblems, int rows) {
    }

    /** @param mapping the mapping sent, checked against the kind's fields, or null to read the file as proposed */
    ResponseEntity<?> answer(ImportKind kind, Upload upload, List<String> sheets, ColumnMapping mapping, boolean dry) {
        if (dry) {
            ImportService.Proposal proposal = research.propose(kind, upload, mapping);
            ResearchReader.Read read = research.check(kind, upload, mapping);
            Map<String, List<String>> values = new LinkedHashMap<>();
            proposal.values().forEach((field, found) -> values.put(field.column(), found));
            return ResponseEntity.ok(new DryRun(kind.code(), sheets, proposal.headings(), proposal.mapping(), values,
                    proposal.more().stream().map(MappableField::column).sorted().toList(), read.problems(),
                    read.totalProblems(), read.rows()));
        }
        ResearchReader.Read read = research.importAll(kind, upload, mapping);
        if (!read.valid()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(new ImportApiController.Problems(read.problems(), read.totalProblems(), null));
        }
        return ResponseEntity.ok(Map.of("imported", read.rows(), "kind", kind.code()));
    }
}
