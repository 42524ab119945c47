package org.sectormap.imports;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.sectormap.organisation.Areas;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Labels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

@Controller
class ImportController {

    static final int PREVIEW_ROWS = ParsedImport.FIRST_ROWS;
    private static final String UPLOAD = "imports/upload";
    /** The last row of an .xlsx sheet. */
    private static final long LAST_ROW = 1_048_576;
    /** The saved mapping's name, as the column holds it. */
    private static final int SAVED_NAME = 200;
    /** The most headings the mapping step lists, a select each: far more than a register's sheet has. */
    private static final int MAPPED_COLUMNS = 200;

    private final ImportService imports;
    private final PendingImports pendingImports;
    private final Inputs inputs;
    private final Labels labels;
    private final Areas areas;
    private final ImportLimit limit;
    private final ColumnMappings mappings;
    private final CheckedUploads checkedUploads;

    ImportController(ImportService imports, PendingImports pendingImports, Inputs inputs, Labels labels, Areas areas,
            ImportLimit limit, ColumnMappings mappings, CheckedUploads checkedUploads) {
        this.imports = imports;
        this.checkedUploads = checkedUploads;
        this.mappings = mappings;
        this.limit = limit;
        this.pendingImports = pendingImports;
        this.inputs = inputs;
        this.labels = labels;
        this.areas = areas;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("columns", OrganisationReader.COLUMNS);
        model.addAttribute("areas", areas.areas());
        model.addAttribute("labels", labels);
        model.addAttribute("kinds", ImportKind.values());
    }

    @GetMapping("/import")
    String uploadForm(Model model) {
        model.addAttribute("headerRow", Upload.FIRST_ROW);
        return UPLOAD;
    }

    /** The template's example row by column; a column not named here is left empty in it. */
    private static final Map<String, String> EXAMPLE = Map.ofEntries(
            Map.entry("name", "Example Racial Equality Council"), Map.entry("category", "bme-infrastructure"),
            Map.entry("area", "Derby city"), Map.entry("coverage", "Derby and south Derbyshire"),
            Map.entry("address", "1 High Street, Derby"), Map.entry("postcode", "DE1 1AA"),
            Map.entry("phone", "01332 000000"), Map.entry("email", "info@example.org.uk"),
            Map.entry("website", "https://example.org.uk"), Map.entry("contact_name", "A. Person"),
            Map.entry("contact_role", "Director"),
            Map.entry("description", "Supports BME community groups, and networks"),
            Map.entry("status", "interviewed"), Map.entry("interview_date", "2007-07-20"),
            Map.entry("interview_mode", "visit"), Map.entry("full_interview", "yes"), Map.entry("follow_up", "yes"),
            Map.entry("cyp_board", "no"), Map.entry("well_informed", "no"));

