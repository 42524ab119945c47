package org.sectormap.report;

import java.util.List;
import java.util.Map;

import org.sectormap.organisation.Category;

/** The five summary reports, shaped as the API returns them. */
public final class Reports {

    private Reports() {
    }

    /** Table 1: organisations on the database and interviewed, by category. */
    public record ByCategory(List<CategoryRow> rows, CategoryTotal total) {
    }

    /** @param category null for organisations not yet classified */
    public record CategoryRow(Category category, String label, long onDatabase, long interviewed) {
    }

    public record CategoryTotal(long onDatabase, long interviewed) {
    }

    /** Table 2: organisations on the database by area, zeros included. */
    public record ByArea(List<AreaRow> rows, AreaTotal total) {
    }

    /** @param area null for organisations whose area is not recorded */
    public record AreaRow(String area, long onDatabase) {
    }

    public record AreaTotal(long onDatabase) {
    }

    /**
     * Section B: among organisations that gave the full interview (where section B was asked), who
     * sits on a CYP board and who feels well informed.
     */
    public record Engagement(List<EngagementRow> rows) {
    }

    /** Percentages are null where no organisation of the category gave the full interview. */
    public record EngagementRow(Category category, String label, long fullInterviews, long onCypBoard,
            Integer onCypBoardPercent, long wellInformed, Integer wellInformedPercent) {
    }

    /** The contact funnel of the Methodology, from everyone contacted to full interviews. */
    public record Outreach(long contacted, long excluded, Map<String, Long> excludedByReason, long listed,
            long interviewed, long unreachable, long onDatabase, long fullInterviews, long followUp) {
    }

    /**
     * Appendix 1: interviewed organisations, grouped by area, a page at a time.
     *
     * @param total every interviewed organisation, on this page or another
     */
    public record Interviewees(List<AreaGroup> areas, int page, int pageCount, long total) {
    }

    /** @param interviewed the area's interviewees in all, of which the page holds {@code organisations} */
    public record AreaGroup(String area, long interviewed, List<Interviewee> organisations) {
    }

    public record Interviewee(long id, String name, Category category) {
    }
}
