package org.sectormap.organisation;

/**
 * One search of the register: free text, filters, sort and page, exactly as the list URL
 * holds them so a search can be bookmarked. Null means "any".
 *
 * @param category       a category, or {@code null} with {@code unclassified} true for records
 *                       not yet classified
 * @param contactsHidden the text is looked for in the record's name, coverage and description alone,
 *                       not its contact's name: a viewer, who may not read that name, could otherwise
 *                       learn it by searching for it
 */
public record OrganisationQuery(
        String text,
        Category category,
        boolean unclassified,
        String area,
        OutreachStatus status,
        Boolean fullInterview,
        Boolean followUp,
        Boolean cypBoard,
        Boolean wellInformed,
        Sort sort,
        boolean descending,
        int page,
        int size,
        boolean contactsHidden) {

    public OrganisationQuery(String text, Category category, boolean unclassified, String area, OutreachStatus status,
            Boolean fullInterview, Boolean followUp, Boolean cypBoard, Boolean wellInformed, Sort sort,
            boolean descending, int page, int size) {
        this(text, category, unclassified, area, status, fullInterview, followUp, cypBoard, wellInformed, sort,
                descending, page, size, false);
    }

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public enum Sort {
        // Names sort ignoring case, as every other page that lists organisations by name does, by the
        // folded name stored and indexed beside the name (H2 cannot index an expression).
        NAME("name_sort", false), CATEGORY("category", true), AREA("area", true), STATUS("status", false),
        INTERVIEW_DATE("interview_date", true);

        private final String column;
        private final boolean nullable;

        Sort(String column, boolean nullable) {
            this.column = column;
            this.nullable = nullable;
        }

        String column() {
            return column;
        }

        boolean nullable() {
            return nullable;
        }
    }

    public static OrganisationQuery all() {
        return new OrganisationQuery(null, null, false, null, null, null, null, null, null, Sort.NAME, false, 1,
                DEFAULT_SIZE);
    }

    /** Every organisation keen for further information and follow-up, by name. */
    public static OrganisationQuery keenForFollowUp() {
        return new OrganisationQuery(null, null, false, null, null, null, true, null, null, Sort.NAME, false, 1,
                DEFAULT_SIZE);
    }

    /** Every organisation of one outreach status, by name. */
    public static OrganisationQuery withStatus(OutreachStatus status) {
        return new OrganisationQuery(null, null, false, null, status, null, null, null, null, Sort.NAME, false, 1,
                DEFAULT_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The same search for other words. */
    OrganisationQuery withText(String newText) {
        return new OrganisationQuery(newText, category, unclassified, area, status, fullInterview, followUp, cypBoard,
                wellInformed, sort, descending, page, size, contactsHidden);
    }

    /** The same matches in the opposite order. */
    OrganisationQuery reversed() {
        return new OrganisationQuery(text, category, unclassified, area, status, fullInterview, followUp, cypBoard,
                wellInformed, sort, !descending, page, size, contactsHidden);
    }

    public OrganisationQuery atPage(int newPage, int newSize) {
        return new OrganisationQuery(text, category, unclassified, area, status, fullInterview, followUp, cypBoard,
                wellInformed, sort, descending, newPage, newSize, contactsHidden);
    }

    /** The same search, its text not looked for in the contact's name (see {@code contactsHidden}). */
    public OrganisationQuery withContactsHidden() {
        return new OrganisationQuery(text, category, unclassified, area, status, fullInterview, followUp, cypBoard,
                wellInformed, sort, descending, page, size, true);
    }
}
