package org.sectormap.organisation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.MVIndex;
import org.h2.mvstore.tx.Transaction;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.util.JSR310Utils;
import org.h2.value.Value;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDate;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a page of a list read in one H2 index's order starts, found from the number of entries that
 * H2's B-tree keeps for every child of its pages (MVStore's {@code MVMap.getKey(long)} and
 * {@code getKeyIndex}): a descent through a few pages, where SQL's OFFSET steps past every entry before
 * the position one at a time (about 500,000 of them for page 20,000 of a million by name: 100 ms at the
 * median, 270 ms at the 90th percentile).
 * <p>
 * It reads H2's own structures, so only for a database open in this process ({@code jdbc:h2:file:},
 * not a server's); elsewhere it finds nothing and a page is read by OFFSET. The tree holds every
 * transaction's entries, committed or not: a row another transaction adds, or whose indexed columns it
 * changes (its old entry and its new), is there before it commits, and would move positions by one
 * each (an import of thousands of rows, for minutes). So it finds nothing while the index holds more
 * entries than this transaction sees; a row whose deletion is not yet committed is still seen, and
 * still counted by OFFSET too.
 */
final class IndexPositions {

    /**
     * The list's records are those of an index holding the {@code fixed} values (text, null for none, or
     * a tick as a Boolean) in its leading columns, the index going on with {@code column} and then
     * {@code id}: first those holding a value in {@code column}, then those without, by id, each in the
     * list's direction. Without a {@code column}, the index goes on with {@code id} alone, and the
     * records are those holding the fixed values, by id.
     */
    record Part(String index, Map<String, ?> fixed, String column) {
    }

    /**
     * Where a page starts: its first record's value in the sorted column (text, a date, or null for a
     * record without one) and id; and for a record with a value, the next value after it in the list's
     * direction, or null if it holds the last.
     */
    record Start(Object value, long id, Object next) {
    }

    private final JdbcTemplate jdbc;

    IndexPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The record {@code position} records from the list's first; empty where it cannot be read so, or there is none. */
    Optional<Start> start(Part part, long position, boolean descending) {
        return read(reading -> tree(reading, part).flatMap(tree -> tree.start(part, position, descending)));
    }

    /**
     * The ids of the records that every part holds, {@code size} of them from the {@code position}th,
     * in the parts' shared order (their column, then id) in the list's direction: the parts' entries
     * read side by side and joined as they go, as a merge join does, each straight from its tree. SQL
     * walked one part's index fetching each row for the other filters' columns, or read and sorted every
     * match (2.6 s for a page in the middle of a million's 200,000 interviewed keen for follow-up). It
     * passes the entries before the page in every part. Empty where it cannot be read so.
     */
    Optional<List<Long>> common(List<Part> parts, long position, int size, boolean descending) {
        return read(reading -> {
            List<Tree> trees = new ArrayList<>();
            for (Part part : parts) {
                Optional<Tree> tree = tree(reading, part);
                if (tree.isEmpty()) {
                    return Optional.empty();
                }
                trees.add(tree.get());
            }
            long[] entries = new long[parts.size()];
            int fewest = 0;
            for (int i = 0; i < parts.size(); i++) {
                entries[i] = trees.get(i).entries(parts.get(i));
                fewest = entries[i] < entries[fewest] ? i : fewest;
            }
            Join join = new Join(reading.session(), parts, trees, descending);
            return Optional.of(probes(entries, fewest) ? join.probed(fewest, position, size) : join.ids(position, size));
        });
    }

    /**
     * Whether looking each entry of the part with fewest up in the others' trees passes less than reading
     * them all side by side: a look-up is a descent, costing about as much as stepping past this many
     * entries. At a million, looking up each of the 200,000 keen for follow-up among the 600,000
     * interviewed took 437 ms for a page in their middle, where side by side took 334 to 367 ms in
     * earlier runs: so a look-up costs more than two steps there, and this many is a guess above it.
     */
    private static boolean probes(long[] entries, int fewest) {
        long all = Arrays.stream(entries).sum();
        return entries[fewest] * (1 + LOOK_UP * (entries.length - 1)) < all;
    }

    private static final int LOOK_UP = 4;

