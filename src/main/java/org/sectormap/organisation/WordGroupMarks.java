package org.sectormap.organisation;

import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

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

    private static final Set<String> GROUPED = Set.of("category", "area", "status");

    /** Each entry of the word once for each column it is grouped by, as {@code g (grouped_by, value)}. */
    private static final String GROUPS = "CROSS JOIN LATERAL (VALUES ('category', k.category), ('area', k.area),"
            + " ('status', k.status)) g (grouped_by, value)";

    /** Every record of the register by group, from the tally (V90), compared as the entries' groups are. */
    private static final String REGISTER_GROUPS = "SELECT 'category' AS grouped_by, category COLLATE \"C\" AS value,"
            + " SUM(organisations) AS records FROM organisation_tally GROUP BY category"
            + " UNION ALL SELECT 'area', area COLLATE \"C\", SUM(organisations) FROM organisation_tally GROUP BY area"
            + " UNION ALL SELECT 'status', status COLLATE \"C\", SUM(organisations) FROM organisation_tally GROUP BY status";

    private WordGroupMarks() {
    }

    /** Whether the list sorted by this column is read from the groups' marks. */
    static boolean groups(String column) {
        return GROUPED.contains(column);
    }

    /** Replaces the word's groups' counts and marks, from its entries in the marking's snapshot. */
    static void mark(JdbcClient jdbc, String word) {
        for (String table : new String[] {"common_word_group_mark", "common_word_group"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE word = :word").param("word", word).update();
        }
        jdbc.sql("INSERT INTO common_word_group (word, grouped_by, value, records, shown_records)"
                + " SELECT :word, g.grouped_by, g.value, COUNT(*), COUNT(CASE WHEN NOT k.contact_only THEN 1 END)"
                + " FROM organisation_word k " + GROUPS + " WHERE k.word = :word GROUP BY g.grouped_by, g.value")
                .param("word", word).update();
        // A mark's shown position counts the entries before it outside contacts' names, not itself.
        jdbc.sql("INSERT INTO common_word_group_mark (word, grouped_by, value, organisation_id, position, shown_position)"
                + " SELECT :word, m.grouped_by, m.value, m.organisation_id, m.n - 1, m.shown FROM (SELECT g.grouped_by,"
                + " g.value, k.organisation_id, ROW_NUMBER() OVER entries AS n, COUNT(CASE WHEN NOT k.contact_only"
                + " THEN 1 END) OVER entries - CASE WHEN k.contact_only THEN 0 ELSE 1 END AS shown"
                + " FROM organisation_word k " + GROUPS + " WHERE k.word = :word WINDOW entries AS"
                + " (PARTITION BY g.grouped_by, g.value ORDER BY k.organisation_id ROWS UNBOUNDED PRECEDING)) m"
                + " JOIN (SELECT w.grouped_by, w.value, GREATEST(1, w.records * :spacing / GREATEST(r.records, 1)) AS every"
                + " FROM common_word_group w JOIN (" + REGISTER_GROUPS + ") r ON r.grouped_by = w.grouped_by"
                + " AND r.value IS NOT DISTINCT FROM w.value WHERE w.word = :word) s"
                + " ON s.grouped_by = m.grouped_by AND s.value IS NOT DISTINCT FROM m.value WHERE MOD(m.n - 1, s.every) = 0")
                .param("word", word).param("spacing", OrderMarks.SPACING).update();
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
