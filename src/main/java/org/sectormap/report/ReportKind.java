package org.sectormap.report;

import java.util.Arrays;
import java.util.Optional;

/** The published reports, by the name they have in URLs. */
public enum ReportKind {
    BY_CATEGORY("by-category"), BY_AREA("by-area"), ENGAGEMENT("engagement"), OUTREACH("outreach"),
    INTERVIEWEES("interviewees");

    private final String slug;

    ReportKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    static Optional<ReportKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
