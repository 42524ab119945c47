package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class ImportApiController {

    private final ImportService imports;
    private final MessageSource messages;
    private final DataSize largestFile;
    private final ImportLimit limit;

    /** The API takes no larger a file than the upload form, whose limit is the multipart one. */
    ImportApiController(ImportService imports, MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize largestFile, ImportLimit limit) {
        this.imports = imports;
        this.messages = messages;
        this.largestFile = largestFile;
        this.limit = limit;
    }

    /** The first problems, how many in all, and the columns when a heading is none of them. */
    record Problems(List<ImportProblem> errors, int totalErrors,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> knownColumns) {
    }

    /** 200 when stored at once; 202 with the job to poll when the file is large enough to store in the background. */
    @PostMapping(path = "/api/import/organisations", consumes = "text/csv")
    ResponseEntity<?> importOrganisations(InputStream body, Principal user) throws IOException {
        limit.count(user);
        ImportOutcome outcome = imports.importAll(Upload.csv(read(body)));
        if (outcome instanceof ImportOutcome.Refused refused) {
            ParsedImport result = refused.parsed();
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(result.problems(),
                    result.totalProblems(), result.unknownColumns() ? OrganisationReader.COLUMNS : null));
        }
        if (outcome instanceof ImportOutcome.Busy busy) {
            throw busy.refusal();
        }
        if (outcome instanceof ImportOutcome.Started started) {
            return ResponseEntity.accepted().location(URI.create(ImportJobApiController.PATH + started.jobId()))
                    .body(Map.of("importId", started.jobId(), "status", ImportJob.Status.RUNNING.code()));
        }
        ImportOutcome.Finished finished = (ImportOutcome.Finished) outcome;
        if (finished.status() != ImportJob.Status.DONE) {
            // Cancelled through the API by someone else in the moment it took.
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("importId", finished.jobId(),
                    "status", finished.status().code()));
        }
        return ResponseEntity.ok(Map.of("imported", finished.rows()));
    }

    /** Reads one byte past the limit at most, so an endless body costs no more than a file at the limit. */
    private byte[] read(InputStream body) throws IOException {
        int limit = Math.toIntExact(largestFile.toBytes());
        byte[] csv = body.readNBytes(limit + 1);
        if (csv.length > limit) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("import.error.tooLarge",
                    new Object[] {largestFile.toMegabytes()}, LocaleContextHolder.getLocale()));
        }
        return csv;
    }
}
