package org.sectormap.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectormap.organisation.MappableField;

/**
 * The fields one kind of import reads, in the order the mapping step offers them, and the headings
 * people give them, compared without case, spaces or punctuation.
 */
record ImportFields(List<MappableField> fields, Map<MappableField, List<String>> synonyms) {

    ImportFields {
        fields = List.copyOf(fields);
        synonyms = Map.copyOf(synonyms);
    }

    /** The field a column name (ours, not a synonym) names, in any case. */
    Optional<MappableField> fromColumn(String column) {
        String wanted = column == null ? "" : column.strip();
        return fields.stream().filter(f -> f.column().equalsIgnoreCase(wanted)).findFirst();
    }

    List<String> columns() {
        return fields.stream().map(MappableField::column).toList();
    }

    /** Each synonym, as compared, to its field. */
    Map<String, MappableField> byHeading() {
        Map<String, MappableField> headings = new HashMap<>();
        synonyms.forEach((field, names) -> names.forEach(s -> headings.put(ColumnMappings.normal(s), field)));
        return headings;
    }
}
