package org.sectormap.imports;

import java.util.List;
import java.util.Map;

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

    record Problems(List<ImportProblem> errors) {
    }

    @PostMapping(path = "/api/import/organisations", consumes = "text/csv")
    ResponseEntity<?> importOrganisations(@RequestBody(required = false) byte[] csv) {
        ParsedImport result = imports.importAll(csv == null ? new byte[0] : csv);
        if (!result.valid()) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(result.problems()));
        }
        return ResponseEntity.ok(Map.of("imported", result.organisations().size()));
    }
}
