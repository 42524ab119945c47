package org.sectormap.organisation;

import static org.sectormap.organisation.OrganisationField.*;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated content of an organisation record, everything but its identity and version:
 * one value per {@link OrganisationField} (text, a coded value, a date or a tick box, null when
 * not recorded). Named accessors exist for the fields the app's own rules use.
 */
public final class OrganisationDetails {

    private final Map<OrganisationField, Object> values;

    private OrganisationDetails(Map<OrganisationField, Object> values) {
        EnumMap<OrganisationField, Object> copy = new EnumMap<>(OrganisationField.class);
        values.forEach((field, value) -> {
            if (value != null) {
                copy.put(field, value);
            }
        });
        // Publishing is a choice someone makes: a record that does not say so is not published.
        copy.putIfAbsent(PUBLISH, Boolean.FALSE);
        this.values = Collections.unmodifiableMap(copy);
    }

    /** A record with a name and an outreach status, the two fields every record has. */
    public static OrganisationDetails of(String name, OutreachStatus status) {
        return new OrganisationDetails(Map.of(NAME, name, STATUS, status));
    }

    /** The same record with one field changed; the value must be of the field's type. */
    public OrganisationDetails with(OrganisationField field, Object value) {
        EnumMap<OrganisationField, Object> changed = new EnumMap<>(OrganisationField.class);
        changed.putAll(values);
        changed.put(field, value);
        return new OrganisationDetails(changed);
    }

    static OrganisationDetails of(Map<OrganisationField, Object> values) {
        return new OrganisationDetails(values);
    }

    /** Each recorded field's text under its property name, as the audit trail keeps it. */
    public Map<String, String> audited() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.keySet().forEach(field -> texts.put(field.property(), OrganisationValues.text(this, field)));
        return texts;
    }

    public Object get(OrganisationField field) {
        return values.get(field);
    }

    public String name() {
        return (String) values.get(NAME);
    }

    public Category category() {
        return (Category) values.get(CATEGORY);
    }

    public String area() {
        return (String) values.get(AREA);
    }

    public String description() {
        return (String) values.get(DESCRIPTION);
    }

    public OutreachStatus status() {
        return (OutreachStatus) values.get(STATUS);
    }

    public ExclusionReason exclusionReason() {
        return (ExclusionReason) values.get(EXCLUSION_REASON);
    }

    public String exclusionDetail() {
        return (String) values.get(EXCLUSION_DETAIL);
    }

    public LocalDate interviewDate() {
        return (LocalDate) values.get(INTERVIEW_DATE);
    }

    /** Whether it may appear in the directory feed (never null: no unless ticked). */
    public boolean published() {
        return (Boolean) values.get(PUBLISH);
    }

    /** A tick box: true, false, or null when nothing was recorded. */
    public Boolean tick(OrganisationField field) {
        return (Boolean) values.get(field);
    }

    /**
     * The same organisation at another stage of outreach short of an interview, without the
     * interview answers or exclusion reason that only another stage has.
     */
    public OrganisationDetails withStatus(OutreachStatus newStatus) {
        if (newStatus == OutreachStatus.INTERVIEWED || newStatus == OutreachStatus.EXCLUDED) {
            throw new IllegalArgumentException("An interview or an exclusion needs its own answers: " + newStatus);
        }
        EnumMap<OrganisationField, Object> changed = new EnumMap<>(OrganisationField.class);
        values.forEach((field, value) -> {
            if (field.section() != Section.EXCLUSION && field.section() != Section.INTERVIEW) {
                changed.put(field, value);
            }
        });
        changed.put(STATUS, newStatus);
        return new OrganisationDetails(changed);
    }

    /** The same organisation once interviewed, with what the interview found. */
    public OrganisationDetails interviewed(LocalDate date, InterviewMode mode, boolean full, boolean keen,
            boolean onCypBoard, boolean informed) {
        EnumMap<OrganisationField, Object> changed = new EnumMap<>(OrganisationField.class);
        values.forEach((field, value) -> {
            if (field.section() != Section.EXCLUSION) {
                changed.put(field, value);
            }
        });
        changed.put(STATUS, OutreachStatus.INTERVIEWED);
        changed.put(INTERVIEW_DATE, date);
        changed.put(INTERVIEW_MODE, mode);
        changed.put(FULL_INTERVIEW, full);
        changed.put(FOLLOW_UP, keen);
        changed.put(CYP_BOARD, onCypBoard);
        changed.put(WELL_INFORMED, informed);
        return new OrganisationDetails(changed);
    }

    /**
     * A link target for the website, which people often type without the scheme: an absolute URI in
     * ASCII, or null for one stored before the website was checked as an address (see WebAddress).
     */
    public String websiteHref() {
        String website = (String) values.get(WEBSITE);
        return website == null ? null : WebAddress.of(website).orElse(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrganisationDetails d && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        // Names and contact details are people's data: never in logs or messages.
        return "OrganisationDetails" + values.keySet();
    }
}
