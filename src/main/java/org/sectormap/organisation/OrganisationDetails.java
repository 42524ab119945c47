package org.sectormap.organisation;

import java.time.LocalDate;

/** The validated content of an organisation record: everything but its identity and version. */
public record OrganisationDetails(
        String name,
        Category category,
        String area,
        String coverage,
        String address,
        String postcode,
        String phone,
        String email,
        String website,
        String contactName,
        String contactRole,
        String description,
        OutreachStatus status,
        ExclusionReason exclusionReason,
        String exclusionDetail,
        LocalDate interviewDate,
        InterviewMode interviewMode,
        boolean fullInterview,
        boolean followUp,
        boolean cypBoard,
        boolean wellInformed) {

    /**
     * The same organisation at another stage of outreach short of an interview, without the
     * interview answers or exclusion reason that only another stage has.
     */
    public OrganisationDetails withStatus(OutreachStatus newStatus) {
        if (newStatus == OutreachStatus.INTERVIEWED || newStatus == OutreachStatus.EXCLUDED) {
            throw new IllegalArgumentException("An interview or an exclusion needs its own answers: " + newStatus);
        }
        return new OrganisationDetails(name, category, area, coverage, address, postcode, phone, email, website,
                contactName, contactRole, description, newStatus, null, null, null, null, false, false, false, false);
    }

    /** The same organisation once interviewed, with what the interview found. */
    public OrganisationDetails interviewed(LocalDate date, InterviewMode mode, boolean full, boolean keen,
            boolean onCypBoard, boolean informed) {
        return new OrganisationDetails(name, category, area, coverage, address, postcode, phone, email, website,
                contactName, contactRole, description, OutreachStatus.INTERVIEWED, null, null, date, mode, full, keen,
                onCypBoard, informed);
    }

    /** A link target for the website, which people often type without the scheme. */
    public String websiteHref() {
        if (website == null) {
            return null;
        }
        String lower = website.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? website : "https://" + website;
    }
}
