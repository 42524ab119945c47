package org.sectormap.report;

import java.util.ArrayList;
import java.util.List;

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
            case BY_CATEGORY -> byCategory();
            case BY_AREA -> byArea();
            case ENGAGEMENT -> engagement();
            case OUTREACH -> outreach();
            case INTERVIEWEES -> interviewees();
        };
    }

    private Table byCategory() {
        Reports.ByCategory report = reports.byCategory();
        List<List<String>> rows = report.rows().stream()
                .map(r -> List.of(r.label(), number(r.onDatabase()), number(r.interviewed()))).toList();
        return new Table(text("report.by-category.caption"),
                List.of(heading("report.column.category"), numeric("report.column.onDatabase"),
                        numeric("report.column.interviewed")),
                rows, List.of(text("report.total"), number(report.total().onDatabase()),
                        number(report.total().interviewed())));
    }

    private Table byArea() {
        Reports.ByArea report = reports.byArea();
        List<List<String>> rows = report.rows().stream()
                .map(r -> List.of(r.area() == null ? text("common.notRecorded") : r.area(), number(r.onDatabase())))
                .toList();
        return new Table(text("report.by-area.caption"),
                List.of(heading("report.column.area"), numeric("report.column.onDatabase")),
                rows, List.of(text("report.total"), number(report.total().onDatabase())));
    }

    private Table engagement() {
        List<List<String>> rows = reports.engagement().rows().stream()
                .map(r -> List.of(r.label(), number(r.fullInterviews()), number(r.onCypBoard()),
                        percent(r.onCypBoardPercent()), number(r.wellInformed()), percent(r.wellInformedPercent())))
                .toList();
        return new Table(text("report.engagement.caption"),
                List.of(heading("report.column.category"), numeric("report.column.fullInterviews"),
                        numeric("report.column.onCypBoard"), numeric("report.column.onCypBoardPercent"),
                        numeric("report.column.wellInformed"), numeric("report.column.wellInformedPercent")),
                rows, null);
    }

    private Table outreach() {
        Reports.Outreach o = reports.outreach();
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

    private Table interviewees() {
        List<List<String>> rows = new ArrayList<>();
        for (Reports.AreaGroup group : reports.interviewees().areas()) {
            String area = group.area() == null ? text("common.notRecorded") : group.area();
            group.organisations().forEach(o -> rows.add(List.of(area, o.name(),
                    o.category() == null ? text("common.notClassified") : labels.of(o.category()))));
        }
        return new Table(text("report.interviewees.caption"),
                List.of(heading("report.column.area"), heading("report.column.organisation"),
                        heading("report.column.category")),
                rows, null);
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
