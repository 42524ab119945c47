package org.sectormap.imports;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportApiController {

    private final ImportService imports;

    ImportApiController(ImportService imports) {
        this.imports = imports;
    }

    /** The first problems, how many in all, and the columns when a heading is none of them. */
    record Problems(List<ImportProblem> errors, int totalErrors,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> knownColumns) {
    }

    @PostMapping(path = "/api/import/organisations", consumes = "text/csv")
    ResponseEntity<?> importOrganisations(@RequestBody(required = false) byte[] csv) {
        ParsedImport result = imports.importAll(csv == null ? new byte[0] : csv);
        if (!result.valid()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(result.problems(),
                    result.totalProblems(), result.unknownColumns() ? OrganisationCsvReader.COLUMNS : null));
        }
        return ResponseEntity.ok(Map.of("imported", result.organisations().size()));
    }
}
