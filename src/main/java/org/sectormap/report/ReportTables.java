package org.sectormap.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.sectormap.comment.ThemeService;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.shared.Labels;
import org.sectormap.report.Table.Column;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Lays each report out as a {@link Table}, with its caption and headings from messages.properties. */
@Component
class ReportTables {

    private final ReportService reports;
    private final MessageSource messages;
    private final Labels labels;

    ReportTables(ReportService reports, MessageSource messages, Labels labels) {
        this.reports = reports;
        this.messages = messages;
        this.labels = labels;
    }

    Table table(ReportKind kind) {
        return switch (kind) {
            case BY_CATEGORY -> byCategory(reports.byCategory());
            case BY_AREA -> byArea(reports.byArea(), null);
            case ENGAGEMENT -> engagement(reports.engagement());
            case OUTREACH -> outreach(reports.outreach());
            case INTERVIEWEES -> interviewees();
        };
    }

    Table byCategory(Reports.ByCategory report) {
        List<List<String>> rows = report.rows().stream()
                .map(r -> List.of(r.label(), number(r.onDatabase()), number(r.interviewed()))).toList();
        return new Table(text("report.by-category.caption"),
                List.of(heading("report.column.category"), numeric("report.column.onDatabase"),
                        numeric("report.column.interviewed")),
                rows, List.of(text("report.total"), number(report.total().onDatabase()),
                        number(report.total().interviewed())));
    }

    /**
     * Table 2; with {@code interviewedByArea}, how many of each area's organisations were interviewed
     * beside it, as the mapping report charts it.
     */
    Table byArea(Reports.ByArea report, Map<String, Long> interviewedByArea) {
        List<Column> columns = new ArrayList<>(List.of(heading("report.column.area"),
                numeric("report.column.onDatabase")));
        List<List<String>> rows = new ArrayList<>();
        for (Reports.AreaRow r : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(area(r.area()), number(r.onDatabase())));
            if (interviewedByArea != null) {
                cells.add(number(interviewedByArea.getOrDefault(r.area(), 0L)));
            }
            rows.add(cells);
        }
        List<String> total = new ArrayList<>(List.of(text("report.total"), number(report.total().onDatabase())));
        if (interviewedByArea != null) {
            columns.add(numeric("report.column.interviewed"));
            total.add(number(interviewedByArea.values().stream().mapToLong(Long::longValue).sum()));
        }
        return new Table(text("report.by-area.caption"), columns, rows, total);
    }

    /** Comments coded under each theme, by questionnaire section and in all. */
    Table themes(ThemeService.Summary summary) {
        List<Column> columns = new ArrayList<>();
        columns.add(heading("theme.column.theme"));
        summary.sections().forEach(s -> columns.add(new Column(s, true)));
        columns.add(numeric("report.total"));
        List<List<String>> rows = new ArrayList<>();
        for (ThemeService.Summary.Row row : summary.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.theme().name());
            summary.sections().forEach(s -> cells.add(number(row.bySection().getOrDefault(s, 0L))));
            cells.add(number(row.total()));
            rows.add(cells);
        }
        return new Table(text("theme.caption"), columns, rows, null);
    }

    Table engagement(Reports.Engagement report) {
        List<List<String>> rows = report.rows().stream()
                .map(r -> List.of(r.label(), number(r.fullInterviews()), number(r.onCypBoard()),
                        percent(r.onCypBoardPercent()), number(r.wellInformed()), percent(r.wellInformedPercent())))
                .toList();
        return new Table(text("report.engagement.caption"),
                List.of(heading("report.column.category"), numeric("report.column.fullInterviews"),
                        numeric("report.column.onCypBoard"), numeric("report.column.onCypBoardPercent"),
                        numeric("report.column.wellInformed"), numeric("report.column.wellInformedPercent")),
                rows, null);
    }

    Table outreach(Reports.Outreach o) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text("report.outreach.contacted"), number(o.contacted())));
        rows.add(List.of(text("report.outreach.excluded"), number(o.excluded())));
        for (ExclusionReason reason : ExclusionReason.values()) {
            rows.add(List.of(text("report.outreach.excludedBecause", labels.of(reason)),
                    number(o.excludedByReason().get(reason.code()))));
        }
        rows.add(List.of(text("report.outreach.unreachable"), number(o.unreachable())));
        rows.add(List.of(text("report.outreach.onDatabase"), number(o.onDatabase())));
        rows.add(List.of(text("report.outreach.listed"), number(o.listed())));
        rows.add(List.of(text("report.outreach.interviewed"), number(o.interviewed())));
        rows.add(List.of(text("report.outreach.fullInterviews"), number(o.fullInterviews())));
        rows.add(List.of(text("report.outreach.followUp"), number(o.followUp())));
        return new Table(text("report.outreach.caption"),
                List.of(heading("report.column.stage"), numeric("report.column.organisations")), rows, null);
    }

    /** How many were interviewed in each area, where the mapping report cannot print Appendix 1 whole. */
    Table interviewedByArea(Map<String, Long> interviewedByArea) {
        return new Table(text("report.interviewees.byArea.caption"),
                List.of(heading("report.column.area"), numeric("report.column.interviewed")),
                interviewedByArea.entrySet().stream().map(e -> List.of(area(e.getKey()), number(e.getValue()))).toList(),
                List.of(text("report.total"),
                        number(interviewedByArea.values().stream().mapToLong(Long::longValue).sum())));
    }

    /** Appendix 1's caption and columns; its rows come from {@link #forEachRow}, as they are read. */
    private Table interviewees() {
        return new Table(text("report.interviewees.caption"),
                List.of(heading("report.column.area"), heading("report.column.organisation"),
                        heading("report.column.category")),
                List.of(), null);
    }

    /**
     * Each row of the report, then its total: Appendix 1's straight from the database, so that a
     * download of any size takes the same memory.
     */
    void forEachRow(ReportKind kind, Table table, Consumer<List<String>> row) {
        if (kind == ReportKind.INTERVIEWEES) {
            reports.forEachInterviewee((area, o) -> row.accept(List.of(area(area), o.name(),
                    o.category() == null ? text("common.notClassified") : labels.of(o.category()))));
            return;
        }
        table.rows().forEach(row);
        if (table.total() != null) {
            row.accept(table.total());
        }
    }

    String area(String area) {
        return area == null ? text("common.notRecorded") : area;
    }

    private Column heading(String key) {
        return new Column(text(key), false);
    }

    private Column numeric(String key) {
        return new Column(text(key), true);
    }

    private static String number(long value) {
        return Long.toString(value);
    }

    /** No percentage where none were interviewed: a dash on the page, an empty cell in the CSV. */
    private static String percent(Integer value) {
        return value == null ? "" : value + "%";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
