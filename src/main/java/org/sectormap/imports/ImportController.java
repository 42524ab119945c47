package org.sectormap.imports;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.sectormap.organisation.Areas;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OutreachStatus;
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

    static final int PREVIEW_ROWS = 100;
    private static final String UPLOAD = "imports/upload";

    private final ImportService imports;
    private final PendingImports pendingImports;
    private final Labels labels;
    private final Areas areas;
    private final ImportLimit limit;

    ImportController(ImportService imports, PendingImports pendingImports, Labels labels, Areas areas,
            ImportLimit limit) {
        this.imports = imports;
        this.limit = limit;
        this.pendingImports = pendingImports;
        this.labels = labels;
        this.areas = areas;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("columns", OrganisationCsvReader.COLUMNS);
        model.addAttribute("areas", areas.areas());
        model.addAttribute("labels", labels);
    }

    @GetMapping("/import")
    String uploadForm(Model model) {
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
        String header = csv.format(OrganisationCsvReader.COLUMNS.toArray());
        String example = csv.format(OrganisationCsvReader.COLUMNS.stream().map(c -> EXAMPLE.getOrDefault(c, ""))
                .toArray());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sector-map-template.csv\"")
                .body(header + "\r\n" + example + "\r\n");
    }

    @PostMapping("/import")
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model,
            HttpServletResponse response, Principal user) throws IOException {
        limit.count(user);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(List.of(Problem.of("file", "import.noFile"))));
            return UPLOAD;
        }
        byte[] content = file.getBytes();
        ParsedImport parsed = imports.check(content);
        if (!parsed.valid()) {
            model.addAttribute("fileName", file.getOriginalFilename());
            return problems(model, parsed, response);
        }
        String token = pendingImports.put(session, file.getOriginalFilename(), content);
        return "redirect:/import/" + token;
    }

    @GetMapping("/import/{token:[0-9a-f]{32}}")
    String preview(@PathVariable String token, HttpSession session, Model model, HttpServletResponse response) {
        var pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "imports/expired";
        }
        ParsedImport parsed = imports.check(pending.get().content());
        if (!parsed.valid()) {
            // Only a change of configuration (the area list) between upload and preview can land here.
            return problems(model, parsed, response);
        }
        List<OrganisationDetails> all = parsed.organisations();
        Map<OutreachStatus, Long> byStatus = all.stream()
                .collect(Collectors.groupingBy(OrganisationDetails::status, TreeMap::new, Collectors.counting()));
        model.addAttribute("token", token);
        model.addAttribute("fileName", pending.get().fileName());
        model.addAttribute("count", all.size());
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("rows", all.subList(0, Math.min(PREVIEW_ROWS, all.size())));
        model.addAttribute("more", Math.max(0, all.size() - PREVIEW_ROWS));
        return "imports/preview";
    }

    @PostMapping("/import/{token:[0-9a-f]{32}}")
    String confirm(@PathVariable String token, HttpSession session, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        var pending = pendingImports.take(session, token);
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "imports/expired";
        }
        ParsedImport result = imports.importAll(pending.get().content());
        if (!result.valid()) {
            return problems(model, result, response);
        }
        redirect.addFlashAttribute("notice", "import.done");
        redirect.addFlashAttribute("noticeArgs", new Object[] {result.organisations().size()});
        return "redirect:/organisations";
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
