package org.sectormap.imports;

import static org.sectormap.organisation.OrganisationField.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectormap.organisation.Areas;
import org.sectormap.organisation.MappableField;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.shared.Coded;
import org.sectormap.shared.Input;
import org.sectormap.shared.Labels;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a file's headings and values probably mean, and whether a mapping someone gives is one we
 * can read by: the synonyms are written down here and nowhere else.
 */
@Component
class ColumnMappings {

    /**
     * Headings people give our columns, and Open Referral's field names as {@link OpenReferralFile}
     * heads them, compared without case, spaces or punctuation.
     */
    private static final Map<MappableField, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry(NAME, List.of("Organisation name", "Organization name", "Org", "Name of organisation",
                    "Name of organization", "Organisation", "Organization", "Org name")),
            Map.entry(CATEGORY, List.of("Type", "Type of Organisation", "Type of Organization", "Category",
                    "Organisation type", "Taxonomy terms", "Taxonomy term")),
            Map.entry(AREA, List.of("Town", "District", "Area", "County", "City")),
            Map.entry(COVERAGE, List.of("Area covered", "Areas covered", "Coverage", "Service area")),
            Map.entry(ADDRESS, List.of("Address", "Postal address", "Street address", "Address 1", "Address line 1")),
            Map.entry(POSTCODE, List.of("Post code", "Postcode", "Zip", "Postal code")),
            Map.entry(PHONE, List.of("Tel", "Telephone", "Phone number", "Phone", "Tel no", "Telephone number")),
            Map.entry(EMAIL, List.of("E-mail", "Email address", "E-mail address")),
            Map.entry(WEBSITE, List.of("Web", "Website address", "URL", "Web site", "Website")),
            Map.entry(CONTACT_NAME, List.of("Contact", "Contact person", "Contact name", "Key contact")),
            Map.entry(CONTACT_ROLE, List.of("Position", "Job title", "Role", "Contact role")),
            Map.entry(DESCRIPTION, List.of("Description", "Activities", "About", "Services")),
            Map.entry(STATUS, List.of("Interviewed?", "Interviewed", "Status", "Outreach status")),
            Map.entry(EXCLUSION_REASON, List.of("Reason excluded", "Exclusion reason", "Why excluded")),
            Map.entry(INTERVIEW_DATE, List.of("Date of Interview", "Interview date", "Date interviewed")),
            Map.entry(INTERVIEW_MODE, List.of("Interview mode", "How interviewed", "Interview type")),
            Map.entry(FULL_INTERVIEW, List.of("Full Interview", "Full interview?")),
            Map.entry(FOLLOW_UP, List.of("Follow Up", "Follow-up", "Follow up?")),
            Map.entry(CYP_BOARD, List.of("CYP board", "Children and young people board")),
            Map.entry(WELL_INFORMED, List.of("Well informed", "Well-informed")));
    /**
     * How spreadsheets and Access write a ticked or an unticked box. A blank is left as it is: not
     * recorded, as in the register's own file, not "no" (which a blank under a mapped heading became,
     * and an interview-fields import then wrote over a recorded yes).
     */
    private static final Set<String> YES = Set.of("y", "yes", "true", "-1", "1", "x", "✓", "✔");
    private static final Set<String> NO = Set.of("n", "no", "false", "0");
    static final String TICKED = "yes";
    static final String UNTICKED = "no";
    /** An organisation import's fields: every field of the record. */
    static final ImportFields ORGANISATIONS = new ImportFields(List.of(OrganisationField.values()), SYNONYMS);

    private final Labels labels;
    private final Areas areas;
    private final JsonMapper json;

    ColumnMappings(Labels labels, Areas areas, JsonMapper json) {
        this.labels = labels;
        this.areas = areas;
        this.json = json;
    }

    /** Fields whose cells are codes, so a file's own words for them are mapped value by value. */
    static boolean coded(MappableField field) {
        return field.kind() == Kind.CHOICE || field.kind() == Kind.AREA || field.kind() == Kind.TICK;
    }

    /** The codes a coded field takes, in the order they are offered. */
    List<String> codes(MappableField field) {
        return switch (field.kind()) {
            case AREA -> areas.areas();
            case TICK -> List.of(TICKED, UNTICKED);
            default -> field.choices().stream().map(Coded::code).toList();
        };
    }

    /** A code's words for people: the label of a choice, yes or no, or the area, which is its own label. */
    String label(MappableField field, String code) {
        return switch (field.kind()) {
            case CHOICE -> field.choices().stream().filter(c -> c.code().equals(code)).findFirst().map(labels::of)
                    .orElse(code);
            case TICK -> labels.text("mapping.code." + code);
            default -> code;
        };
    }

    /**
     * Each heading to the field it most probably is: our own column name first, then a synonym or
     * the field's label; a field goes to the first heading that claims it, and the rest are ignored.
     */
    Map<String, String> proposeColumns(List<String> headings) {
        return proposeColumns(ORGANISATIONS, headings);
    }

    /** As {@link #proposeColumns(List)}, for one kind of import's fields. */
    Map<String, String> proposeColumns(ImportFields fields, List<String> headings) {
        Map<String, MappableField> synonyms = fields.byHeading();
        Map<String, String> columns = new LinkedHashMap<>();
        Set<MappableField> taken = new HashSet<>();
        for (String heading : headings) {
            Optional.ofNullable(heading).map(String::strip).filter(h -> !h.isEmpty())
                    .flatMap(fields::fromColumn).ifPresent(taken::add);
        }
        for (String heading : headings) {
            String h = heading == null ? "" : heading.strip();
            if (h.isEmpty() || columns.containsKey(h)) {
                continue;
            }
            Optional<MappableField> field = fields.fromColumn(h);
            if (field.isEmpty()) {
                field = Optional.ofNullable(synonyms.get(normal(h))).or(() -> byLabel(fields, h))
                        .filter(f -> !taken.contains(f));
                field.ifPresent(taken::add);
            }
            columns.put(h, field.map(MappableField::column).orElse(null));
        }
        return columns;
    }

    private Optional<MappableField> byLabel(ImportFields fields, String heading) {
        String wanted = normal(heading);
        return fields.fields().stream().filter(f -> normal(labels.field(f.property())).equals(wanted))
                .findFirst();
    }

    /**
     * The code each value found probably means: the code itself or its label (any case or
     * punctuation), the ways a tick box is written, and for the status a Yes/No "Interviewed"
     * column's yes as interviewed and no as listed, and an Open Referral record's "active" as listed
     * (a directory lists it). Values with no sure meaning are left for the user.
     */
    Map<String, String> proposeValues(MappableField field, List<String> found) {
        Map<String, String> proposed = new LinkedHashMap<>();
        for (String value : found) {
            proposeValue(field, value).ifPresent(code -> proposed.put(value, code));
        }
        return proposed;
    }

    private Optional<String> proposeValue(MappableField field, String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (field.kind() == Kind.TICK) {
            return YES.contains(lower) ? Optional.of(TICKED) : NO.contains(lower) ? Optional.of(UNTICKED)
                    : Optional.empty();
        }
        String wanted = normal(value);
        Optional<String> code = codes(field).stream()
                .filter(c -> normal(c).equals(wanted) || normal(label(field, c)).equals(wanted)).findFirst();
        if (code.isEmpty() && field == STATUS && !lower.isEmpty()) {
            return YES.contains(lower) ? Optional.of("interviewed")
                    : NO.contains(lower) || OpenReferralFile.ACTIVE.equals(lower) ? Optional.of("listed")
                    : Optional.empty();
        }
        return code;
    }

    /**
     * The mapping to start from for a file read: {@code start}'s columns, with a code proposed for
     * every value found under a coded column that {@code start} does not map.
     *
     * @param savedName the saved mapping's name when {@code start} is one, else null
     */
    ImportService.Proposal propose(ImportFields fields, FileValues file, int headerRow, ColumnMapping start,
            String savedName) {
        Map<MappableField, List<String>> values = file.values(fields, start.columns());
        Map<String, Map<String, String>> codes = new LinkedHashMap<>(start.values());
        values.forEach((field, inFile) -> {
            Map<String, String> byValue = new LinkedHashMap<>(codes.getOrDefault(field.column(), Map.of()));
            FileValues.Codes known = new FileValues.Codes(byValue);
            proposeValues(field, inFile.stream().filter(v -> !known.maps(v)).toList()).forEach(byValue::putIfAbsent);
            codes.put(field.column(), byValue);
        });
        return new ImportService.Proposal(file.headings(), new ColumnMapping(headerRow, start.columns(), codes),
                savedName, values, file.more(fields, start.columns()));
    }

    /** How the page or the API names the place in a mapping where a problem is. */
    interface Places {

        String column(String heading);

        String field(String field);

        String value(String field, String value);
    }

    /**
     * Everything wrong with a mapping itself, each under its heading or value: a field or code that
     * is not ours, two headings for one field, values for a field that has no codes.
     */
    void check(ColumnMapping mapping, Places places, Input in) {
        check(ORGANISATIONS, mapping, places, in);
    }

    /** As {@link #check(ColumnMapping, Places, Input)}, for one kind of import's fields. */
    void check(ImportFields fields, ColumnMapping mapping, Places places, Input in) {
        if (mapping.headerRow() < Upload.FIRST_ROW) {
            in.problem("headerRow", "mapping.error.headerRow");
        }
        Map<MappableField, String> claimed = new HashMap<>();
        mapping.columns().forEach((heading, column) -> {
            if (column == null) {
                return;
            }
            Optional<MappableField> field = fields.fromColumn(column);
            if (field.isEmpty()) {
                in.problem(places.column(heading), "mapping.error.unknownField", heading, column,
                        String.join(", ", fields.columns()));
            } else if (claimed.containsKey(field.get())) {
                in.problem(places.column(heading), "mapping.error.sameField", claimed.get(field.get()), heading,
                        field.get().column());
            } else {
                claimed.put(field.get(), heading);
            }
        });
        mapping.values().forEach((column, byValue) -> {
            Optional<MappableField> field = fields.fromColumn(column).filter(ColumnMappings::coded);
            if (field.isEmpty()) {
                in.problem(places.field(column), "mapping.error.notCoded", column);
                return;
            }
            List<String> codes = codes(field.get());
            byValue.forEach((value, code) -> {
                if (code == null || codes.stream().noneMatch(c -> c.equalsIgnoreCase(code.strip()))) {
                    in.problem(places.value(column, value), "mapping.error.unknownCode", value, column,
                            String.valueOf(code), String.join(", ", codes));
                }
            });
        });
    }

    /**
     * The API's mapping, or null with a problem under {@code mapping} when it is not JSON of the
     * mapping's shape; what the fields and codes say is for {@link #check} to check.
     */
    ColumnMapping read(String text, Input in) {
        try {
            JsonNode root = json.readTree(text);
            JsonNode headerRow = root.path("headerRow");
            Map<String, String> columns = strings(root.path("columns"));
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            JsonNode byField = root.path("values");
            if (!byField.isMissingNode() && !byField.isNull() && !byField.isObject()) {
                throw new IllegalArgumentException("values is not an object");
            }
            for (Map.Entry<String, JsonNode> field : byField.properties()) {
                values.put(field.getKey(), strings(field.getValue()));
            }
            if (!root.isObject() || !(headerRow.isMissingNode() || headerRow.isNull() || headerRow.canConvertToInt()
                    && headerRow.isIntegralNumber())) {
                throw new IllegalArgumentException("not a mapping");
            }
            return new ColumnMapping(headerRow.isIntegralNumber() ? headerRow.intValue() : Upload.FIRST_ROW,
                    columns, values);
        } catch (JacksonException | IllegalArgumentException e) {
            in.problem("mapping", "mapping.error.shape");
            return null;
        }
    }

    /** An object of strings or nulls, or nothing. */
    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return strings;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isString()) {
                throw new IllegalArgumentException("not a string");
            }
            strings.put(entry.getKey(), value.isNull() ? null : value.stringValue());
        }
        return strings;
    }

    /** Lower case, letters and digits only: "E-mail" and "email", "Interviewed?" and "interviewed" meet. */
    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
