package org.sectormap.imports;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sectormap.shared.Input;

/**
 * What to do with each likely duplicate of an import: the choice made for a row by its number, else
 * the one made for them all. A row found to be a duplicate only as it is stored (one beyond those
 * listed, or of a row stored just before it) takes the choice for all.
 *
 * @param byRow choices for rows, by the row number the user's program shows
 */
record DuplicateChoices(DuplicateChoice forAll, Map<Integer, DuplicateChoice> byRow) {

    /** The form's and the API's field for the choice for all rows. */
    static final String FOR_ALL = "duplicates";
    /** Followed by a row's number, the field for that row's choice. */
    static final String ROW = "row-";
    private static final Pattern ROW_FIELD = Pattern.compile(Pattern.quote(ROW) + "([1-9][0-9]{0,8})");

    /** Every likely duplicate is added as a new record, as when nothing is chosen. */
    static final DuplicateChoices ADD_ALL = new DuplicateChoices(DuplicateChoice.ADD, Map.of());

    DuplicateChoices {
        byRow = Map.copyOf(byRow);
    }

    DuplicateChoice of(int row) {
        return byRow.getOrDefault(row, forAll);
    }

    /** Whether storing may skip looking for duplicates: every one would be added anyway. */
    boolean addAll() {
        return forAll == DuplicateChoice.ADD && byRow.values().stream().allMatch(DuplicateChoice.ADD::equals);
    }

    /**
     * Reads the choices from a form's or a request's fields, checking each as any choice is checked;
     * fields of other names are not choices and are passed over. Nothing chosen adds every row.
     *
     * @param in the fields, read as the {@value #FOR_ALL} form, where any problem is noted
     */
    static DuplicateChoices read(Map<String, String> fields, Input in) {
        DuplicateChoice forAll = in.choice(DuplicateChoice.class, FOR_ALL, null);
        Map<Integer, DuplicateChoice> byRow = new TreeMap<>();
        fields.keySet().forEach(field -> {
            Matcher row = ROW_FIELD.matcher(field);
            if (row.matches()) {
                DuplicateChoice chosen = in.choice(DuplicateChoice.class, field, null);
                if (chosen != null) {
                    byRow.put(Integer.parseInt(row.group(1)), chosen);
                }
            }
        });
        return new DuplicateChoices(forAll == null ? DuplicateChoice.ADD : forAll, byRow);
    }
}
