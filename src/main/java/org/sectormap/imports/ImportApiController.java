package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.sectormap.organisation.MappableField;
import org.sectormap.shared.ApiController;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

@ApiController
class ImportApiController {

    /** How a problem with the mapping is named in the API's answer: by its place in the JSON. */
    private static final int SPOOLED_AT_ONCE = 65_536;
    private static final ColumnMappings.Places MAPPING_PLACES = new ColumnMappings.Places() {
        @Override
        public String column(String heading) {
            return "mapping.columns." + heading;
        }

        @Override
        public String field(String field) {
            return "mapping.values." + field;
        }

        @Override
        public String value(String field, String value) {
            return "mapping.values." + field + "." + value;
        }
    };

    private final ImportService imports;
    private final ColumnMappings mappings;
    private final Inputs inputs;
    private final MessageSource messages;
    private final DataSize largestFile;
    private final ImportLimit limit;
    private final ResearchImportAnswers research;
    private final PendingImports pending;
    private final ImportJobs jobs;

    /** The API takes no larger a file than the upload form, whose limit is the multipart one. */
    ImportApiController(ImportService imports, ColumnMappings mappings, Inputs inputs, MessageSource messages,
            @Value("${spring.servlet.multipart.max-file-size}") DataSize largestFile, ImportLimit limit,
            ResearchImportAnswers research, PendingImports pending, ImportJobs jobs) {
        this.jobs = jobs;
        this.research = research;
        this.pending = pending;
        this.imports = imports;
        this.mappings = mappings;
        this.inputs = inputs;
        this.messages = messages;
        this.largestFile = largestFile;
        this.limit = limit;
    }

    /** The first problems, how many in all, and the columns when a heading is none of them. */
    record Problems(List<ImportProblem> errors, int totalErrors,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> knownColumns) {
    }

    /**
     * What a dry run finds: the file's sheets or tables, the headings of the one read, the mapping
     * proposed for them (in the shape a real run takes), the distinct values of each coded column
     * mapped (at most {@value FileValues#SHOWN}, with the columns that hold more), and the problems a
     * real run with the same request would stop at.
     */
    record DryRun(List<String> sheets, List<String> headings, ColumnMapping proposedMapping,
            @JsonInclude(JsonInclude.Include.NON_NULL) String savedMapping, Map<String, List<String>> values,
            List<String> moreValues, List<ImportProblem> problems, int totalProblems,
            List<ImportDuplicates.Duplicate> duplicates, int totalDuplicates) {
    }

    @PostMapping(path = "/api/import/organisations", consumes = "text/csv")
    ResponseEntity<?> importOrganisations(InputStream body, Principal user) throws IOException {
        limit.count(user);
        Upload upload = pending.spool(null, file -> spool(body, file), null, Upload.FIRST_ROW);
        try {
            return answer(imports.importAll(upload, null, DuplicateChoices.ADD_ALL));
        } finally {
            pending.discard(upload);
        }
    }

    /**
     * A file of any kind we read, with an optional sheet, mapping (a form field, or a part read as
     * a file, which a string parameter cannot take) and dry
     * run. A mapping that is not ours is a 400 before the file is read; a file that breaks the
     * rules a 422 with nothing stored.
     */
    @PostMapping("/api/imports")
    ResponseEntity<?> importFile(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String sheet,
            @RequestParam(name = "mapping", required = false) MultipartFile mappingPart,
            @RequestParam(required = false) String dryRun, @RequestParam(required = false) String kind,
            HttpServletRequest request, Principal user)
            throws IOException {
        limit.count(user);
        Map<String, String> typed = new HashMap<>();
        typed.put("sheet", sheet);
        typed.put("dryRun", dryRun);
        typed.put("kind", kind);
        Input in = inputs.read(typed);
        ImportKind what = Optional.ofNullable(in.choice(ImportKind.class, "kind", null))
                .orElse(ImportKind.ORGANISATIONS);
        if (file == null || file.isEmpty()) {
            in.problem("file", "import.noFile");
        }
        String mappingText = mappingPart != null && !mappingPart.isEmpty()
                ? new String(mappingPart.getBytes(), StandardCharsets.UTF_8) : request.getParameter("mapping");
        ColumnMapping chosen = mappingText == null || mappingText.isBlank() ? null : mappings.read(mappingText, in);
        if (chosen != null) {
            mappings.check(what.fields(), chosen, MAPPING_PLACES, in);
        }
        boolean dry = Boolean.TRUE.equals(in.tick("dryRun"));
        String table = in.line("sheet", 255);
        in.throwIfInvalid();
        Map<String, String> fields = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> fields.put(name, values.length == 0 ? null : values[0]));
        Input choosing = inputs.read(DuplicateChoices.FOR_ALL, fields);
        DuplicateChoices choices = DuplicateChoices.read(fields, choosing);
        choosing.throwIfInvalid();

