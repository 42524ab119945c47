package org.sectormap.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.SpreadsheetText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The administrator's search of the whole trail, and its download. */
@Controller
class AuditController {

    static final String PATH = "/audit";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditTrail trail;
    private final Inputs inputs;
    private final Labels labels;

    AuditController(AuditTrail trail, Inputs inputs, Labels labels) {
        this.trail = trail;
        this.inputs = inputs;
        this.labels = labels;
    }

    @GetMapping(PATH)
    String search(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        model.addAttribute("params", params);
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("labels", labels);
        try {
            AuditQuery query = read(params);
            AuditTrail.Page result = trail.search(query);
            if (result.pastTheEnd()) {
                // As the list answers a page past its last: the trail has matches, but not this page of them.
                response.setStatus(HttpStatus.NOT_FOUND.value());
            }
            model.addAttribute("result", result);
            model.addAttribute("errors", labels.errors(List.of()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", labels.errors(e.problems()));
        }
        return "audit/search";
    }

    @GetMapping(PATH + ".csv")
    void download(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        AuditQuery query = read(params);
        CSVPrinter csv = CsvDownload.start(response, "audit-trail.csv",
                List.of("entry", "time", "who", "action", "kind", "record", "field", "before", "after"));
        trail.forEach(query, entry -> {
            List<AuditEntry.Change> changes = entry.changes().isEmpty()
                    ? List.of(new AuditEntry.Change(null, null, null)) : entry.changes();
            changes.forEach(change -> print(csv, entry, change));
        });
        csv.flush();
    }

    /** One row per changed field, so a spreadsheet can filter by field. */
    private static void print(CSVPrinter csv, AuditEntry entry, AuditEntry.Change change) {
        try {
            csv.printRecord(entry.id(), CSV_TIME.format(entry.occurredAt()), guard(entry.actor()),
                    entry.action().code(), entry.kind().code(), guard(entry.recordId()), guard(change.field()),
                    guard(change.before()), guard(change.after()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String guard(String text) {
        return text == null ? null : SpreadsheetText.guard(text);
    }

    /** @throws InvalidInputException naming each search field in error */
    private AuditQuery read(Map<String, String> params) {
        Input in = inputs.read("audit", params);
        String actor = in.line("actor", 254);
        AuditKind kind = in.choice(AuditKind.class, "kind", null);
        String record = in.line("record", 64);
        var from = in.date("changedFrom", null);
        var to = in.date("changedTo", null);
        Long page = in.number("page", 1, Integer.MAX_VALUE);
        if (in.has("page")) {
            // Not a field of the form, which the error summary could link to: a link's page number, edited.
            throw new BadParameterException("page", params.get("page"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            in.problem("changedTo", "audit.error.toBeforeFrom");
        }
        in.throwIfInvalid();
        return new AuditQuery(actor, kind, record, from, to, page == null ? 1 : page.intValue());
    }
}
