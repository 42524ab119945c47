package org.sectormap.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sectormap.shared.Coded;

/**
 * The fields of an organisation record, written down once: the column, the form property, the
 * import/export heading, the JSON name, how it is checked and where the form and record page
 * show it all come from here. Adding a field is a migration adding its column and one line here
 * (and its label, {@code field.<property>}, in messages.properties).
 */
public enum OrganisationField implements MappableField {
    NAME(Kind.LINE, 300, Section.ORGANISATION),
    CATEGORY(Category.class, Section.ORGANISATION),
    AREA(Kind.AREA, 100, Section.ORGANISATION),
    COVERAGE(Kind.TEXT, 1000, Section.ORGANISATION),
    ADDRESS(Kind.TEXT, 1000, Section.CONTACT),
    POSTCODE(Kind.POSTCODE, 10, Section.CONTACT),
    PHONE(Kind.LINE, 40, Section.CONTACT),
    EMAIL(Kind.EMAIL, 320, Section.CONTACT),
    WEBSITE(Kind.WEBSITE, 500, Section.CONTACT),
    CONTACT_NAME(Kind.LINE, 200, Section.CONTACT),
    CONTACT_ROLE(Kind.LINE, 200, Section.CONTACT),
    DESCRIPTION(Kind.TEXT, 10000, Section.ORGANISATION),
    STATUS(OutreachStatus.class, Section.OUTREACH),
    EXCLUSION_REASON(ExclusionReason.class, Section.EXCLUSION),
    EXCLUSION_DETAIL(Kind.LINE, 1000, Section.EXCLUSION),
    INTERVIEW_DATE(Kind.DATE, 10, Section.INTERVIEW),
    INTERVIEW_MODE(InterviewMode.class, Section.INTERVIEW),
    FULL_INTERVIEW(Kind.TICK, 5, Section.INTERVIEW),
    FOLLOW_UP(Kind.TICK, 5, Section.INTERVIEW),
    CYP_BOARD(Kind.TICK, 5, Section.INTERVIEW),
    WELL_INFORMED(Kind.TICK, 5, Section.INTERVIEW),
    PUBLISH(Kind.TICK, 5, Section.DIRECTORY);

    /** How a field is typed, checked, stored and shown. */
    public enum Kind {
        LINE, TEXT, AREA, CHOICE, DATE, TICK,
        POSTCODE("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "error.postcode.invalid"),
        EMAIL("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "error.email.invalid"),
        WEBSITE("^(?i:https?://)?[^\\s/.]+(\\.[^\\s/.]+)+(/\\S*)?$", "error.website.invalid");

        private final Pattern pattern;
        private final String invalidKey;

        Kind() {
            this(null, null);
        }

        Kind(String pattern, String invalidKey) {
            this.pattern = pattern == null ? null : Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
            this.invalidKey = invalidKey;
        }

        /** The message for a value without the kind's shape. */
        public String invalidKey() {
            return invalidKey;
        }

        /** Whether a value has the kind's shape (a website's, that of an address); a kind without one takes anything. */
        public boolean fits(String value) {
            return pattern == null || pattern.matcher(value).matches() && (this != WEBSITE || WebAddress.of(value).isPresent());
        }

        /** Shown as a one-line text box (pattern kinds included). */
        public boolean line() {
            return this == LINE || pattern != null;
        }
    }

    /** Where on the form and the record page a field appears; exclusion and interview show by status. */
    public enum Section {
        ORGANISATION, CONTACT, OUTREACH, EXCLUSION, INTERVIEW, DIRECTORY;

        public List<OrganisationField> fields() {
            return Arrays.stream(OrganisationField.values()).filter(f -> f.section == this).toList();
        }

        public String messageKey() {
            return "section." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final int maxLength;
    private final Section section;
    private final Class<? extends Coded> choices;
    /** Worked out once: an import looks a field up by its property for every cell of every row. */
    private final String column = name().toLowerCase(Locale.ROOT);
    private final String property = camelCase(column);

    OrganisationField(Kind kind, int maxLength, Section section) {
        this.kind = kind;
        this.maxLength = maxLength;
        this.section = section;
        this.choices = null;
    }

    <E extends Enum<E> & Coded> OrganisationField(Class<E> choices, Section section) {
        this.kind = Kind.CHOICE;
        this.maxLength = 40;
        this.section = section;
        this.choices = choices;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Names or describes a person, so a viewer does not see it. */
    public boolean personal() {
        return this == CONTACT_NAME || this == CONTACT_ROLE;
    }

    /** Holds free text (not a coded value, date or tick box), which may name a person. */
    public boolean holdsText() {
        return kind != Kind.CHOICE && kind != Kind.DATE && kind != Kind.TICK;
    }

    public Section section() {
        return section;
    }

    /** The coded values of a choice, in the order they are offered. */
    @Override
    public List<? extends Coded> choices() {
        return choices == null ? List.of() : List.of(choices.getEnumConstants());
    }

    Class<? extends Coded> choiceType() {
        return choices;
    }

    /** How the form asks for it: the name of a fragment in templates/fragments/forms.html. */
    public String control() {
        return switch (this) {
            case CATEGORY, AREA -> "select";
            case INTERVIEW_MODE -> "radios-inline";
            default -> switch (kind) {
                case TEXT -> "textarea";
                case CHOICE -> "radios";
                case DATE -> "date";
                case TICK -> "checkbox";
                default -> "text";
            };
        };
    }

    /** Every field may be left empty but the name, the status, and the reason of an exclusion. */
    public boolean optional() {
        return this != NAME && this != STATUS && this != EXCLUSION_REASON;
    }

    /** The browser's autofill hint, and the text box's type. */
    public String autocomplete() {
        return switch (this) {
            case NAME -> "organization";
            case POSTCODE -> "postal-code";
            case PHONE -> "tel";
            case EMAIL -> "email";
            case WEBSITE -> "url";
            default -> "off";
        };
    }

    public String inputType() {
        return this == PHONE || this == EMAIL ? autocomplete() : "text";
    }

    /** The database column and the CSV heading, e.g. {@code contact_name}. */
    @Override
    public String column() {
        return column;
    }

    /** The form property, HTML id, JSON name and problem field, e.g. {@code contactName}. */
    @Override
    public String property() {
        return property;
    }

    private static String camelCase(String column) {
        String[] parts = column.split("_");
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

    public static Optional<OrganisationField> fromProperty(String property) {
        return Optional.ofNullable(BY_PROPERTY.get(property));
    }

    private static final Map<String, OrganisationField> BY_PROPERTY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(OrganisationField::property, f -> f));
}