        Upload upload = pending.spool(file.getOriginalFilename(), file::transferTo, table,
                chosen == null ? Upload.FIRST_ROW : chosen.headerRow());
        try {
            return answer(upload, what, chosen, choices, dry);
        } finally {
            pending.discard(upload);
        }
    }

    private ResponseEntity<?> answer(Upload upload, ImportKind what, ColumnMapping chosen, DuplicateChoices choices,
            boolean dry) {
        List<String> sheets = imports.tables(upload);
        if (upload.sheet() == null && sheets.size() == 1) {
            upload = upload.withSheet(sheets.get(0));
        }
        if (what != ImportKind.ORGANISATIONS) {
            return research.answer(what, upload, sheets, chosen, dry);
        }
        if (dry) {
            return ResponseEntity.ok(dryRun(upload, sheets, chosen));
        }
        return answer(imports.importAll(upload, chosen, choices));
    }

    private DryRun dryRun(Upload upload, List<String> sheets, ColumnMapping chosen) {
        ImportService.Proposal proposal = imports.propose(upload, chosen);
        ImportDuplicates.Checked read = imports.checkForDuplicates(upload, chosen);
        ParsedImport checked = read.parsed();
        ImportDuplicates.Found duplicates = read.duplicates();
        Map<String, List<String>> values = new LinkedHashMap<>();
        proposal.values().forEach((field, found) -> values.put(field.column(), found));
        return new DryRun(sheets, proposal.headings(), proposal.mapping(), proposal.savedName(), values,
                proposal.more().stream().map(MappableField::column).sorted().toList(), checked.problems(),
                checked.totalProblems(), duplicates.shown(), duplicates.total());
    }

    /** 200 when stored at once; 202 with the job to poll when the file is large enough to store in the background. */
    private ResponseEntity<?> answer(ImportOutcome outcome) {
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
        if (finished.stored().status() != ImportJob.Status.DONE) {
            // Cancelled through the API by someone else in the moment it took (409), or failed: an update
            // refused, a file no longer passing its checks (422, saying why, as the job's page does).
            Map<String, Object> body = new LinkedHashMap<>(Map.of("importId", finished.jobId(),
                    "status", finished.stored().status().code()));
            jobs.find(finished.jobId()).map(ImportJob::message).filter(Objects::nonNull).ifPresent(key ->
                    body.put("error", messages.getMessage(key, null, LocaleContextHolder.getLocale())));
            return ResponseEntity.status(finished.stored().status() == ImportJob.Status.FAILED
                    ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT).body(body);
        }
        ImportStorage.Stored stored = finished.stored();
        return ResponseEntity.ok(Map.of("imported", stored.added(), "updated", stored.updated(),
                "skipped", stored.skipped()));
    }

    /** Stops one buffer past the limit at most, so an endless body costs no more than a file at the limit. */
    private void spool(InputStream body, Path file) throws IOException {
        long limit = largestFile.toBytes();
        long written = 0;
        byte[] buffer = new byte[SPOOLED_AT_ONCE];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                written += read;
                if (written > limit) {
                    throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage(
                            "import.error.tooLarge", new Object[] {largestFile.toMegabytes()},
                            LocaleContextHolder.getLocale()));
                }
                out.write(buffer, 0, read);
            }
        }
    }
}
