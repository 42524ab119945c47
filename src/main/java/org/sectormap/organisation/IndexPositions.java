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
 * transaction's entries, committed or not, as H2's MVCC keeps them beside each other: each record being
 * added or deleted by someone else at that moment can move a position by one, as a change committed
 * between a page's count and its rows moves it.
 */
final class IndexPositions {

    /** An entry: its value in the column the list is sorted by (text, a date, or null), and its record's id. */
    record Entry(Object value, long id) {
    }

    /**
     * The entries of an index holding the {@code fixed} values in its leading text columns, and then,
     * {@code holding}, a value in {@code column}, or else none: the index going on with {@code column}
     * and then {@code id}. In H2's index an empty value comes first, so those without one come first.
     */
    record Part(String index, Map<String, String> fixed, String column, boolean holding) {
    }

    private final JdbcTemplate jdbc;

    IndexPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many entries the part holds; empty where it cannot be read so. */
    Optional<Long> size(Part part) {
        return read(part, (range, tree) -> range.to() - range.from() + 1);
    }

    /**
     * The part's entry {@code position} entries from its first (or, {@code fromEnd}, its last); empty
     * where it cannot be read so, or the part has no entry there.
     */
    Optional<Entry> at(Part part, long position, boolean fromEnd) {
        return read(part, (range, tree) -> {
            long at = fromEnd ? range.to() - position : range.from() + position;
            return at < range.from() || at > range.to() ? null : entry(tree.index(), tree.map().getKey(at), part.column());
        });
    }

    /** An index's tree, and the index whose it is. */
    private record Tree(Index index, MVMap<SearchRow, ?> map) {
    }

    /** The first and last positions of a part's entries in its index, the last before the first if none. */
    private record Range(long from, long to) {
    }

    private interface Reading<T> {
        T read(Range range, Tree tree);
    }

    private <T> Optional<T> read(Part part, Reading<T> reading) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) connection -> session(connection)
                .flatMap(session -> Optional.ofNullable(session.getDatabase().getMainSchema()
                        .findIndex(session, upper(part.index()))))
                .flatMap(index -> tree(index, part))
                .map(tree -> reading.read(range(tree, part), tree)));
    }

    private static Optional<SessionLocal> session(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                ? Optional.of(local) : Optional.empty();
    }

    /**
     * The index's tree, if the index is in the part's order: its columns begin with the fixed ones, the
     * column and id, each ascending with empty values first, as H2 makes them unless told otherwise.
     */
    @SuppressWarnings("unchecked")
    private static Optional<Tree> tree(Index index, Part part) {
        List<String> expected = Stream.concat(part.fixed().keySet().stream(), Stream.of(part.column(), "id"))
                .map(IndexPositions::upper).toList();
        List<String> columns = Arrays.stream(index.getIndexColumns()).map(c -> c.column.getName()).toList();
        boolean ascending = Arrays.stream(index.getIndexColumns())
                .noneMatch(c -> (c.sortType & (SortOrder.DESCENDING | SortOrder.NULLS_LAST)) != 0);
        if (!(index instanceof MVIndex<?, ?> stored) || !ascending || columns.size() < expected.size()
                || !columns.subList(0, expected.size()).equals(expected)) {
            return Optional.empty();
        }
        return Optional.of(new Tree(index, (MVMap<SearchRow, ?>) stored.getMVMap()));
    }

    /**
     * A row holding only some leading values compares equal to every entry holding them up to its first
     * unset column, and then by its key: with the greatest key it lies after all those entries, with the
     * least before them. So the entries holding the fixed values and an empty column lie between two
     * such rows, and those holding a value in it after the second and up to the row without it.
     */
    private static Range range(Tree tree, Part part) {
        SearchRow bound = tree.index().getRowFactory().createRow();
        part.fixed().forEach((name, value) -> bound.setValue(columnId(tree.index(), name), ValueVarchar.get(value)));
        bound.setValue(columnId(tree.index(), part.column()), ValueNull.INSTANCE);
        bound.setKey(Long.MIN_VALUE);
        long beforeEmpty = firstFrom(tree.map(), bound);
        bound.setKey(Long.MAX_VALUE);
        long afterEmpty = firstFrom(tree.map(), bound);
        if (!part.holding()) {
            return new Range(beforeEmpty, afterEmpty - 1);
        }
        bound.setValue(columnId(tree.index(), part.column()), null);
        return new Range(afterEmpty, firstFrom(tree.map(), bound) - 1);
    }

    /** The position of the first entry at or after the row, or the number of entries if none is. */
    private static long firstFrom(MVMap<SearchRow, ?> map, SearchRow row) {
        SearchRow first = map.ceilingKey(row);
        return first == null ? map.sizeAsLong() : map.getKeyIndex(first);
    }

    private static Entry entry(Index index, SearchRow row, String column) {
        if (row == null) {
            return null;
        }
        Value value = row.getValue(columnId(index, column));
        Object javaValue = value == ValueNull.INSTANCE ? null
                : value instanceof ValueDate ? JSR310Utils.valueToLocalDate(value, null) : value.getString();
        return new Entry(javaValue, row.getValue(columnId(index, "id")).getLong());
    }

    private static int columnId(Index index, String name) {
        return index.getTable().getColumn(upper(name)).getColumnId();
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
