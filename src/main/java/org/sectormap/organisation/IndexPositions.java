package org.sectormap.organisation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.db.MVIndex;
import org.h2.result.SearchRow;
import org.h2.table.IndexColumn;
import org.h2.result.SortOrder;
import org.h2.util.JSR310Utils;
import org.h2.value.Value;
import org.h2.value.ValueDate;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The entry at a position of an H2 index, found from the number of entries that H2's B-tree keeps for
 * every child of its pages (MVStore's {@code MVMap.getKey(long)}): a descent through a few pages, where
 * SQL's OFFSET steps past every entry before the position one at a time (about 500,000 of them for page
 * 20,000 of a million by name: 100 ms at the median, 270 ms at the 90th percentile).
 * <p>
 * It reads H2's own structures, so only for a database open in this process ({@code jdbc:h2:file:},
 * not a server's); elsewhere it finds nothing and a page is read by OFFSET. The tree holds every
 * transaction's entries, committed or not, as H2's MVCC keeps them beside each other: a record being
 * added or deleted by someone else at that moment can move a position by one, no more than a change
 * committed between a page's count and its rows moves it.
 */
final class IndexPositions {

    /** An entry: its value in the column the list is sorted by (text or a date), and its record's id. */
    record Entry(Object value, long id) {
    }

    private final JdbcTemplate jdbc;

    IndexPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The entry {@code position} entries from the first (or, {@code fromEnd}, the last) of those holding
     * the {@code fixed} values in the index's leading text columns and a value in {@code column}, which the
     * index goes on with, and then {@code id}; empty where it cannot be read so, or there is no entry there.
     */
    Optional<Entry> at(String index, Map<String, String> fixed, String column, long position, boolean fromEnd) {
        return jdbc.execute((ConnectionCallback<Optional<Entry>>) connection -> session(connection)
                .flatMap(session -> Optional.ofNullable(session.getDatabase().getMainSchema()
                        .findIndex(session, upper(index))))
                .flatMap(found -> at(found, fixed, column, position, fromEnd)));
    }

    private static Optional<SessionLocal> session(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                ? Optional.of(local) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Entry> at(Index index, Map<String, String> fixed, String column, long position,
            boolean fromEnd) {
        List<String> expected = Stream.concat(fixed.keySet().stream(), Stream.of(column, "id")).map(IndexPositions::upper)
                .toList();
        List<String> columns = Arrays.stream(index.getIndexColumns()).map(c -> c.column.getName())
                .toList();
        // Only an index in the list's order, ascending with empty values first in every column, as H2 makes
        // them unless told otherwise; else the page is read by OFFSET.
        boolean ascending = Arrays.stream(index.getIndexColumns())
                .noneMatch(c -> (c.sortType & (SortOrder.DESCENDING | SortOrder.NULLS_LAST)) != 0);
        if (!(index instanceof MVIndex<?, ?> stored) || !ascending || columns.size() < expected.size()
                || !columns.subList(0, expected.size()).equals(expected)) {
            return Optional.empty();
        }
        MVMap<SearchRow, ?> map = (MVMap<SearchRow, ?>) stored.getMVMap();
        // A row holding only the fixed values compares equal to every entry holding them up to its first
        // unset column, and then by its key: the greatest key lies after them all, the least before. Given
        // an empty value in the sorted column, the greatest lies after the entries without a value there.
        SearchRow bound = index.getRowFactory().createRow();
        fixed.forEach((name, value) -> bound.setValue(columnId(index, name), ValueVarchar.get(value)));
        bound.setKey(Long.MAX_VALUE);
        SearchRow last = map.floorKey(bound);
        bound.setValue(columnId(index, column), ValueNull.INSTANCE);
        SearchRow first = map.ceilingKey(bound);
        if (first == null || last == null) {
            return Optional.empty();
        }
        long from = map.getKeyIndex(first);
        long to = map.getKeyIndex(last);
        long at = fromEnd ? to - position : from + position;
        if (from < 0 || to < 0 || at < from || at > to) {
            return Optional.empty();
        }
        SearchRow entry = map.getKey(at);
        Value value = entry == null ? null : entry.getValue(columnId(index, column));
        if (value == null || value == ValueNull.INSTANCE) {
            return Optional.empty();
        }
        Object javaValue = value instanceof ValueDate ? JSR310Utils.valueToLocalDate(value, null) : value.getString();
        return Optional.of(new Entry(javaValue, entry.getValue(columnId(index, "id")).getLong()));
    }

    private static int columnId(Index index, String name) {
        return index.getTable().getColumn(upper(name)).getColumnId();
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
