package org.sectormap.imports;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.sectormap.organisation.Areas;
import org.sectormap.shared.Coded;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The upload page's other answers to "What are you importing?": contact attempts, or interview
 * fields, of organisations the register has. The file waits as an organisation import's does; its
 * columns always go through the mapping step, since the research record has no template of its
 * own, then a preview, then one transaction storing every row or none.
 */
@Controller
class ResearchImportController {

    /** The kinds in the address, so each step knows what the waiting file holds. */
    static final String KIND = "{kind:contact-attempts|interviews}";
    private static final String BASE = "/import/" + KIND + "/{token:[0-9a-f]{32}}";

    private final ResearchImportService research;
    private final PendingImports pendingImports;
    private final ColumnMappings mappings;
    private final OrganisationReader tables;
    private final Inputs inputs;
    private final Labels labels;
    private final Areas areas;

    ResearchImportController(ResearchImportService research, PendingImports pendingImports, ColumnMappings mappings,
            OrganisationReader tables, Inputs inputs, Labels labels, Areas areas) {
        this.research = research;
        this.pendingImports = pendingImports;
        this.mappings = mappings;
        this.tables = tables;
        this.inputs = inputs;
        this.labels = labels;
        this.areas = areas;
    }

    @GetMapping(BASE + "/sheet")
    String sheetForm(@PathVariable String kind, @PathVariable String token, HttpSession session, Model model,
            HttpServletResponse response) {
        Optional<Upload> pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        return sheets(model, kind, token, pending.get(), pending.get().sheet());
    }

