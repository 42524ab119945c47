package org.sectormap.imports;

import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.sectormap.organisation.MappableField;
import org.sectormap.organisation.OrganisationField;

/**
 * A table's headings and the distinct values under each, collected as the rows stream past: at
 * most {@value #SHOWN} a column and none longer than a code could sensibly be, so a million-row
 * sheet of free text costs no more than a tidy one. Read once, it serves whichever mapping the
 * user then chooses.
 */
final class FileValues implements TableFile.TableRows {

    static final int SHOWN = 50;
    /** Longer than any code or label; a longer value is prose, which no value mapping would name. */
    private static final int LONGEST = 200;

    private final Map<Integer, Set<String>> found = new HashMap<>();
    private final Set<Integer> more = new HashSet<>();
    private List<String> headings = List.of();

    @Override
    public void header(Integer row, List<String> headings) {
        this.headings = headings.stream().map(String::strip).toList();
    }

    @Override
    public void row(int number, List<String> cells) {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        for (int column = 0; column < headings.size(); column++) {
            String value = column < cells.size() ? cells.get(column).strip() : "";
            Set<String> values = found.computeIfAbsent(column, c -> new LinkedHashSet<>());
            if (values.size() < SHOWN && value.length() <= LONGEST) {
                values.add(value);
            } else if (!values.contains(value)) {
                more.add(column);
            }
        }
    }

    /** The table's headings, stripped, in the file's order; empty when it could not be read. */
    List<String> headings() {
        return headings;
    }

    /**
     * For each coded field the columns map a heading to, the distinct values found under it, in the
     * order met; a blank only for a tick box, where Access and Excel mean "no" by it.
     */
    Map<MappableField, List<String>> values(ImportFields fields, Map<String, String> columns) {
        Map<MappableField, List<String>> values = new LinkedHashMap<>();
        forCodedColumns(fields, columns, (column, field) -> values.put(field, found.getOrDefault(column, Set.of())
                .stream()
                .filter(v -> !v.isEmpty() || field.kind() == OrganisationField.Kind.TICK).toList()));
        return values;
    }

    /** The coded fields of {@link #values} that hold more distinct values than are listed. */
    Set<MappableField> more(ImportFields fields, Map<String, String> columns) {
        Set<MappableField> more = new HashSet<>();
        forCodedColumns(fields, columns, (column, field) -> {
            if (this.more.contains(column)) {
                more.add(field);
            }
        });
        return more;
    }

    private void forCodedColumns(ImportFields fields, Map<String, String> columns,
            BiConsumer<Integer, MappableField> action) {
        Set<MappableField> seen = new HashSet<>();
        for (int i = 0; i < headings.size(); i++) {
            Optional<MappableField> field = mappedTo(columns, headings.get(i))
                    .flatMap(fields::fromColumn).filter(ColumnMappings::coded);
            if (field.isPresent() && seen.add(field.get())) {
                action.accept(i, field.get());
            }
        }
    }

    /** The column a heading is mapped to: as written, then in any case; empty when ignored. */
    static Optional<String> mappedTo(Map<String, String> columns, String heading) {
        if (heading.isEmpty()) {
            return Optional.empty();
        }
        if (columns.containsKey(heading)) {
            return Optional.ofNullable(columns.get(heading));
        }
        return columns.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().strip().equalsIgnoreCase(heading))
                .findFirst().map(Map.Entry::getValue);
    }

    /** One field's value mapping: a cell as written (stripped), then in any case; others pass unchanged. */
    static final class Codes {

        private final Map<String, String> exact = new HashMap<>();
        private final Map<String, String> anyCase = new HashMap<>();

        Codes(Map<String, String> byValue) {
            byValue.forEach((value, code) -> {
                String key = value == null ? "" : value.strip();
                exact.putIfAbsent(key, code);
                anyCase.putIfAbsent(key.toLowerCase(Locale.ROOT), code);
            });
        }

        boolean maps(String cell) {
            String key = cell == null ? "" : cell.strip();
            return exact.containsKey(key) || anyCase.containsKey(key.toLowerCase(Locale.ROOT));
        }

        String code(String cell) {
            String key = cell == null ? "" : cell.strip();
            String code = exact.containsKey(key) ? exact.get(key) : anyCase.get(key.toLowerCase(Locale.ROOT));
            return code == null ? cell : code;
        }
    }
}
