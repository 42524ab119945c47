package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, a page deep in the records holding one of the commonest words sorted by category, area
 * or status (then by id), and how many of them each group holds, from the groups' counts and marks kept
 * when the word is marked (V194, V195) and the changes since (V193). The word's entries were counted by
 * the sorted column and the page's group's entries sorted by id: 382 ms for page 20,000 by status of a
 * word every record of a million holds. A page starts from the last mark before it in its group and
 * walks organisation's index of the group by id (V95 to V97), looking each record up among the word's
 * entries; the marks are spaced by the word's share of the group, so that the walk passes about
 * {@link OrderMarks#SPACING} records.
 */
final class WordGroupMarks {

    /** The groups' columns, in the order the marking reads them. */
    private static final List<String> COLUMNS = List.of("category", "area", "status");

    /** Every record of the register by group, from the tally (V90). */
    private static final String REGISTER_GROUPS = "SELECT 'category', category, SUM(organisations) FROM organisation_tally"
            + " GROUP BY category UNION ALL SELECT 'area', area, SUM(organisations) FROM organisation_tally GROUP BY area"
            + " UNION ALL SELECT 'status', status, SUM(organisations) FROM organisation_tally GROUP BY status";

    private static final int ROWS_PER_INSERT = 1_000;

    private WordGroupMarks() {
    }

    /** Whether the list sorted by this column is read from the groups' marks. */
    static boolean groups(String column) {
        return COLUMNS.contains(column);
    }

    /**
     * Replaces the word's groups' counts and marks, from its entries in the marking's snapshot: counted by
     * their groups, then read once by id, each group's entries numbered as they pass. (Numbered by a
     * window over each column's groups in SQL, the entries of a word every record of a million holds
     * took 6.0 s; read by id, 0.45 s.)
     */
    static void mark(JdbcTemplate jdbc, String word) {
        for (String table : new String[] {"common_word_group_mark", "common_word_group"}) {
            jdbc.update("DELETE FROM " + table + " WHERE word = ?", word);
        }
        Map<List<Object>, long[]> counted = new HashMap<>();
        jdbc.query("SELECT category, area, status, COUNT(*), COUNT(CASE WHEN NOT contact_only THEN 1 END)"
                + " FROM organisation_word WHERE word = ? GROUP BY category, area, status", rs -> {
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        long[] group = counted.computeIfAbsent(Arrays.asList(COLUMNS.get(c), rs.getString(c + 1)),
                                key -> new long[2]);
                        group[0] += rs.getLong(4);
                        group[1] += rs.getLong(5);
                    }
                }, word);
        insert(jdbc, "common_word_group (word, grouped_by, value, records, shown_records)",
                counted.entrySet().stream().map(e -> new Object[] {word, e.getKey().get(0), e.getKey().get(1),
                        e.getValue()[0], e.getValue()[1]}).toList());
        Map<List<Object>, Long> register = new HashMap<>();
        jdbc.query(REGISTER_GROUPS, rs -> {
            register.put(Arrays.asList(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        // Spaced by the word's share of the group's records, so a walk between two marks passes about SPACING of them.
        Map<List<Object>, long[]> passed = new HashMap<>();
        counted.forEach((group, records) -> passed.put(group, new long[] {0, 0,
                Math.max(1, records[0] * OrderMarks.SPACING / Math.max(1, register.getOrDefault(group, 0L)))}));
        List<Object[]> marks = new ArrayList<>();
        jdbc.query("SELECT organisation_id, category, area, status, contact_only FROM organisation_word WHERE word = ?"
                + " ORDER BY organisation_id", rs -> {
                    boolean shown = !rs.getBoolean(5);
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        String value = rs.getString(c + 2);
                        long[] group = passed.get(Arrays.asList(COLUMNS.get(c), value));
                        // A mark's shown position counts the entries before it outside contacts' names, not itself.
                        if (group[0] % group[2] == 0) {
                            marks.add(new Object[] {word, COLUMNS.get(c), value, rs.getLong(1), group[0], group[1]});
                        }
                        group[0]++;
                        group[1] += shown ? 1 : 0;
                    }
                }, word);
        insert(jdbc, "common_word_group_mark (word, grouped_by, value, organisation_id, position, shown_position)", marks);
    }

    /** Rows into the table and its columns, a thousand a statement. */
    private static void insert(JdbcTemplate jdbc, String into, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String row = "(" + String.join(", ", Collections.nCopies(chunk.get(0).length, "?")) + ")";
            jdbc.update("INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row)),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    /**
     * The word's records counted by the column's values, those counted when it was marked and the
     * changes since, as a value and its count, for groups holding any; to be followed by an ORDER BY.
     */
    static String counted(WordMarks.Marked marked, String column, Map<String, Object> params) {
        params.put("markedWord", marked.word());
        params.put("groupedBy", checked(column));
        return "SELECT value, SUM(records) FROM (SELECT g.value, " + (marked.contactsHidden() ? "g.shown_records" : "g.records")
                + " AS records FROM common_word_group g WHERE g.word = :markedWord AND g.grouped_by = :groupedBy"
                + " UNION ALL SELECT x." + column + ", x.organisations FROM common_word_change x WHERE x.word = :markedWord"
                + shownChanges(marked) + ") c GROUP BY value HAVING SUM(records) > 0";
    }

    /**
     * The ids, by id from {@code :position} on and at most {@code :size}, of the word's records holding the
     * value ({@code :sortedValue}, or none for null) in the column, for an {@code IN}: from the last mark
     * before the position, whose own position has the changes before it added.
     */
    static String ids(WordMarks.Marked marked, String column, Object value, Map<String, Object> params) {
        params.put("markedWord", marked.word());
        params.put("groupedBy", checked(column));
        String holding = value == null ? " IS NULL" : " = :sortedValue";
        // The mark (0, 0) stands before every entry; a change at a mark's id comes after it.
        return "WITH marks AS (SELECT organisation_id, kind, position"
                + " + SUM(organisations) OVER (ORDER BY organisation_id, kind ROWS UNBOUNDED PRECEDING) AS before"
                + " FROM (SELECT CAST(0 AS BIGINT) AS organisation_id, 0 AS kind, CAST(0 AS BIGINT) AS position, 0 AS organisations"
                + " UNION ALL SELECT organisation_id, 0, " + (marked.contactsHidden() ? "shown_position" : "position")
                + ", 0 FROM common_word_group_mark WHERE word = :markedWord AND grouped_by = :groupedBy AND value" + holding
                + " UNION ALL SELECT x.organisation_id, 1, 0, x.organisations FROM common_word_change x"
                + " WHERE x.word = :markedWord AND x." + column + holding + shownChanges(marked) + ") a"
                + "), start AS MATERIALIZED (SELECT organisation_id, :position - before AS skip FROM marks"
                + " WHERE kind = 0 AND before <= :position ORDER BY organisation_id DESC FETCH FIRST 1 ROWS ONLY)"
                // Each record looked up by its key, whatever the planner guesses of the walk: OFFSET 0 keeps
                // the lateral subquery from being flattened into a join reading every entry of the word.
                + " SELECT o.id FROM organisation o CROSS JOIN LATERAL (SELECT 1 FROM organisation_word w"
                + " WHERE w.word = :markedWord AND w.name_sort = o.name_sort AND w.organisation_id = o.id"
                + (marked.contactsHidden() ? " AND NOT w.contact_only" : "") + " OFFSET 0) h"
                + " WHERE o." + column + holding + " AND o.id >= (SELECT organisation_id FROM start)"
                + " ORDER BY o.id OFFSET (SELECT skip FROM start) ROWS FETCH NEXT :size ROWS ONLY";
    }

    private static String shownChanges(WordMarks.Marked marked) {
        return marked.contactsHidden() ? " AND NOT x.contact_only" : "";
    }

    private static String checked(String column) {
        if (!groups(column)) {
            throw new IllegalArgumentException("Not a column the groups are marked by: " + column);
        }
        return column;
    }
}