    /** A file with the header row and one example, to start a spreadsheet from. */
    @GetMapping("/import/template.csv")
    ResponseEntity<String> template() {
        CSVFormat csv = CSVFormat.RFC4180;
        String header = csv.format(OrganisationReader.COLUMNS.toArray());
        String example = csv.format(OrganisationReader.COLUMNS.stream().map(c -> EXAMPLE.getOrDefault(c, ""))
                .toArray());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sector-map-template.csv\"")
                .body(header + "\r\n" + example + "\r\n");
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String headerRow,
            @RequestParam(required = false) String kind, HttpSession session, Model model,
            HttpServletResponse response, Principal user) throws IOException {
        limit.count(user);
        model.addAttribute("headerRow", headerRow);
        model.addAttribute("kind", kind);
        Input in = inputs.read(field -> "kind".equals(field) ? kind : headerRow);
        ImportKind what = Optional.ofNullable(in.choice(ImportKind.class, "kind", null))
                .orElse(ImportKind.ORGANISATIONS);
        if (file == null || file.isEmpty()) {
            in.problem("file", "import.noFile");
        }
        Long row = in.number("headerRow", Upload.FIRST_ROW, LAST_ROW);
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            return UPLOAD;
        }
        Upload upload = pendingImports.spool(file.getOriginalFilename(), file::transferTo, null,
                row == null ? Upload.FIRST_ROW : row.intValue());
        try {
            return checked(upload, what, file.getOriginalFilename(), session, model, response);
        } finally {
            pendingImports.discard(upload);
        }
    }

    /** Where an upload goes next: its sheets, its mapping, its problems or its preview, where it waits. */
    private String checked(Upload upload, ImportKind what, String fileName, HttpSession session, Model model,
            HttpServletResponse response) {
        if (what != ImportKind.ORGANISATIONS) {
            // Said now, as for organisations: its mapping page would show no columns and not say why.
            Optional<String> unreadable = imports.unreadable(upload);
            if (unreadable.isPresent()) {
                model.addAttribute("fileName", fileName);
                return problems(model, ImportProblems.only(unreadable.get()), response);
            }
            // The research record's own steps, from its mapping (which asks for the sheet when it must).
            return "redirect:/import/" + what.code() + "/" + pendingImports.put(session, upload) + "/mapping";
        }
        List<String> tables = imports.tables(upload);
        if (tables.size() > 1) {
            return "redirect:/import/" + pendingImports.put(session, upload) + "/sheet";
        }
        if (tables.size() == 1) {
            upload = upload.withSheet(tables.get(0));
        }
        // The duplicates are looked for in the same read, and kept for the preview that follows.
        ImportDuplicates.Checked checked = imports.checkForDuplicates(upload, null);
        ParsedImport parsed = checked.parsed();
        if (mappable(upload, parsed)) {
            return "redirect:/import/" + pendingImports.put(session, upload) + "/mapping";
        }
        if (!parsed.valid()) {
            model.addAttribute("fileName", fileName);
            return problems(model, parsed, response);
        }
        String token = pendingImports.put(session, upload);
        checkedUploads.keep(token, upload, null, checked);
        return "redirect:/import/" + token;
    }

    @GetMapping("/import/{token:[0-9a-f]{32}}/sheet")
    String sheetForm(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        return sheets(model, token, pending.get(), pending.get().sheet());
    }

    @PostMapping("/import/{token:[0-9a-f]{32}}/sheet")
    String chooseSheet(@PathVariable String token, @RequestParam(required = false) String sheet, HttpSession session,
            Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        Upload upload = pending.get();
        Input in = inputs.read(Collections.singletonMap("sheet", sheet));
        String chosen = in.oneOf("sheet", imports.tables(upload));
        if (chosen == null && in.valid()) {
            in.problem("sheet", "import.noSheet");
        }
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            return sheets(model, token, upload, sheet);
        }
        ImportDuplicates.Checked checked = imports.checkForDuplicates(upload.withSheet(chosen), null);
        ParsedImport parsed = checked.parsed();
        if (!parsed.valid() && !mappable(upload.withSheet(chosen), parsed)) {
            model.addAttribute("fileName", upload.fileName());
            return problems(model, parsed, response);
        }
        if (!pendingImports.choose(session, token, chosen)) {
            return ExpiredUploads.page(response);
        }
        checkedUploads.keep(token, upload.withSheet(chosen), null, checked);
        return "redirect:/import/" + token + (parsed.valid() ? "" : "/mapping");
    }

    private String sheets(Model model, String token, Upload upload, String chosen) {
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("sheets", imports.tables(upload));
        model.addAttribute("chosen", chosen);
        return "imports/sheet";
    }

    @GetMapping("/import/{token:[0-9a-f]{32}}")
    String preview(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        if (pending.get().sheet() == null && imports.tables(pending.get()).size() > 1) {
            return "redirect:/import/" + token + "/sheet";
        }
        ColumnMapping mapping = ChosenMappings.of(session, token).orElse(null);
        // As checked a moment ago, with the same sheet and mapping, unless this instance no longer holds it.
        ImportDuplicates.Checked checked = checkedUploads.take(token, pending.get(), mapping)
                .orElseGet(() -> imports.checkForDuplicates(pending.get(), mapping));
        ParsedImport parsed = checked.parsed();
        if (mapping == null && mappable(pending.get(), parsed)) {
            return "redirect:/import/" + token + "/mapping";
        }
        if (!parsed.valid()) {
            // Only a change of configuration (the area list) between upload and preview can land here.
            return problems(model, parsed, response);
        }
        return preview(model, token, pending.get(), checked, mapping);
    }

    private String preview(Model model, String token, Upload upload, ImportDuplicates.Checked checked,
            ColumnMapping mapping) {
        ParsedImport parsed = checked.parsed();
        model.addAttribute("ignored", mapping == null ? List.of() : mapping.columns().entrySet().stream()
                .filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList());
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("sheet", upload.sheet());
        model.addAttribute("earlier", imports.earlierImport(upload).orElse(null));
        model.addAttribute("count", parsed.rows());
        model.addAttribute("byStatus", parsed.byStatus());
        model.addAttribute("rows", parsed.organisations());
        model.addAttribute("more", Math.max(0, parsed.rows() - PREVIEW_ROWS));
        model.addAttribute("duplicates", checked.duplicates());
        model.addAttribute("choiceOptions", DuplicateChoice.values());
        if (!model.containsAttribute("choices")) {
            model.addAttribute("choices", DuplicateChoices.ADD_ALL);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", labels.errors(List.of()));
        }
        return "imports/preview";
    }

    /**
     * Stores the file here and now, or starts storing a large one in the background and shows its
     * progress. While another import runs the file waits again, under a new token, for another try.
     */
    @PostMapping("/import/{token:[0-9a-f]{32}}")
    String confirm(@PathVariable String token, @RequestParam Map<String, String> params, HttpSession session,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var waiting = pendingImports.peek(session, token);
        if (waiting.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        ColumnMapping mapping = ChosenMappings.of(session, token).orElse(null);
        Input in = inputs.read(DuplicateChoices.FOR_ALL, params);
        DuplicateChoices choices = DuplicateChoices.read(params, in);
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            return preview(model, token, waiting.get(), imports.checkForDuplicates(waiting.get(), mapping), mapping);
        }
        var pending = pendingImports.take(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        try {
            return stored(pending.get(), mapping, choices, session, model, response, redirect);
        } finally {
            pendingImports.discard(pending.get());
        }
    }

    private String stored(Upload upload, ColumnMapping mapping, DuplicateChoices choices, HttpSession session,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ImportOutcome outcome = imports.importAll(upload, mapping, choices);
        if (outcome instanceof ImportOutcome.Refused refused) {
            return problems(model, refused.parsed(), response);
        }
        if (outcome instanceof ImportOutcome.Busy busy) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("busy", labels.message(busy.refusal()));
            model.addAttribute("choices", choices);
            String again = pendingImports.put(session, upload);
            if (mapping != null) {
                ChosenMappings.choose(session, again, mapping);
            }
            Upload waiting = pendingImports.peek(session, again).orElseThrow();
            return preview(model, again, waiting, imports.checkForDuplicates(waiting, mapping), mapping);
        }
        if (outcome instanceof ImportOutcome.Finished finished && finished.stored().status() == ImportJob.Status.DONE) {
            ImportStorage.Stored stored = finished.stored();
            boolean plain = stored.updated() == 0 && stored.skipped() == 0;
            redirect.addFlashAttribute("notice", plain ? "import.done" : "import.doneWithDuplicates");
            redirect.addFlashAttribute("noticeArgs", plain ? new Object[] {stored.added()}
                    : new Object[] {stored.added(), stored.updated(), stored.skipped()});
            return "redirect:/organisations";
        }
        long jobId = outcome instanceof ImportOutcome.Started started ? started.jobId()
                : ((ImportOutcome.Finished) outcome).jobId();
        return "redirect:/imports/jobs/" + jobId;
    }

    /**
     * Whether a file that fails only because its headings are not ours goes to the mapping step:
     * the step is for files in their own columns, so a file in ours goes straight to the preview,
     * and a sheet of thousands of columns is no table of organisations, so it gets its problems.
     */
    private boolean mappable(Upload upload, ParsedImport parsed) {
        return !parsed.valid() && parsed.unknownColumns() && imports.headings(upload).size() <= MAPPED_COLUMNS;
    }

    /**
     * The mapping step, shown when a file's headings are not all ours: the mapping chosen before,
     * else the one saved for these headings, else the synonyms' proposal, ready to change.
     */
    @GetMapping("/import/{token:[0-9a-f]{32}}/mapping")
    String mappingForm(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        if (pending.get().sheet() == null && imports.tables(pending.get()).size() > 1) {
            return "redirect:/import/" + token + "/sheet";
        }
        ImportService.Proposal proposal = imports.propose(pending.get(),
                ChosenMappings.of(session, token).orElse(null));
        if (proposal.headings().size() > MAPPED_COLUMNS) {
            model.addAttribute("fileName", pending.get().fileName());
            return problems(model, imports.check(pending.get(), null), response);
        }
        return mappingPage(model, token, pending.get(), proposal, null);
    }

    /** Checks the mapping, saves it when named, and checks the file with it: the preview when clean. */
    @PostMapping("/import/{token:[0-9a-f]{32}}/mapping")
    String chooseMapping(@PathVariable String token, @RequestParam Map<String, String> params, HttpSession session,
            Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        Upload upload = pending.get();
        List<String> headings = imports.headings(upload);
        MappingForm.Read read = MappingForm.read(ColumnMappings.ORGANISATIONS, params, headings, upload.headerRow());
        Input in = inputs.read(Collections.singletonMap("saveAs", params.get("saveAs")));
        mappings.check(read.mapping(), read.places(), in);
        String saveAs = in.line("saveAs", SAVED_NAME);
        if (in.valid() && saveAs != null && !imports.saveMapping(saveAs, headings, read.mapping())) {
            in.problem("saveAs", "mapping.error.tooLarge");
        }
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            model.addAttribute("saveAs", params.get("saveAs"));
            return mappingPage(model, token, upload, imports.propose(upload, read.mapping()), null);
        }
        ChosenMappings.choose(session, token, read.mapping());
        ImportDuplicates.Checked checked = imports.checkForDuplicates(upload, read.mapping());
        if (!checked.parsed().valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return mappingPage(model, token, upload, imports.propose(upload, read.mapping()), checked.parsed());
        }
        checkedUploads.keep(token, upload, read.mapping(), checked);
        return "redirect:/import/" + token;
    }

    private String mappingPage(Model model, String token, Upload upload, ImportService.Proposal proposal,
            ParsedImport parsed) {
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("sheet", upload.sheet());
        model.addAttribute("savedName", proposal.savedName());
        model.addAttribute("headings", MappingForm.headings(proposal));
        model.addAttribute("fields", MappingForm.fields(ColumnMappings.ORGANISATIONS, labels));
        model.addAttribute("codedFields", MappingForm.values(proposal, mappings, labels));
        model.addAttribute("valuesShown", FileValues.SHOWN);
        if (parsed != null) {
            model.addAttribute("problems", parsed.problems());
            model.addAttribute("totalProblems", parsed.totalProblems());
        }
        return "imports/mapping";
    }


    /** A file that breaks the rules, at upload or (after the area list changed) at preview or confirmation. */
    private static String problems(Model model, ParsedImport parsed, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", parsed.problems());
        model.addAttribute("totalProblems", parsed.totalProblems());
        model.addAttribute("unknownColumns", parsed.unknownColumns());
        return UPLOAD;
    }
}
