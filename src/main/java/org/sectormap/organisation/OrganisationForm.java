package org.sectormap.organisation;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.sectormap.shared.BadParameterException;

/**
 * What a person typed (or a spreadsheet row held), exactly as text, field by field, so a form
 * with errors can be shown again unchanged. {@link OrganisationParser} turns it into
 * {@link OrganisationDetails}.
 */
public final class OrganisationForm {

    private final Map<OrganisationField, String> values;
    private final Integer version;

    private OrganisationForm(Map<OrganisationField, String> values, Integer version) {
        this.values = values;
        this.version = version;
    }

    public static OrganisationForm empty() {
        return from(field -> null, null);
    }

    public static OrganisationForm from(Function<OrganisationField, String> value, Integer version) {
        Map<OrganisationField, String> values = new EnumMap<>(OrganisationField.class);
        for (OrganisationField field : OrganisationField.values()) {
            String typed = value.apply(field);
            if (typed != null) {
                values.put(field, typed);
            }
        }
        return new OrganisationForm(values, version);
    }

    /** A submitted form, whose parameters are named by each field's property. */
    static OrganisationForm posted(Map<String, String> parameters) {
        Integer version = null;
        String typedVersion = parameters.get("version");
        if (typedVersion != null && typedVersion.strip().matches("\\d{1,9}")) {
            version = Integer.valueOf(typedVersion.strip());
        } else if (typedVersion != null && !typedVersion.isBlank()) {
            // Only a changed page sends this: saying the record changed meanwhile would send them looking.
            throw new BadParameterException("version", typedVersion);
        }
        return from(field -> parameters.get(field.property()), version);
    }

    /** The form that edits a stored organisation, with codes where the record holds a choice. */
    public static OrganisationForm of(Organisation organisation) {
        return from(field -> OrganisationValues.text(organisation.details(), field), organisation.version());
    }

    public String value(OrganisationField field) {
        return values.get(field);
    }

    public Integer version() {
        return version;
    }

    OrganisationForm withVersion(int newVersion) {
        return new OrganisationForm(values, newVersion);
    }

    /**
     * Radio buttons and check boxes cannot be cleared without script, so a form whose status
     * no longer calls for the exclusion or interview answers drops them rather than rejecting
     * them; and a tick box left unticked on an interview's form is a recorded "no". Imports keep
     * what the file says and are told what does not apply.
     */
    OrganisationForm asSubmittedOnThePage() {
        String chosen = value(OrganisationField.STATUS) == null ? "" : value(OrganisationField.STATUS).trim();
        boolean excluded = OutreachStatus.EXCLUDED.code().equalsIgnoreCase(chosen);
        boolean interviewed = OutreachStatus.INTERVIEWED.code().equalsIgnoreCase(chosen);
        return from(field -> switch (field.section()) {
            case EXCLUSION -> excluded ? value(field) : null;
            case INTERVIEW -> !interviewed ? null
                    : field.kind() == OrganisationField.Kind.TICK && value(field) == null ? OrganisationValues.NO
                    : value(field);
            default -> value(field);
        }, version);
    }

    public boolean ticked(OrganisationField field) {
        return OrganisationValues.YES.equalsIgnoreCase(value(field));
    }
}