    /**
     * What the reader finds in the trees of a database open in this process, with the store's current
     * version held in use meanwhile, as H2's own statements hold it: else the store may drop the chunks
     * of pages a walk has yet to reach once a later commit no longer needs them ("Chunk not found",
     * met while a write was saved in the middle of a join).
     */
    private <T> Optional<T> read(Function<Reading, Optional<T>> reader) {
        return jdbc.execute((ConnectionCallback<Optional<T>>) connection -> session(connection).flatMap(session -> {
            MVStore store = session.getDatabase().getStore().getMvStore();
            MVStore.TxCounter inUse = store.registerVersionUsage();
            try {
                return reader.apply(new Reading(session, connection));
            } finally {
                store.deregisterVersionUsage(inUse);
            }
        }));
    }

    /** The part's index's tree, where the index is in the part's order and its tree settled. */
    private static Optional<Tree> tree(Reading reading, Part part) {
        SessionLocal session = reading.session();
        return Optional.ofNullable(session.getDatabase().getMainSchema().findIndex(session, upper(part.index())))
                .filter(index -> index.getTable().getName().equals("ORGANISATION"))
                .flatMap(index -> tree(index, part)).filter(tree -> settled(reading, tree));
    }

    /**
     * A transaction's session in H2 and its connection, and the records it sees, summed once for all the
     * trees one read settles.
     */
    private static final class Reading {

        private final SessionLocal session;
        private final Connection connection;
        private Long seen;

        Reading(SessionLocal session, Connection connection) {
            this.session = session;
            this.connection = connection;
        }

        SessionLocal session() {
            return session;
        }

        long seen() {
            if (seen == null) {
                seen = sum(connection);
            }
            return seen;
        }
    }

    private static Optional<SessionLocal> session(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                ? Optional.of(local) : Optional.empty();
    }

    /**
     * Whether the tree holds only the entries this transaction sees: so when no transaction has changes
     * not yet committed, and else when the tree holds an entry for each record seen here. Every index of
     * {@code organisation} holds one entry a record; another transaction's new record, or new entry for a
     * changed one, adds one more until it commits, and so does a record this one has deleted. A write to
     * other tables, or to columns this index does not hold, leaves it so.
     * <p>
     * The records seen are the tally's sum (V90, kept in each write's own transaction), not the index's
     * count as H2 gives it: where another transaction's log of changes is still being written, H2 counts
     * the index's entries one by one (250 to 360 ms for the interviewed by interview date at a million,
     * while H2's search index took in a change), against a fraction of a millisecond for the tally.
     */
    private static boolean settled(Reading reading, Tree tree) {
        boolean changing = reading.session().getDatabase().getStore().getTransactionStore().getOpenTransactions()
                .stream().anyMatch(Transaction::hasChanges);
        return !changing || reading.seen() == tree.map().sizeAsLong();
    }

