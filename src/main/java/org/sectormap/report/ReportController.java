package org.sectormap.report;

import java.io.IOException;
import java.util.List;

import org.sectormap.shared.NotFoundException;
import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.Labels;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.SpreadsheetText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class ReportController {

    private final ReportTables tables;
    private final ReportService reports;
    private final Labels labels;

    ReportController(ReportTables tables, ReportService reports, Labels labels) {
        this.tables = tables;
        this.reports = reports;
        this.labels = labels;
    }

    @GetMapping("/reports")
    String index(Model model) {
        model.addAttribute("kinds", ReportKind.values());
        return "reports/index";
    }

    @GetMapping("/reports/interviewees")
    String interviewees(Model model) {
        model.addAttribute("kind", ReportKind.INTERVIEWEES);
        model.addAttribute("labels", labels);
        model.addAttribute("appendix", reports.interviewees());
        return "reports/interviewees";
    }

    @GetMapping("/reports/{slug:[a-z-]+}")
    String show(@PathVariable String slug, Model model) {
        ReportKind kind = kind(slug);
        model.addAttribute("kind", kind);
        model.addAttribute("table", tables.table(kind));
        return "reports/table";
    }

    @GetMapping("/reports/{slug:[a-z-]+}.csv")
    void download(@PathVariable String slug, HttpServletResponse response) throws IOException {
        Table table = tables.table(kind(slug));
        List<String> header = table.columns().stream().map(Table.Column::heading).toList();
        try (CSVPrinter csv = CsvDownload.start(response, slug + ".csv", header)) {
            for (var row : table.rows()) {
                csv.printRecord(row.stream().map(SpreadsheetText::guard));
            }
            if (table.total() != null) {
                csv.printRecord(table.total());
            }
        }
    }

    private static ReportKind kind(String slug) {
        return ReportKind.fromSlug(slug).orElseThrow(() -> new NotFoundException("error.notFound.report", slug));
    }
}
