package org.sectormap.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.sectormap.shared.Databases;
import org.sectormap.shared.LikePattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations that may be published in a directory: listed or interviewed, and ticked to
 * publish. Pages come from the database read already sorted from the index of V86 (publish, status,
 * id: interviewed then listed, each in id order; H2 uses an index's order only when the ORDER BY names
 * its columns), and the feed's total is counted from that index alone, so a feed of any size is never
 * held, sorted or read row by row to be counted.
 */
@Component
public class PublishedOrganisations {

    /** The statuses a record may be published in: whoever was not excluded and was reached. */
    static final List<OutreachStatus> STATUSES = List.of(OutreachStatus.LISTED, OutreachStatus.INTERVIEWED);

    static final String PUBLISHED = " WHERE publish = TRUE AND status IN ("
            + STATUSES.stream().map(s -> "'" + s.code() + "'").collect(Collectors.joining(", ")) + ")";

    static final String TABLE = " FROM organisation";

    /** The most ids H2 takes in one array. */
    private static final int ARRAY = 65_536;
    /**
     * Past this many records holding the text, they are not looked up but every published record read:
     * on an H2 file of a million, counting 200,000 by their keys took half as long as reading the million
     * (4.4 s against 8.8 s), each key costing about a fifth of a million records' reading.
     */
    private static final int MOST_HELD = 4 * ARRAY;

    private final JdbcClient jdbc;
    private final boolean postgres;
    /** H2's search index, opened in the background at start-up; on PostgreSQL it does nothing. */
    private final ObjectProvider<SearchIndex> index;
    /** How many ids go in each array: fewer in a test, to join several. */
    private final int array;
    /** H2's name for the table's primary key index, looked up at the first search that needs it. */
    private volatile String primaryKey;

    @Autowired
    PublishedOrganisations(JdbcClient jdbc, DataSource dataSource, ObjectProvider<SearchIndex> index) {
        this(jdbc, dataSource, index, ARRAY);
    }

    PublishedOrganisations(JdbcClient jdbc, DataSource dataSource, ObjectProvider<SearchIndex> index, int array) {
        this.jdbc = jdbc;
        this.postgres = !Databases.isH2(dataSource);
        this.index = index;
        this.array = array;
    }

    /** A published organisation and when its record last changed. */
    public record Published(Organisation organisation, OffsetDateTime modifiedAt) {
    }

    /**
     * Which published organisations to list; null means any.
     *
     * @param text          in the name or description, ignoring case (never in contact names)
     * @param category      one of the five categories
     * @param classified    only those with a category
     * @param modifiedAfter changed at or after this moment
     */
    public record Filter(String text, Category category, boolean classified, OffsetDateTime modifiedAfter) {

        public static final Filter NONE = new Filter(null, null, false, null);
    }