    private static long sum(Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet sum = statement.executeQuery(SEEN)) {
            sum.next();
            return sum.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The tally could not be summed", e);
        }
    }

    private static final String SEEN = "SELECT COALESCE(SUM(organisations), 0) FROM organisation_tally";

    /**
     * The index's tree, if the index is in the part's order: its columns begin with the fixed ones, the
     * column and id, each ascending with empty values first, as H2 makes them unless told otherwise.
     */
    @SuppressWarnings("unchecked")
    private static Optional<Tree> tree(Index index, Part part) {
        List<String> expected = Stream.concat(part.fixed().keySet().stream(), Stream.of(part.column(), "id"))
                .filter(Objects::nonNull).map(IndexPositions::upper).toList();
        List<String> columns = Arrays.stream(index.getIndexColumns()).map(c -> c.column.getName()).toList();
        boolean ascending = Arrays.stream(index.getIndexColumns())
                .noneMatch(c -> (c.sortType & (SortOrder.DESCENDING | SortOrder.NULLS_LAST)) != 0);
        if (!(index instanceof MVIndex<?, ?> stored) || !ascending || columns.size() < expected.size()
                || !columns.subList(0, expected.size()).equals(expected)) {
            return Optional.empty();
        }
        return Optional.of(new Tree(index, (MVMap<SearchRow, ?>) stored.getMVMap()));
    }

    /** An index's tree, and the index whose it is. */
    private record Tree(Index index, MVMap<SearchRow, ?> map) {

        /**
         * A row holding only some leading values compares equal to every entry holding them up to its first
         * unset column, and then by its key: with the greatest key it lies after all those entries, with the
         * least before them. So the part's entries without a value lie between two such rows given an empty
         * value, and those holding one after the second and up to the row without the column.
         */
        Optional<Start> start(Part part, long position, boolean descending) {
            if (part.column() == null) {
                return among(part, position, descending);
            }
            long beforeEmpty = firstFrom(bound(part, ValueNull.INSTANCE, Long.MIN_VALUE));
            long afterEmpty = firstFrom(bound(part, ValueNull.INSTANCE, Long.MAX_VALUE));
            long end = firstFrom(bound(part, null, Long.MAX_VALUE));
            long holding = end - afterEmpty;
            if (position < holding) {
                SearchRow first = map.getKey(descending ? end - 1 - position : afterEmpty + position);
                return Optional.ofNullable(first).map(row -> new Start(value(row, part.column()), id(row),
                        next(part, row.getValue(columnId(part.column())), descending, afterEmpty, end)));
            }
            long intoEmpty = position - holding;
            if (intoEmpty >= afterEmpty - beforeEmpty) {
                return Optional.empty();
            }
            SearchRow first = map.getKey(descending ? afterEmpty - 1 - intoEmpty : beforeEmpty + intoEmpty);
            return Optional.ofNullable(first).map(row -> new Start(null, id(row), null));
        }

        /** Where a part without a sorted column starts: its entries lie between the fixed values' least and greatest key. */
        private Optional<Start> among(Part part, long position, boolean descending) {
            long[] range = range(part);
            if (position >= range[1] - range[0]) {
                return Optional.empty();
            }
            return Optional.ofNullable(map.getKey(descending ? range[1] - 1 - position : range[0] + position))
                    .map(row -> new Start(null, id(row), null));
        }

        /** How many entries hold the part's fixed values. */
        long entries(Part part) {
            long[] range = range(part);
            return range[1] - range[0];
        }

        /** The positions of the first entry holding the part's fixed values and of the first after them. */
        private long[] range(Part part) {
            return new long[] {firstFrom(bound(part, null, Long.MIN_VALUE)), firstFrom(bound(part, null, Long.MAX_VALUE))};
        }

        /**
         * Whether the tree holds, among the part's entries, one for the record of another tree's entry:
         * the first entry from the fixed values, that entry's column value and id and the least key on,
         * if it is that record's and holds the fixed values.
         */
        boolean holds(Part part, SearchRow entry, int column, int id) {
            SearchRow bound = bound(part, entry.getValue(column), Long.MIN_VALUE);
            bound.setValue(id, entry.getValue(id));
            SearchRow found = map.ceilingKey(bound);
            // Past the part's last entry, the next is another part's: the record's own, if it begins that one.
            return found != null && found.getValue(id).getLong() == entry.getValue(id).getLong()
                    && part.fixed().keySet().stream().allMatch(name -> found.getValue(columnId(name))
                            .equals(bound.getValue(columnId(name))));
        }

        /** The value after this one among the entries from {@code from} to before {@code to}, in the direction. */
        private Object next(Part part, Value value, boolean descending, long from, long to) {
            long at = descending ? firstFrom(bound(part, value, Long.MIN_VALUE)) - 1
                    : firstFrom(bound(part, value, Long.MAX_VALUE));
            SearchRow row = at < from || at >= to ? null : map.getKey(at);
            return row == null ? null : value(row, part.column());
        }

        /**
         * The row that compares as said above: the fixed values, then {@code value} in the column unless it
         * is null (the column unset), and the key.
         */
        private SearchRow bound(Part part, Value value, long key) {
            SearchRow bound = index.getRowFactory().createRow();
            part.fixed().forEach((name, fixed) -> bound.setValue(columnId(name), fixed == null ? ValueNull.INSTANCE
                    : fixed instanceof Boolean tick ? ValueBoolean.get(tick) : ValueVarchar.get((String) fixed)));
            if (value != null) {
                bound.setValue(columnId(part.column()), value);
            }
            bound.setKey(key);
            return bound;
        }

        /**
         * The position of the first entry after the bound, which no entry equals (no record's key is the
         * least or greatest): the insertion point H2 gives, in one descent of the tree as it is now.
         */
        private long firstFrom(SearchRow bound) {
            long found = map.getKeyIndex(bound);
            return found < 0 ? -found - 1 : found;
        }

        private Object value(SearchRow row, String column) {
            Value value = row.getValue(columnId(column));
            return value == ValueNull.INSTANCE ? null
                    : value instanceof ValueDate ? JSR310Utils.valueToLocalDate(value, null) : value.getString();
        }

        private long id(SearchRow row) {
            return row.getValue(columnId("id")).getLong();
        }

        private int columnId(String name) {
            return index.getTable().getColumn(upper(name)).getColumnId();
        }
    }

    /** The parts' entries in order, each part's from a cursor over its fixed values' range of its tree. */
    private static final class Join {

        private final SessionLocal session;
        private final List<Part> parts;
        private final List<Tree> trees;
        private final boolean descending;
        private final int column;
        private final int id;
        private final List<Cursor<SearchRow, ?>> cursors = new ArrayList<>();
        private final SearchRow[] heads;

        Join(SessionLocal session, List<Part> parts, List<Tree> trees, boolean descending) {
            this.session = session;
            this.parts = parts;
            this.trees = trees;
            this.descending = descending;
            this.column = trees.get(0).columnId(parts.get(0).column());
            this.id = trees.get(0).columnId("id");
            for (int i = 0; i < parts.size(); i++) {
                Tree tree = trees.get(i);
                SearchRow least = tree.bound(parts.get(i), null, Long.MIN_VALUE);
                SearchRow greatest = tree.bound(parts.get(i), null, Long.MAX_VALUE);
                cursors.add(descending ? tree.map().cursor(greatest, least, true) : tree.map().cursor(least, greatest, false));
            }
            this.heads = new SearchRow[parts.size()];
        }

        /** Every part's head moved on to the greatest of them until all are one record, which is then counted. */
        List<Long> ids(long position, int size) {
            List<Long> ids = new ArrayList<>(size);
            if (!advanceAll()) {
                return ids;
            }
            long passed = 0;
            while (ids.size() < size) {
                SearchRow greatest = heads[0];
                for (SearchRow head : heads) {
                    if (compare(head, greatest) > 0) {
                        greatest = head;
                    }
                }
                boolean met = true;
                for (int i = 0; i < heads.length; i++) {
                    while (compare(heads[i], greatest) < 0) {
                        if (!cursors.get(i).hasNext()) {
                            return ids;
                        }
                        heads[i] = cursors.get(i).next();
                    }
                    met &= compare(heads[i], greatest) == 0;
                }
                if (met) {
                    if (passed++ >= position) {
                        ids.add(heads[0].getValue(id).getLong());
                    }
                    if (!advanceAll()) {
                        return ids;
                    }
                }
            }
            return ids;
        }

        /** The part with fewest entries read in order, each of its entries looked up in the others' trees. */
        List<Long> probed(int fewest, long position, int size) {
            List<Long> ids = new ArrayList<>(size);
            Cursor<SearchRow, ?> cursor = cursors.get(fewest);
            long passed = 0;
            while (ids.size() < size && cursor.hasNext()) {
                SearchRow entry = cursor.next();
                boolean everywhere = true;
                for (int i = 0; i < trees.size() && everywhere; i++) {
                    everywhere = i == fewest || trees.get(i).holds(parts.get(i), entry, column, id);
                }
                if (everywhere && passed++ >= position) {
                    ids.add(entry.getValue(id).getLong());
                }
            }
            return ids;
        }

        private boolean advanceAll() {
            for (int i = 0; i < heads.length; i++) {
                if (!cursors.get(i).hasNext()) {
                    return false;
                }
                heads[i] = cursors.get(i).next();
            }
            return true;
        }

        /** In the list's direction; the same record in two trees compares equal at once, by its id. */
        private int compare(SearchRow a, SearchRow b) {
            long ida = a.getValue(id).getLong();
            long idb = b.getValue(id).getLong();
            if (ida == idb) {
                return 0;
            }
            int order = a.getValue(column).compareTo(b.getValue(column), session, session.getDatabase().getCompareMode());
            order = order != 0 ? order : Long.compare(ida, idb);
            return descending ? -order : order;
        }
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
