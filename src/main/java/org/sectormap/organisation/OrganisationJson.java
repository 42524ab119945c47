package org.sectormap.organisation;

/** An organisation as the API shows it: codes for coded values, ISO dates. */
record OrganisationJson(
        long id,
        int version,
        String name,
        String category,
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
        String status,
        String exclusionReason,
        String exclusionDetail,
        String interviewDate,
        String interviewMode,
        boolean fullInterview,
        boolean followUp,
        boolean cypBoard,
        boolean wellInformed) {

    static OrganisationJson of(Organisation o) {
        OrganisationDetails d = o.details();
        return new OrganisationJson(o.id(), o.version(), d.name(), text(d, OrganisationField.CATEGORY), d.area(),
                d.coverage(), d.address(), d.postcode(), d.phone(), d.email(), d.website(), d.contactName(),
                d.contactRole(), d.description(), text(d, OrganisationField.STATUS),
                text(d, OrganisationField.EXCLUSION_REASON), d.exclusionDetail(),
                text(d, OrganisationField.INTERVIEW_DATE), text(d, OrganisationField.INTERVIEW_MODE),
                d.fullInterview(), d.followUp(), d.cypBoard(), d.wellInformed());
    }

    private static String text(OrganisationDetails d, OrganisationField field) {
        return OrganisationValues.text(d, field);
    }
}
