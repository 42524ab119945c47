package org.sectormap.organisation;

import java.util.function.Function;

/**
 * What a person typed (or a spreadsheet row held), exactly as text, so a form with errors can
 * be shown again unchanged. {@link OrganisationParser} turns it into {@link OrganisationDetails}.
 */
public record OrganisationForm(
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
        String fullInterview,
        String followUp,
        String cypBoard,
        String wellInformed,
        Integer version) {

    static final String YES = "yes";

    public static OrganisationForm empty() {
        return from(field -> null, null);
    }

    public static OrganisationForm from(Function<OrganisationField, String> value, Integer version) {
        return new OrganisationForm(
                value.apply(OrganisationField.NAME), value.apply(OrganisationField.CATEGORY),
                value.apply(OrganisationField.AREA), value.apply(OrganisationField.COVERAGE),
                value.apply(OrganisationField.ADDRESS), value.apply(OrganisationField.POSTCODE),
                value.apply(OrganisationField.PHONE), value.apply(OrganisationField.EMAIL),
                value.apply(OrganisationField.WEBSITE), value.apply(OrganisationField.CONTACT_NAME),
                value.apply(OrganisationField.CONTACT_ROLE), value.apply(OrganisationField.DESCRIPTION),
                value.apply(OrganisationField.STATUS), value.apply(OrganisationField.EXCLUSION_REASON),
                value.apply(OrganisationField.EXCLUSION_DETAIL), value.apply(OrganisationField.INTERVIEW_DATE),
                value.apply(OrganisationField.INTERVIEW_MODE), value.apply(OrganisationField.FULL_INTERVIEW),
                value.apply(OrganisationField.FOLLOW_UP), value.apply(OrganisationField.CYP_BOARD),
                value.apply(OrganisationField.WELL_INFORMED), version);
    }

    /** The form that edits a stored organisation, with codes where the record holds a choice. */
    public static OrganisationForm of(Organisation organisation) {
        return from(field -> OrganisationValues.text(organisation.details(), field), organisation.version());
    }

    public String value(OrganisationField field) {
        return switch (field) {
            case NAME -> name;
            case CATEGORY -> category;
            case AREA -> area;
            case COVERAGE -> coverage;
            case ADDRESS -> address;
            case POSTCODE -> postcode;
            case PHONE -> phone;
            case EMAIL -> email;
            case WEBSITE -> website;
            case CONTACT_NAME -> contactName;
            case CONTACT_ROLE -> contactRole;
            case DESCRIPTION -> description;
            case STATUS -> status;
            case EXCLUSION_REASON -> exclusionReason;
            case EXCLUSION_DETAIL -> exclusionDetail;
            case INTERVIEW_DATE -> interviewDate;
            case INTERVIEW_MODE -> interviewMode;
            case FULL_INTERVIEW -> fullInterview;
            case FOLLOW_UP -> followUp;
            case CYP_BOARD -> cypBoard;
            case WELL_INFORMED -> wellInformed;
        };
    }

    /**
     * Radio buttons and check boxes cannot be cleared without script, so a form whose status
     * no longer calls for the exclusion or interview answers drops them rather than rejecting
     * them. Imports keep them and are told they do not apply.
     */
    OrganisationForm withoutInapplicableAnswers() {
        String chosen = status == null ? "" : status.trim();
        boolean excluded = OutreachStatus.EXCLUDED.code().equalsIgnoreCase(chosen);
        boolean interviewed = OutreachStatus.INTERVIEWED.code().equalsIgnoreCase(chosen);
        return from(field -> switch (field) {
            case EXCLUSION_REASON, EXCLUSION_DETAIL -> excluded ? value(field) : null;
            case INTERVIEW_DATE, INTERVIEW_MODE, FULL_INTERVIEW, FOLLOW_UP, CYP_BOARD, WELL_INFORMED ->
                    interviewed ? value(field) : null;
            default -> value(field);
        }, version);
    }

    public boolean ticked(OrganisationField field) {
        return YES.equals(value(field));
    }
}
