package org.sectormap.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.PageCount;
import org.sectormap.shared.NotFoundException;
import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.Labels;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.XlsxDownload;
import org.sectormap.shared.Inputs;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class ReportController {

    private final ReportTables tables;
    private final ReportService reports;
    private final Inputs inputs;
    private final Labels labels;
    private final MessageSource messages;

    ReportController(ReportTables tables, ReportService reports, Inputs inputs, Labels labels,
            MessageSource messages) {
        this.tables = tables;
        this.reports = reports;
        this.inputs = inputs;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String index(Model model) {
        model.addAttribute("kinds", ReportKind.values());
        return "reports/index";
    }

    @GetMapping("/reports/interviewees")
    String interviewees(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Reports.Interviewees appendix = reports.interviewees(inputs.page(params));
        PageCount.notFoundPast(appendix.page(), appendix.pageCount(), response);
        model.addAttribute("kind", ReportKind.INTERVIEWEES);
        model.addAttribute("labels", labels);
        model.addAttribute("appendix", appendix);
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
        ReportKind kind = kind(slug);
        Table table = tables.table(kind);
        List<String> header = table.columns().stream().map(Table.Column::heading).toList();
        try (CSVPrinter csv = CsvDownload.start(response, slug + ".csv", header)) {
            tables.forEachRow(kind, table, row -> CsvDownload.row(csv, row.stream()));
        }
    }

    @GetMapping("/reports/{slug:[a-z-]+}.xlsx")
    void workbook(@PathVariable String slug, HttpServletResponse response) throws IOException {
        ReportKind kind = kind(slug);
        try (XlsxDownload xlsx = XlsxDownload.start(response, slug + ".xlsx")) {
            sheet(xlsx, kind);
        }
    }

    /** Every report in one workbook, a sheet each, in the order the reports page lists them. */
    @GetMapping("/reports.xlsx")
    void allInOneWorkbook(HttpServletResponse response) throws IOException {
        try (XlsxDownload xlsx = XlsxDownload.start(response, "mapping-reports.xlsx")) {
            for (ReportKind kind : ReportKind.values()) {
                sheet(xlsx, kind);
            }
        }
    }

    private void sheet(XlsxDownload xlsx, ReportKind kind) {
        Table table = tables.table(kind);
        xlsx.sheet(messages.getMessage("report." + kind.slug() + ".title", null, LocaleContextHolder.getLocale()),
                table.columns().stream().map(Table.Column::heading).toList());
        tables.forEachRow(kind, table, row -> xlsx.row(typed(table, row)));
    }

    /** A numeric column's cells as numbers again, and "31%" as the share it shows; an empty cell stays empty. */
    private static List<Object> typed(Table table, List<String> row) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            if (!table.columns().get(i).numeric() || cell == null) {
                cells.add(cell);
            } else if (cell.isEmpty()) {
                cells.add(null);
            } else if (cell.endsWith("%")) {
                cells.add(new XlsxDownload.Share(Long.parseLong(cell.substring(0, cell.length() - 1)) / 100.0));
            } else {
                cells.add(Long.parseLong(cell));
            }
        }
        return cells;
    }

    private static ReportKind kind(String slug) {
        return ReportKind.fromSlug(slug).orElseThrow(() -> new NotFoundException("error.notFound.report", slug));
    }
}
