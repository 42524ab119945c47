package org.sectormap.organisation;

/** Reads one field of a record as the text a form, an export or a CSV file carries. */
public final class OrganisationValues {

    private OrganisationValues() {
    }

    public static String text(OrganisationDetails d, OrganisationField field) {
        return switch (field) {
            case NAME -> d.name();
            case CATEGORY -> d.category() == null ? null : d.category().code();
            case AREA -> d.area();
            case COVERAGE -> d.coverage();
            case ADDRESS -> d.address();
            case POSTCODE -> d.postcode();
            case PHONE -> d.phone();
            case EMAIL -> d.email();
            case WEBSITE -> d.website();
            case CONTACT_NAME -> d.contactName();
            case CONTACT_ROLE -> d.contactRole();
            case DESCRIPTION -> d.description();
            case STATUS -> d.status().code();
            case EXCLUSION_REASON -> d.exclusionReason() == null ? null : d.exclusionReason().code();
            case EXCLUSION_DETAIL -> d.exclusionDetail();
            case INTERVIEW_DATE -> d.interviewDate() == null ? null : d.interviewDate().toString();
            case INTERVIEW_MODE -> d.interviewMode() == null ? null : d.interviewMode().code();
            case FULL_INTERVIEW -> yesNo(d.fullInterview());
            case FOLLOW_UP -> yesNo(d.followUp());
            case CYP_BOARD -> yesNo(d.cypBoard());
            case WELL_INFORMED -> yesNo(d.wellInformed());
        };
    }

    private static String yesNo(boolean value) {
        return value ? OrganisationForm.YES : "no";
    }
}
