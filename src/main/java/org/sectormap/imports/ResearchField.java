package org.sectormap.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectormap.organisation.MappableField;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationField.Kind;
import org.sectormap.outreach.ContactMethod;
import org.sectormap.outreach.ContactOutcome;
import org.sectormap.shared.Coded;

/**
 * The columns of a file of the research record that are not an organisation's own fields: the
 * organisation each row is about, by its Sector Map id or its name, and a contact attempt's fields,
 * whose properties are those {@code ContactAttemptRules} names its problems by.
 */
enum ResearchField implements MappableField {
    ORGANISATION_ID("organisationId", Kind.LINE, null),
    ORGANISATION("organisation", Kind.LINE, null),
    ATTEMPTED_ON("attemptedOn", Kind.DATE, null),
    METHOD("method", Kind.CHOICE, ContactMethod.class),
    OUTCOME("outcome", Kind.CHOICE, ContactOutcome.class),
    NOTE("note", Kind.TEXT, null),
    DUE_ON("dueOn", Kind.DATE, null);

    private static final Map<MappableField, List<String>> NAMING = Map.of(
            ORGANISATION_ID, List.of("Id", "Sector Map id", "Organisation id", "Organization id", "Org id",
                    "Record id"),
            ORGANISATION, List.of("Org", "Organisation name", "Organization name", "Organisation", "Organization",
                    "Name", "Name of organisation", "Name of organization", "Org name"));

    /** A contact attempt a row: its organisation, date, method, outcome, note and the day anything arranged is due. */
    static final ImportFields ATTEMPTS = new ImportFields(
            List.of(ORGANISATION_ID, ORGANISATION, ATTEMPTED_ON, METHOD, OUTCOME, NOTE, DUE_ON), with(NAMING, Map.of(
                    ATTEMPTED_ON, List.of("Date of contact", "Date", "Contact date", "Date contacted", "When"),
                    METHOD, List.of("Method", "Contact method", "How contacted", "Contacted by"),
                    OUTCOME, List.of("Outcome", "Result", "Contact outcome"),
                    NOTE, List.of("Notes", "Note", "Comments", "Comment"),
                    DUE_ON, List.of("Due on", "Due", "Call back on", "Call back date", "Arranged for"))));

    /** An organisation a row: its outreach status and interview fields, as the organisation import reads them. */
    static final ImportFields INTERVIEWS = new ImportFields(interviewFields(),
            with(NAMING, organisationSynonyms(interviewFields())));

    private final String property;
    private final Kind kind;
    private final Class<? extends Coded> choices;
    private final String column = name().toLowerCase(Locale.ROOT);

    ResearchField(String property, Kind kind, Class<? extends Coded> choices) {
        this.property = property;
        this.kind = kind;
        this.choices = choices;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public String property() {
        return property;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<? extends Coded> choices() {
        return choices == null ? List.of() : List.of(choices.getEnumConstants());
    }

    /** Whether the field names the organisation a row is about. */
    boolean names() {
        return this == ORGANISATION_ID || this == ORGANISATION;
    }

    private static List<MappableField> interviewFields() {
        return List.of(ORGANISATION_ID, ORGANISATION, OrganisationField.STATUS, OrganisationField.INTERVIEW_DATE,
                OrganisationField.INTERVIEW_MODE, OrganisationField.FULL_INTERVIEW, OrganisationField.FOLLOW_UP,
                OrganisationField.CYP_BOARD, OrganisationField.WELL_INFORMED);
    }

    private static Map<MappableField, List<String>> organisationSynonyms(List<MappableField> fields) {
        Map<MappableField, List<String>> synonyms = new HashMap<>();
        fields.forEach(f -> {
            List<String> known = ColumnMappings.ORGANISATIONS.synonyms().get(f);
            if (known != null) {
                synonyms.put(f, known);
            }
        });
        return synonyms;
    }

    private static Map<MappableField, List<String>> with(Map<MappableField, List<String>> a,
            Map<MappableField, List<String>> b) {
        Map<MappableField, List<String>> both = new HashMap<>(a);
        both.putAll(b);
        return both;
    }
}
