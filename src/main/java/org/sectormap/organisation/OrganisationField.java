package org.sectormap.organisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every field of an organisation record, with the name it has as a form property and as an
 * import/export column, so that one set of rules can report problems for both.
 */
public enum OrganisationField {
    NAME(300), CATEGORY(60), AREA(100), COVERAGE(1000), ADDRESS(1000), POSTCODE(10), PHONE(40),
    EMAIL(320), WEBSITE(500), CONTACT_NAME(200), CONTACT_ROLE(200), DESCRIPTION(10000), STATUS(20),
    EXCLUSION_REASON(1000), EXCLUSION_DETAIL(1000), INTERVIEW_DATE(10), INTERVIEW_MODE(20),
    FULL_INTERVIEW(5), FOLLOW_UP(5), CYP_BOARD(5), WELL_INFORMED(5);

    private final int maxLength;

    OrganisationField(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The CSV header and JSON error column, e.g. {@code contact_name}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The form property and HTML id, e.g. {@code contactName}. */
    public String property() {
        String[] parts = column().split("_");
        StringBuilder camel = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return camel.toString();
    }

    public String messageKey() {
        return "field." + property();
    }

    public static Optional<OrganisationField> fromColumn(String header) {
        String wanted = header.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.column().equals(wanted)).findFirst();
    }
}
