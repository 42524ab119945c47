package org.sectormap.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.organisation.MappableField;
import org.sectormap.shared.Labels;

/**
 * The mapping step's form: one select per heading ({@code column-<n>}), then one per distinct value
 * of each coded column ({@code value-<field>-<n>}, with the value itself in a hidden
 * {@code value-<field>-<n>-text}, so the form reads back what was shown whatever the file holds).
 */
final class MappingForm {

    /** A heading and the column it is read as, or "" for an ignored one. */
    record Heading(String id, String heading, String column) {
    }

    record Option(String value, String label) {
    }

    /** A value of the file and the code it is read as, or "" for none yet. */
    record Value(String id, String value, String code) {
    }

    /** A coded field's values, with the codes to choose from and whether there are more than listed. */
    record CodedField(String column, String label, List<Option> codes, List<Value> values, boolean more) {
    }

    private final List<String> headings;
    private final Map<String, String> valueIds = new HashMap<>();

    private MappingForm(List<String> headings) {
        this.headings = headings;
    }

    static List<Heading> headings(ImportService.Proposal proposal) {
        List<Heading> rows = new ArrayList<>();
        List<String> headings = proposal.headings();
        for (int i = 0; i < headings.size(); i++) {
            // A column without a heading cannot be named in a mapping, so it is not offered.
            if (!headings.get(i).isEmpty()) {
                String column = FileValues.mappedTo(proposal.mapping().columns(), headings.get(i)).orElse("");
                rows.add(new Heading("column-" + i, headings.get(i), column));
            }
        }
        return rows;
    }

    /** Each field as an option, labelled as on the record and by its column name, which files use. */
    static List<Option> fields(ImportFields fields, Labels labels) {
        return fields.fields().stream()
                .map(f -> new Option(f.column(), labels.text("mapping.fieldOption", labels.field(f.property()),
                        f.column())))
                .toList();
    }

    static List<CodedField> values(ImportService.Proposal proposal, ColumnMappings mappings, Labels labels) {
        List<CodedField> fields = new ArrayList<>();
        proposal.values().forEach((field, found) -> {
            Map<String, String> byValue = proposal.mapping().values().getOrDefault(field.column(), Map.of());
            FileValues.Codes codes = new FileValues.Codes(byValue);
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                String value = found.get(i);
                values.add(new Value("value-" + field.column() + "-" + i, value,
                        codes.maps(value) ? codes.code(value) : ""));
            }
            List<Option> options = mappings.codes(field).stream()
                    .map(c -> new Option(c, mappings.label(field, c))).toList();
            fields.add(new CodedField(field.column(), labels.field(field.property()), options, values,
                    proposal.more().contains(field)));
        });
        return fields;
    }

    /** What the form says, and where each heading and value was on it, for problems to link to. */
    static Read read(ImportFields fields, Map<String, String> params, List<String> headings, int headerRow) {
        MappingForm form = new MappingForm(headings);
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            String column = params.get("column-" + i);
            if (!headings.get(i).isEmpty()) {
                columns.putIfAbsent(headings.get(i), column == null || column.isBlank() ? null : column);
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (MappableField field : fields.fields()) {
            Map<String, String> byValue = new LinkedHashMap<>();
            for (int i = 0; i < FileValues.SHOWN; i++) {
                String id = "value-" + field.column() + "-" + i;
                String value = params.get(id + "-text");
                if (value == null) {
                    break;
                }
                String code = params.get(id);
                if (code != null && !code.isBlank()) {
                    byValue.put(value, code);
                    form.valueIds.put(field.column() + "\n" + value, id);
                }
            }
            if (!byValue.isEmpty()) {
                values.put(field.column(), byValue);
            }
        }
        return new Read(new ColumnMapping(headerRow, columns, values), form.places());
    }

    record Read(ColumnMapping mapping, ColumnMappings.Places places) {
    }

    private ColumnMappings.Places places() {
        return new ColumnMappings.Places() {
            @Override
            public String column(String heading) {
                return "column-" + headings.indexOf(heading);
            }

            @Override
            public String field(String field) {
                return "column-0";
            }

            @Override
            public String value(String field, String value) {
                return valueIds.getOrDefault(field + "\n" + value, "column-0");
            }
        };
    }
}
