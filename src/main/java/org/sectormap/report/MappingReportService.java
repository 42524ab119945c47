package org.sectormap.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.comment.ThemeService;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.recommendation.Recommendation;
import org.sectormap.recommendation.RecommendationService;
import org.sectormap.report.ReportCharts.Data;
import org.sectormap.report.ReportCharts.Kind;
import org.sectormap.report.ReportCharts.Series;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the mapping report, and each of its charts alone, from the existing reports, themes and recommendations. */
@Service
class MappingReportService {

    /**
     * Organisations Appendix 1 is printed whole up to, about fifty pages: a list of a national
     * register's half a million interviewees is no report anyone prints, and laying it out as one
     * PDF or Word document would take more memory than the app has. Beyond it the report says how
     * many were interviewed in each area and where the whole list is.
     */
    static final int APPENDIX_MOST = 2_000;
    /** Quotes printed under a theme, for the same reasons; the theme's own page lists every comment. */
    static final int QUOTES_MOST = 200;

    private final ReportService reports;
    private final ReportTables tables;
    private final ReportCharts charts;
    private final ThemeService themes;
    private final RecommendationService recommendations;
    private final MessageSource messages;
    private final QuestionnaireService questionnaire;

    MappingReportService(ReportService reports, ReportTables tables, ReportCharts charts, ThemeService themes,
            RecommendationService recommendations, MessageSource messages, QuestionnaireService questionnaire) {
        this.reports = reports;
        this.tables = tables;
        this.charts = charts;
        this.themes = themes;
        this.recommendations = recommendations;
        this.messages = messages;
        this.questionnaire = questionnaire;
    }

    /**
     * The sections heading the theme counts' columns, by letter and title: the questionnaire's titles
     * now (a comment keeps the title it was answered under, but reading them back reads every comment).
     */
    private List<String> sections(ThemeService.Summary summary) {
        Map<String, String> titles = new LinkedHashMap<>();
        questionnaire.current().sections().forEach(s -> titles.put(s.code(), s.title()));
        return summary.sections().stream()
                .map(code -> titles.containsKey(code) ? code + ". " + titles.get(code) : code).toList();
    }

    /** @param withThemes false for a viewer: the themes and their quotes are left out */
    @Transactional(readOnly = true)
    MappingReport report(boolean withThemes) {
        Reports.Outreach outreach = reports.outreach();
        Reports.ByCategory byCategory = reports.byCategory();
        Reports.ByArea byArea = reports.byArea();
        Reports.Engagement engagement = reports.engagement();
        Map<String, Long> interviewedByArea = reports.interviewedByArea();
        MappingReport.Appendix appendix = new MappingReport.Appendix(
                interviewedByArea.values().stream().mapToLong(Long::longValue).sum(), APPENDIX_MOST,
                reports.allInterviewees(APPENDIX_MOST).orElse(null), tables.interviewedByArea(interviewedByArea));
        List<Data> data = new ArrayList<>(List.of(outreach(outreach), byCategory(byCategory),
                byArea(byArea, interviewedByArea), engagement(engagement)));
        MappingReport.Themes themeSection = null;
        if (withThemes) {
            ThemeService.Summary summary = themes.summary();
            data.add(themes(summary));
            themeSection = new MappingReport.Themes(tables.themes(summary), sections(summary), quotes(summary));
        }
        Map<String, ReportCharts.Chart> drawn = new LinkedHashMap<>();
        data.forEach(d -> drawn.put(d.kind().slug(), charts.draw(d)));
        Map<String, Table> sections = new LinkedHashMap<>();
        sections.put(Kind.OUTREACH.slug(), tables.outreach(outreach));
        sections.put(Kind.BY_CATEGORY.slug(), tables.byCategory(byCategory));
        sections.put(Kind.BY_AREA.slug(), tables.byArea(byArea, interviewedByArea));
        sections.put(Kind.ENGAGEMENT.slug(), tables.engagement(engagement));
        // The recommendations' themes and comments go where the themes go.
        List<Recommendation.Group> groups = recommendations.groups().stream()
                .map(g -> withThemes ? g : g.withoutEvidence()).toList();
        return new MappingReport(sections, appendix, themeSection, groups, drawn);
    }

    @Transactional(readOnly = true)
    ReportCharts.Chart chart(Kind kind) {
        Data data = switch (kind) {
            case OUTREACH -> outreach(reports.outreach());
            case BY_CATEGORY -> byCategory(reports.byCategory());
            case BY_AREA -> byArea(reports.byArea(), reports.interviewedByArea());
            case ENGAGEMENT -> engagement(reports.engagement());
            case THEMES -> themes(themes.summary());
        };
        return charts.draw(data);
    }

    private List<MappingReport.ThemeQuotes> quotes(ThemeService.Summary summary) {
        return summary.rows().stream().map(r -> {
            List<String> quotes = themes.quotes(r.theme().id(), QUOTES_MOST + 1);
            return new MappingReport.ThemeQuotes(r.theme(), r.total(), quotes.subList(0, Math.min(quotes.size(),
                    QUOTES_MOST)), quotes.size() > QUOTES_MOST);
        }).toList();
    }

    private Data outreach(Reports.Outreach o) {
        return new Data(Kind.OUTREACH,
                List.of(text("report.outreach.contacted"), text("report.outreach.onDatabase"),
                        text("report.outreach.interviewed"), text("report.outreach.fullInterviews")),
                List.of(new Series(text("report.column.organisations"),
                        List.of(o.contacted(), o.onDatabase(), o.interviewed(), o.fullInterviews()))),
                false);
    }

    private Data byCategory(Reports.ByCategory report) {
        return new Data(Kind.BY_CATEGORY, report.rows().stream().map(Reports.CategoryRow::label).toList(),
                List.of(new Series(text("report.column.onDatabase"),
                                report.rows().stream().map(r -> (Number) r.onDatabase()).toList()),
                        new Series(text("report.column.interviewed"),
                                report.rows().stream().map(r -> (Number) r.interviewed()).toList())),
                false);
    }

    private Data byArea(Reports.ByArea report, Map<String, Long> interviewedByArea) {
        return new Data(Kind.BY_AREA, report.rows().stream().map(r -> tables.area(r.area())).toList(),
                List.of(new Series(text("report.column.onDatabase"),
                                report.rows().stream().map(r -> (Number) r.onDatabase()).toList()),
                        new Series(text("report.column.interviewed"), report.rows().stream()
                                .map(r -> (Number) interviewedByArea.getOrDefault(r.area(), 0L)).toList())),
                false);
    }

    private Data engagement(Reports.Engagement report) {
        return new Data(Kind.ENGAGEMENT, report.rows().stream().map(Reports.EngagementRow::label).toList(),
                List.of(new Series(text("report.column.onCypBoardPercent"),
                                report.rows().stream().map(r -> (Number) r.onCypBoardPercent()).toList()),
                        new Series(text("report.column.wellInformedPercent"),
                                report.rows().stream().map(r -> (Number) r.wellInformedPercent()).toList())),
                true);
    }

    private Data themes(ThemeService.Summary summary) {
        return new Data(Kind.THEMES, summary.rows().stream().map(r -> r.theme().name()).toList(),
                List.of(new Series(text("chart.themes.series"),
                        summary.rows().stream().map(r -> (Number) r.total()).toList())),
                false);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