    /**
     * Summed from the tally when only the category is asked, whose columns are the filter's: counting a
     * million published records took 150 ms and more. A search or a date counts the records themselves.
     */
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        if (!searching(filter) && filter.modifiedAfter() == null) {
            return jdbc.sql(OrganisationCounts.SUM_OF_TALLY + where).params(params).query(Long.class).single();
        }
        String from = held(filter).map(ids -> from(ids, ids.length, params)).orElse(TABLE);
        return jdbc.sql(countQuery(from, where)).params(params).query(Long.class).single();
    }

    static String countQuery(String from, String where) {
        return "SELECT COUNT(*)" + from + where;
    }

    @Transactional(readOnly = true)
    public List<Published> page(Filter filter, long offset, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        Optional<long[]> held = held(filter);
        if (held.isEmpty()) {
            return page(TABLE, where, params, offset, size);
        }
        long[] ids = held.get();
        // The ids come in the page's order, so when the first of them hold the page the rest need not be
        // looked up: the first records of a common word, rather than every one of them.
        int first = (int) Math.min(ids.length, 2 * (offset + size) + 100);
        if (first < ids.length) {
            Map<String, Object> some = new LinkedHashMap<>(params);
            List<Published> page = page(from(ids, first, some), where, some, offset, size);
            if (page.size() == size) {
                return page;
            }
        }
        return page(from(ids, ids.length, params), where, params, offset, size);
    }

    private List<Published> page(String from, String where, Map<String, Object> params, long offset, int size) {
        params.put("offset", offset);
        params.put("size", size);
        return jdbc.sql(pageQuery(from, where)).params(params).query(PublishedOrganisations::published).list();
    }

    static String pageQuery(String from, String where) {
        return "SELECT " + OrganisationRepository.COLUMNS + ", modified_at" + from + where
                + " ORDER BY publish, status, id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
    }

    private static boolean searching(Filter filter) {
        return filter.text() != null && !filter.text().isBlank();
    }

    /** Whether an index of folded text finds the text's records: ASCII folds the same in Java and SQL. */
    private static boolean foldable(Filter filter) {
        return filter.text().chars().allMatch(c -> c < 0x80);
    }

    /**
     * On H2, the records the search index says hold the text, in the feed's order, where a search read
     * every published record (651 ms at 100,000). The index looks in the search text but the contact's
     * name, which holds the name and description folded, so it finds every record the WHERE finds and a
     * few more (the text in the coverage), which the WHERE then rules out.
     */
    Optional<long[]> held(Filter filter) {
        if (postgres || !searching(filter) || !foldable(filter)) {
            return Optional.empty();
        }
        return index.getObject().holding(filter.text(), filter.category(), filter.classified(), MOST_HELD);
    }

    /** The first of these records, each looked up by its key. */
    private String from(long[] ids, int first, Map<String, Object> params) {
        List<String> arrays = new ArrayList<>();
        int from = 0;
        do {
            String name = "held" + arrays.size();
            params.put(name, new SqlArrayValue("BIGINT",
                    Arrays.stream(ids, from, Math.min(first, from + array)).boxed().toArray()));
            arrays.add("SELECT held_id FROM TABLE(held_id BIGINT = :" + name + ")");
            from += array;
        } while (from < first);
        // The key named, or H2 weighs the feed's index on (publish, status, id) for each id and reads half of it.
        return " FROM (" + String.join(" UNION ALL ", arrays) + ") JOIN organisation USE INDEX (" + primaryKey()
                + ") ON id = held_id";
    }

    private String primaryKey() {
        if (primaryKey == null) {
            primaryKey = jdbc.sql("SELECT index_name FROM information_schema.indexes WHERE table_schema = SCHEMA() "
                    + "AND table_name = 'ORGANISATION' AND index_type_name = 'PRIMARY KEY'").query(String.class)
                    .single();
        }
        return primaryKey;
    }

    /** The organisation, when it is published. */
    @Transactional(readOnly = true)
    public Optional<Published> find(long id) {
        return jdbc.sql("SELECT " + OrganisationRepository.COLUMNS + ", modified_at FROM organisation" + PUBLISHED
                + " AND id = :id").param("id", id).query(PublishedOrganisations::published).optional();
    }

    private static Published published(ResultSet rs, int row) throws SQLException {
        return new Published(OrganisationRepository.map(rs, row), rs.getObject("modified_at", OffsetDateTime.class));
    }

    String where(Filter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (searching(filter)) {
            // On PostgreSQL the search text's trigram index (V78) finds the records holding the text first,
            // where a search read every published record (209 ms at 100,000). The search text holds the
            // name and description folded, so any record whose name or description holds ASCII text holds
            // it too; the contact's name, also in it, is then ruled out by the clause after.
            if (postgres && foldable(filter)) {
                clauses.add("search_text LIKE :text" + LikePattern.ESCAPE);
            }
            clauses.add("(name_sort LIKE :text" + LikePattern.ESCAPE + " OR LOWER(description) LIKE :text"
                    + LikePattern.ESCAPE + ")");
            params.put("text", LikePattern.containing(filter.text()));
        }
        if (filter.category() != null) {
            clauses.add("category = :category");
            params.put("category", filter.category().code());
        } else if (filter.classified()) {
            clauses.add("category IS NOT NULL");
        }
        if (filter.modifiedAfter() != null) {
            clauses.add("modified_at >= :modifiedAfter");
            params.put("modifiedAfter", filter.modifiedAfter());
        }
        return PUBLISHED + clauses.stream().map(c -> " AND " + c).reduce("", String::concat);
    }
}
