package org.sectormap.report;

import java.util.List;
import java.util.Map;

import org.sectormap.comment.Theme;
import org.sectormap.recommendation.Recommendation;

/**
 * The mapping report as its 2007 readers got it, computed from the records at one moment: each
 * section's table, the charts drawn from the same figures, and the themes with their quotes.
 *
 * @param tables the outreach funnel, Tables 1 and 2 and engagement, by the slug of their report
 * @param appendix Appendix 1, the organisations interviewed
 * @param themes null for a viewer, who reads neither themes nor comments
 * @param charts each chart by its slug, the themes' only with the themes
 */
record MappingReport(Map<String, Table> tables,
        Appendix appendix, Themes themes, List<Recommendation.Group> recommendations,
        Map<String, ReportCharts.Chart> charts) {

    /**
     * Comments per theme, and under each theme the comments marked as quotes: their text alone.
     *
     * @param sections each section heading the counts' columns by its letter, as "A. Barriers facing..."
     */
    record Themes(Table counts, List<String> sections, List<ThemeQuotes> quotes) {
    }

    /** @param more whether the theme has more quotes than those printed */
    record ThemeQuotes(Theme theme, long comments, List<String> quotes, boolean more) {
    }

    /**
     * @param total every organisation interviewed
     * @param most the most the report lists
     * @param listed the organisations by area, or null when there are more than {@code most}
     * @param byArea how many were interviewed in each area, printed in place of the list beyond {@code most}
     */
    record Appendix(long total, int most, Reports.Interviewees listed, Table byArea) {
    }
}