    @PostMapping(BASE + "/sheet")
    String chooseSheet(@PathVariable String kind, @PathVariable String token,
            @RequestParam(required = false) String sheet, HttpSession session, Model model,
            HttpServletResponse response) {
        Optional<Upload> pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        Input in = inputs.read(Collections.singletonMap("sheet", sheet));
        String chosen = in.oneOf("sheet", tables.tables(pending.get()));
        if (chosen == null && in.valid()) {
            in.problem("sheet", "import.noSheet");
        }
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            return sheets(model, kind, token, pending.get(), sheet);
        }
        if (!pendingImports.choose(session, token, chosen)) {
            return ExpiredUploads.page(response);
        }
        return "redirect:/import/" + kind + "/" + token + "/mapping";
    }

    private String sheets(Model model, String kind, String token, Upload upload, String chosen) {
        model.addAttribute("sheetAction", "/import/" + kind + "/" + token + "/sheet");
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("sheets", tables.tables(upload));
        model.addAttribute("chosen", chosen);
        return "imports/sheet";
    }

    @GetMapping(BASE + "/mapping")
    String mappingForm(@PathVariable String kind, @PathVariable String token, HttpSession session, Model model,
            HttpServletResponse response) {
        Optional<Upload> pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        if (pending.get().sheet() == null && tables.tables(pending.get()).size() > 1) {
            return "redirect:/import/" + kind + "/" + token + "/sheet";
        }
        ImportKind what = kind(kind);
        return mappingPage(model, what, token, pending.get(), research.propose(what, pending.get(),
                ChosenMappings.of(session, token).orElse(null)), null);
    }

    /** Checks the mapping and the file read with it: the preview when both are clean. */
    @PostMapping(BASE + "/mapping")
    String chooseMapping(@PathVariable String kind, @PathVariable String token,
            @RequestParam Map<String, String> params, HttpSession session, Model model,
            HttpServletResponse response) {
        Optional<Upload> pending = pendingImports.peek(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        ImportKind what = kind(kind);
        Upload upload = pending.get();
        MappingForm.Read read = MappingForm.read(what.fields(), params, tables.values(upload).headings(),
                upload.headerRow());
        Input in = inputs.read(Collections.emptyMap());
        mappings.check(what.fields(), read.mapping(), read.places(), in);
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(in.problems()));
            return mappingPage(model, what, token, upload, research.propose(what, upload, read.mapping()), null);
        }
        ChosenMappings.choose(session, token, read.mapping());
        ResearchReader.Read checked = research.check(what, upload, read.mapping());
        if (!checked.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return mappingPage(model, what, token, upload, research.propose(what, upload, read.mapping()), checked);
        }
        return "redirect:/import/" + kind + "/" + token;
    }

    private String mappingPage(Model model, ImportKind kind, String token, Upload upload,
            ImportService.Proposal proposal, ResearchReader.Read checked) {
        model.addAttribute("mappingAction", "/import/" + kind.code() + "/" + token + "/mapping");
        model.addAttribute("kindLabel", labels.of(kind));
        model.addAttribute("token", token);
        model.addAttribute("fileName", upload.fileName());
        model.addAttribute("sheet", upload.sheet());
        model.addAttribute("headings", MappingForm.headings(proposal));
        model.addAttribute("fields", MappingForm.fields(kind.fields(), labels));
        model.addAttribute("codedFields", MappingForm.values(proposal, mappings, labels));
        model.addAttribute("valuesShown", FileValues.SHOWN);
        if (checked != null) {
            model.addAttribute("problems", checked.problems());
            model.addAttribute("totalProblems", checked.totalProblems());
        }
        return "imports/mapping";
    }

    @GetMapping(BASE)
    String preview(@PathVariable String kind, @PathVariable String token, HttpSession session, Model model,
            HttpServletResponse response) {
        Optional<Upload> pending = pendingImports.peek(session, token);
        Optional<ColumnMapping> mapping = ChosenMappings.of(session, token);
        if (pending.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        if (mapping.isEmpty()) {
            return "redirect:/import/" + kind + "/" + token + "/mapping";
        }
        ResearchReader.Read read = research.check(kind(kind), pending.get(), mapping.get());
        if (!read.valid()) {
            // The register changed since the mapping step: a record renamed, say.
            return "redirect:/import/" + kind + "/" + token + "/mapping";
        }
        model.addAttribute("token", token);
        model.addAttribute("fileName", pending.get().fileName());
        model.addAttribute("sheet", pending.get().sheet());
        model.addAttribute("read", read);
        model.addAttribute("kindLabel", labels.of(read.kind()));
        model.addAttribute("leadKey", "research.preview.lead." + read.kind().code());
        model.addAttribute("more", Math.max(0, read.rows() - read.firstRows().size()));
        return "imports/research-preview";
    }

    /** Stores every row or none; a file that no longer passes (the register changed) shows its problems. */
    @PostMapping(BASE)
    String confirm(@PathVariable String kind, @PathVariable String token, HttpSession session, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Optional<ColumnMapping> mapping = ChosenMappings.of(session, token);
        Optional<Upload> pending = pendingImports.take(session, token);
        if (pending.isEmpty() || mapping.isEmpty()) {
            return ExpiredUploads.page(response);
        }
        try {
            return stored(kind, pending.get(), mapping.get(), model, redirect, response);
        } finally {
            pendingImports.discard(pending.get());
        }
    }

    private String stored(String kind, Upload upload, ColumnMapping mapping, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ResearchReader.Read read = research.importAll(kind(kind), upload, mapping);
        if (!read.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("columns", kind(kind).fields().columns());
            model.addAttribute("areas", areas.areas());
            model.addAttribute("labels", labels);
            model.addAttribute("headerRow", upload.headerRow());
            model.addAttribute("fileName", upload.fileName());
            model.addAttribute("problems", read.problems());
            model.addAttribute("totalProblems", read.totalProblems());
            return "imports/upload";
        }
        redirect.addFlashAttribute("notice", "research.done." + read.kind().code());
        redirect.addFlashAttribute("noticeArgs", new Object[] {read.rows()});
        return "redirect:/imports";
    }

    private static ImportKind kind(String code) {
        return Coded.fromCode(ImportKind.class, code).filter(ImportKind.RESEARCH::contains)
                .orElseThrow(() -> new NotFoundException("import.job.notFound"));
    }

}
