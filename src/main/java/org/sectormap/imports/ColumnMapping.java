package org.sectormap.imports;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to read a file whose headings and values are not Sector Map's own, in the API's JSON shape:
 * {@code {"headerRow": 1, "columns": {"Their heading": "field", "Another": null},
 * "values": {"category": {"Their value": "code"}}}}. Fields are the CSV column names; a heading
 * mapped to null or left out is ignored; a value mapping may name values the file does not hold.
 * Serializable because it waits in the session between the mapping step and the confirmation.
 *
 * @param headerRow the row holding the headings, as the spreadsheet numbers it
 * @param columns   each heading of the file (as written there) to a column name, or to null to ignore it
 * @param values    for a coded field (by column name), each value as written in the file to its code
 */
record ColumnMapping(int headerRow, Map<String, String> columns, Map<String, Map<String, String>> values)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Copied into maps that keep their order and allow the nulls of ignored headings. */
    ColumnMapping {
        columns = columns == null ? new LinkedHashMap<>() : new LinkedHashMap<>(columns);
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((field, byValue) -> copied.put(field,
                    byValue == null ? new LinkedHashMap<>() : new LinkedHashMap<>(byValue)));
        }
        values = copied;
    }
}
