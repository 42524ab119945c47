package org.sectormap.organisation;

import org.sectormap.shared.Coded;
import static org.sectormap.organisation.OrganisationField.*;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;
import org.postgresql.PGStatement;

import org.sectormap.shared.CopyIn;
import org.sectormap.shared.LikePattern;
import org.sectormap.shared.Databases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    /** Every field's column, in field order: the select list, the insert and the update follow it. */
    private static final List<OrganisationField> FIELDS = List.of(OrganisationField.values());
    private static final String FIELD_COLUMNS = FIELDS.stream().map(OrganisationField::column)
            .collect(Collectors.joining(", "));
    static final String COLUMNS = "id, version, " + FIELD_COLUMNS;
    private static final String KEY_COLUMNS = String.join(", ", MatchKey.COLUMNS);
    private static final String INSERT = "INSERT INTO organisation (version, " + FIELD_COLUMNS
            + ", name_sort, search_text, " + KEY_COLUMNS + ", import_id, modified_at) VALUES (0, "
            + FIELDS.stream().map(f -> ":" + f.column()).collect(Collectors.joining(", "))
            + ", :name_sort, :search_text, " + MatchKey.COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
            + ", :import_id, :modified_at)";
    private static final String UPDATE = "UPDATE organisation SET version = version + 1, "
            + FIELDS.stream().map(f -> f.column() + " = :" + f.column()).collect(Collectors.joining(", "))
            + ", name_sort = :name_sort, search_text = :search_text, "
            + MatchKey.COLUMNS.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "))
            + ", modified_at = :modified_at WHERE id = :id AND version = :version";

    private static final String INSERT_ROWS = "INSERT INTO organisation (version, " + FIELD_COLUMNS
            + ", name_sort, search_text, " + KEY_COLUMNS + ", import_id, modified_at) VALUES ";
    private static final String VALUES_ROW = "(0, " + "?, ".repeat(FIELDS.size() + 2 + MatchKey.COLUMNS.size())
            + "?, ?)";
    /**
     * Each parameter's type, stated even for a null: PostgreSQL's driver prepares the statement again
     * whenever the types it sends change, and a 500-row statement costs much more to plan than to run.
     */
    private static final int[] INSERT_TYPES = Stream.of(FIELDS.stream().map(f -> switch (f.kind()) {
        case TICK -> Types.BOOLEAN;
        case DATE -> Types.DATE;
        default -> Types.VARCHAR;
    }), Stream.of(Types.VARCHAR, Types.VARCHAR), MatchKey.COLUMNS.stream().map(c -> Types.VARCHAR),
            Stream.of(Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE)).flatMap(t -> t).mapToInt(Integer::intValue)
            .toArray();
    /** Well under PostgreSQL's 32,767 parameters a statement, at about thirty a row. */
    private static final int ROWS_PER_INSERT = 500;
    /** autovacuum_analyze_threshold's default: rows added beyond it and a tenth of those counted call for ANALYZE. */
    private static final int ANALYSE_BASE = 50;
    /** The columns a COPY gives, the id first: the insert's, in the same order. */
    private static final List<String> COPY_COLUMNS = Stream.of(Stream.of("id", "version"),
            FIELDS.stream().map(OrganisationField::column), Stream.of("name_sort", "search_text"),
            MatchKey.COLUMNS.stream(), Stream.of("import_id", "modified_at")).flatMap(c -> c).toList();

    private static final RowMapper<Organisation> ROW = OrganisationRepository::map;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final Clock clock;
    private final boolean h2;
    /** Whether many rows go by COPY (PostgreSQL) rather than as multi-row inserts (H2). */
    private final boolean copying;
    private final OrganisationTally tally;
    /** Opened in the background at start-up (SearchIndexConfig), and there by the time a request comes. */
    private final ObjectProvider<SearchIndex> index;
    /** PostgreSQL's words of the search text (V147), where a page of a text search by name is read. */
    private final SearchWords words;
    private final EstimatedTotals estimates;
    /** On H2, where a deep page of a list read in an index's order starts. */
    private final IndexPositions positions;
    /** On PostgreSQL, where a deep page of a list read in one index's order starts. */
    private final OrderMarks marks;
    /** On PostgreSQL, where a deep page of the records holding one of the commonest words starts, and how many. */
    private final WordMarks wordMarks;
    private final ContactPeopleRepository contactPeople;

    OrganisationRepository(JdbcClient jdbc, DataSource dataSource, Clock clock, OrganisationTally tally,
            ObjectProvider<SearchIndex> index, ContactPeopleRepository contactPeople, OrderMarks marks,
            WordMarks wordMarks, @Value("${sectormap.search.estimate-kept:1m}") Duration estimateKept) {
        this.jdbc = jdbc;
        this.marks = marks;
        this.wordMarks = wordMarks;
        this.contactPeople = contactPeople;
        this.clock = clock;
        this.tally = tally;
        this.index = index;
        this.dataSource = dataSource;
        this.h2 = Databases.isH2(dataSource);
        this.copying = !h2;
        this.words = new SearchWords(jdbc);
        this.estimates = new EstimatedTotals(clock, estimateKept);
        // A fetch size makes PostgreSQL read an export through a cursor instead of all at once.
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(500);
        this.named = new NamedParameterJdbcTemplate(fetching);
        this.template = new JdbcTemplate(dataSource);
        this.positions = new IndexPositions(template);
    }

    /** Whether the record is there, holding it until the transaction ends. */
    boolean lock(long id) {
        return jdbc.sql("SELECT id FROM organisation WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional().isPresent();
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id").param("id", id).query(ROW).optional();
    }

    long insert(OrganisationDetails d) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.sql(INSERT).params(imported(d, null, now)).update(keys, "id");
        long id = keys.getKey().longValue();
        tally.added(List.of(id), List.of(d));
        contactPeople.added(List.of(id), List.of(d), now.toLocalDate());
        index.getObject().changed(List.of(id));
        return id;
    }

    /**
     * The ids in the order of the records given (COPY draws them first, in order; H2 returns a
     * multi-row insert's keys in the order of its rows): each record's contact row is written by it.
     */
    List<Long> insertAll(List<OrganisationDetails> all, Long importId) {
        OffsetDateTime now = now();
        List<Long> ids = copying ? copied(all, importId, now) : insertedInRows(all, importId, now);
        tally.added(ids, all);
        contactPeople.added(ids, all, now.toLocalDate());
        if (importId == null) {
            index.getObject().changed(ids);
        } else {
            index.getObject().imported(importId, ids);
        }
        return ids;
    }

    /**
     * On PostgreSQL, analyses the register's tables after an insert of more records than a tenth of
     * those their statistics counted (autovacuum's own threshold), rather than leave the next statements
     * to be planned from statistics of a register a fraction of the size: a two-word search planned so,
     * straight after 3,000 records were added to a few hundred, ran for over 24 minutes, until autovacuum
     * analysed the tables a minute later. Inside the inserting transaction, ANALYZE counts its rows; the
     * row count it leaves in pg_class is seen by all at once (and stays if the insert rolls back), the
     * rest of the statistics once it commits. Left to autovacuum where the app's role may not analyse
     * (it does not own the tables).
     */
    void analyseAfterAdding(int added) {
        if (h2 || added <= ANALYSE_BASE) {
            return;
        }
        Optional<Double> counted = jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'organisation'::regclass "
                + "AND pg_has_role(relowner, 'USAGE')").query(Double.class).optional();
        if (counted.isPresent() && added > ANALYSE_BASE + Math.max(counted.get(), 0) / 10) {
            jdbc.sql("ANALYZE organisation, organisation_word").update();
        }
    }

    /**
     * By COPY, with the ids drawn first from the sequence the column's default draws from, in one
     * statement: the audit trail needs them, and COPY returns none.
     */
    private List<Long> copied(List<OrganisationDetails> all, Long importId, OffsetDateTime now) {
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('organisation', 'id')) "
                + "FROM generate_series(1, :count)").param("count", all.size()).query(Long.class).list();
        List<List<Object>> rows = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            List<Object> row = new ArrayList<>(COPY_COLUMNS.size());
            row.add(ids.get(i));
            row.add(0);
            row.addAll(imported(all.get(i), importId, now).values());
            rows.add(row);
        }
        CopyIn.rows(dataSource, "organisation", COPY_COLUMNS, rows);
        return ids;
    }

    /**
     * Many rows to a statement (INSERT ... VALUES (...), (...)) rather than a JDBC batch: a driver may
     * send a batch that returns generated keys one statement at a time, and the audit trail needs the keys.
     */
    private List<Long> insertedInRows(List<OrganisationDetails> all, Long importId, OffsetDateTime now) {
        List<Long> ids = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            List<OrganisationDetails> rows = all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT));
            String sql = INSERT_ROWS + String.join(", ", Collections.nCopies(rows.size(), VALUES_ROW));
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            template.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
                int at = 1;
                for (OrganisationDetails d : rows) {
                    int column = 0;
                    for (Object value : imported(d, importId, now).values()) {
                        statement.setObject(at++, value, INSERT_TYPES[column++]);
                    }
                }
                return statement;
            }, keys);
            keys.getKeyList().forEach(row -> ids.add(((Number) row.get(row.containsKey("id") ? "id" : "ID"))
                    .longValue()));
        }
        return ids;
    }

    /** Saves over the given version only; false when someone else saved first. */
    boolean update(long id, int expectedVersion, OrganisationDetails d) {
        Map<String, Object> params = params(d);
        params.put("modified_at", now());
        params.put("id", id);
        params.put("version", expectedVersion);
        if (!tally.updated(id, expectedVersion, d, () -> jdbc.sql(UPDATE).params(params).update() == 1)) {
            return false;
        }
        contactPeople.changed(id, d);
        return changed(id, true);
    }

    /** V155's row, locked until the transaction ends; missing, it fails rather than let a change go unlocked. */
    void lockReferrals() {
        jdbc.sql("SELECT id FROM referral_lock WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    /** A referral is part of the record, so it moves the version on like any other change. */
    void setReferrer(long id, Long referrerId) {
        jdbc.sql("UPDATE organisation SET referred_by_id = :referrer, version = version + 1, modified_at = :now "
                + "WHERE id = :id").param("referrer", referrerId).param("now", now()).param("id", id).update();
    }

    /**
     * Sets whether the given records are published, moving each one's version on so that someone
     * editing it meanwhile is told; only those whose choice differs are changed.
     *
     * @return the ids of the records changed
     */
    List<Long> setPublished(List<Long> ids, boolean publish) {
        List<Long> changing = jdbc.sql("SELECT id FROM organisation WHERE id IN (:ids) AND publish <> :publish "
                + "ORDER BY id").param("ids", ids).param("publish", publish).query(Long.class).list();
        if (!changing.isEmpty()) {
            tally.published(changing, publish, () -> jdbc.sql("UPDATE organisation SET publish = :publish, "
                    + "version = version + 1, modified_at = :now WHERE id IN (:ids)").param("publish", publish)
                    .param("now", now()).param("ids", changing).update());
        }
        return changing;
    }

    /** The ids of a search's matches after {@code afterId}, in id order, so a bulk change goes in chunks. */
    List<Long> matchingIds(OrganisationQuery query, long afterId, int limit) {
        Where where = where(query).and("id > :after");
        return jdbc.sql("SELECT id FROM organisation" + where.sql + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .params(where.params).param("after", afterId).query(Long.class).list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The next of an import's records after {@code afterId}, in id order, so a large import is undone in chunks. */
    List<Long> addedBy(long importId, long afterId, int limit) {
        return jdbc.sql("SELECT id FROM organisation WHERE import_id = :import AND id > :after ORDER BY id "
                + "FETCH FIRST " + limit + " ROWS ONLY").param("import", importId).param("after", afterId)
                .query(Long.class).list();
    }

    /**
     * The first of the records named as the referrer of a record the import did not add: undoing the
     * import would take that referral with it. (Saves since the import show in the audit trail.)
     */
    Optional<Long> firstChanged(long importId, List<Long> ids) {
        return jdbc.sql("SELECT o.id FROM organisation o WHERE o.id IN (:ids) AND EXISTS ("
                + "SELECT 1 FROM organisation r WHERE r.referred_by_id = o.id AND (r.import_id IS NULL "
                + "OR r.import_id <> :import)) ORDER BY o.id FETCH FIRST 1 ROWS ONLY")
                .param("ids", ids).param("import", importId).query(Long.class).optional();
    }

    void deleteAll(List<Long> ids) {
        tally.deleted(ids, null, () -> jdbc.sql("DELETE FROM organisation WHERE id IN (:ids)").param("ids", ids)
                .update() > 0);
        index.getObject().changed(ids);
    }

    boolean delete(long id, int expectedVersion) {
        return changed(id, tally.deleted(List.of(id), expectedVersion, () -> jdbc.sql(
                "DELETE FROM organisation WHERE id = :id AND version = :version")
                .param("id", id).param("version", expectedVersion).update() == 1));
    }

    private boolean changed(long id, boolean changed) {
        if (changed) {
            index.getObject().changed(List.of(id));
        }
        return changed;
    }

    /**
     * Every organisation with one of the texts in a text field, ignoring case, by name: what a
     * subject access request finds. A whole-table scan, which an administrator's rare search can afford.
     */
    List<Organisation> mentioning(List<String> texts) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            params.put("text" + i, LikePattern.containing(texts.get(i)));
            for (OrganisationField field : FIELDS) {
                if (field.holdsText()) {
                    any.add("LOWER(" + field.column() + ") LIKE :text" + i + LikePattern.ESCAPE);
                }
            }
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE " + String.join(" OR ", any)
                + " ORDER BY name_sort, id").params(params).query(ROW).list();
    }

    /** A stored record's name and match keys: enough to tell whether it matches, without its other fields. */
    record Keyed(long id, String name, Map<MatchKey, String> keys) {
    }

    /** The records holding one of the values under the key: one indexed lookup for a batch of values. */
    List<Keyed> withKey(MatchKey key, Collection<String> values) {
        return jdbc.sql("SELECT id, name, " + String.join(", ", MatchKey.COLUMNS) + " FROM organisation WHERE "
                        + key.column() + " IN (:values)")
                .param("values", values).query((rs, n) -> keyed(rs, "")).list();
    }

    List<Organisation> findAll(Collection<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id IN (:ids)").param("ids", ids)
                .query(ROW).list();
    }

    private static final String KEYED = "SELECT id, name, " + String.join(", ", MatchKey.COLUMNS) + " FROM organisation";

    /** The next records after {@code afterId}, in id order, with their keys. */
    List<Keyed> keyedAfter(long afterId, int limit) {
        return jdbc.sql(KEYED + " WHERE id > :after ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param("after", afterId).query((rs, n) -> keyed(rs, "")).list();
    }

    /** A record added after {@code earlier} that shares one of its keys: its id and name key. */
    record Later(long earlier, long id, String nameKey) {
    }

    /** The records with these ids, with their keys. */
    List<Keyed> keyed(Collection<Long> ids) {
        return jdbc.sql(KEYED + " WHERE id IN (:ids)").param("ids", ids).query((rs, n) -> keyed(rs, "")).list();
    }

    /**
     * For each record holding a value of the key, the first {@code most} records added after it
     * with the same value, each read from the key's index alone (V136 puts the name key in each) in
     * one statement for the lot: so a value
     * that hundreds of records share (a helpline's number) costs {@code most} rows, not hundreds.
     * Ordered by the key too, though it is one value: H2 2.4 reads the index in order only for an
     * ORDER BY of its own columns, and otherwise reads every record with the value and sorts them
     * (1,001 rows rather than 51 for a phone number shared by a thousand records).
     * The statement has one query for each of the records, whether it holds a value or not (those
     * that do not are asked for records after the last id there can be, and find none), and its
     * values are parameters: so its text is the same for every batch of a size, and H2 parses and
     * plans it once per connection rather than for each batch, which took longer than running it
     * (about 200 ms for 200 queries that found nothing, at a load of 10).
     */
    List<Later> laterWithKey(MatchKey key, List<Keyed> records, int most) {
        String value = records.stream().map(r -> r.keys().get(key)).filter(Objects::nonNull).findFirst().orElse(null);
        if (value == null) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (Keyed record : records) {
            String own = record.keys().get(key);
            int n = parts.size();
            parts.add("(SELECT CAST(:e" + n + " AS BIGINT) AS earlier_id, id, name_key FROM organisation WHERE " + key.column() + " = :v" + n + " AND id > :e" + n
                    + " ORDER BY " + key.column() + ", id FETCH FIRST " + most + " ROWS ONLY)");
            params.put("v" + n, own == null ? value : own);
            params.put("e" + n, own == null ? Long.MAX_VALUE : record.id());
        }
        return jdbc.sql(unionAll(parts)).params(params)
                .query((rs, n) -> new Later(rs.getLong("earlier_id"), rs.getLong("id"), rs.getString("name_key"))).list();
    }

    /**
     * The queries joined by UNION ALL as a balanced tree rather than a chain: H2 2.4 converts each
     * row again at every UNION above its query, so a chain of 200 costs a row 100 conversions on
     * average, and a tree 8 (at a million organisations, most of a duplicates page's time).
     */
    private static String unionAll(List<String> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        int half = queries.size() / 2;
        return "(" + unionAll(queries.subList(0, half)) + " UNION ALL " + unionAll(queries.subList(half, queries.size()))
                + ")";
    }

    private static Keyed keyed(ResultSet rs, String prefix) throws SQLException {
        Map<MatchKey, String> keys = new EnumMap<>(MatchKey.class);
        for (MatchKey key : MatchKey.values()) {
            String value = rs.getString(prefix + key.column());
            if (value != null) {
                keys.put(key, value);
            }
        }
        return new Keyed(rs.getLong(prefix + "id"), rs.getString(prefix + "name"), keys);
    }

    void lockSearchForErasure() {
        if (!h2) {
            words.lockList();
        }
    }

    void eraseFromSearch(List<String> texts) {
        if (h2) {
            index.getObject().purgeAfterCommit();
        } else {
            words.forget(texts);
        }
    }

    /**
     * From the tally: PostgreSQL counts every record for COUNT(*), 52 ms at a million, and the home page
     * and a search that finds nothing (is the register empty?) asked at every visit. The tally takes in
     * the records a transaction adds as it commits, so they are not counted inside it.
     */
    long count() {
        return jdbc.sql(OrganisationCounts.SUM_OF_TALLY).query(Long.class).single();
    }

    /** The search's words as the register holds them. */
    private SearchWords.Lookup lookup(OrganisationQuery query) {
        return words.lookup(query.text(), query.contactsHidden());
    }

    /** A page of a search and its total, exact or, past {@link #EXACT_COUNT} text matches on PostgreSQL, estimated. */
    record Found(List<Organisation> items, long total, boolean exact) {

        Found(List<Organisation> items, long total) {
            this(items, total, true);
        }
    }

    /**
     * On H2, one look in the search index where it can answer, then the page's rows by id; else SQL.
     * Without words, SQL answers where it can walk an index in the list's order, and the search index
     * where SQL would read and sort more than a few hundred matches, or join two indexes ({@link #joined}).
     */
    Found search(OrganisationQuery query) {
        Optional<SearchIndex.Hits> indexed = index.getObject().find(query);
        return indexed.map(this::found).orElseGet(() -> {
            SearchWords.Lookup lookup = lookup(query);
            Total counted = total(query, lookup);
            long total = counted.value();
            // A page past the end is empty: reading up to it would read every match for nothing.
            if (counted.exact() && query.offset() >= total) {
                return new Found(List.of(), total);
            }
            // Asked once: on H2 it may sum the tally for each index holding some of the filter's columns.
            Optional<NameWithin> within = within(query, total);
            Optional<SearchIndex.Hits> filtered = h2 && total > SORTED_IN_SQL
                    && (!walks(query, total, within) || joinedParts(query).size() > 1) && !readsByGroup(query)
                    ? index.getObject().filter(query) : Optional.empty();
            return filtered.map(this::found).orElseGet(() -> counted.exact()
                    ? new Found(page(query, total, query.size(), lookup, within), total)
                    : estimated(query, total, lookup, within));
        });
    }

    /**
     * Past this many matches of a text search, PostgreSQL's total is an estimate: counting exactly every
     * record holding a common word (110,000 of a million for "network") took about a second, while a
     * page of them reads only until it is full. H2's search index counts them all at once.
     */
    static final int EXACT_COUNT = 1_000;
    /** About how many records the estimate looks at: its error is then a few per cent of a common word's matches. */
    private static final int SAMPLED = 10_000;

    /**
     * The query's total: exact, or for a text search with more than {@link #EXACT_COUNT} matches on
     * PostgreSQL, an estimate. Under filters holding more than a thousand records by the tally, the
     * sample goes first, and where it is well past the exact count, on many of its pages, the thousand
     * are not counted: each of them joins its record for the filters, and a common word in one category
     * and status read 20,000 before a thousand met them (75 ms at a million, the sample 12 ms). Under
     * filters holding fewer, the matches are counted exactly, unsampled (the sample was 6 ms of a
     * search in a category of no records at a million). An estimate is kept a while ({@link EstimatedTotals}).
     */
    private Total total(OrganisationQuery query, SearchWords.Lookup lookup) {
        Where where = where(query);
        if (!where.searchesText || h2) {
            return new Total(count(query), true);
        }
        // A word whose marks count its records needs no other statement (WordMarks).
        Optional<WordMarks.Marked> marked = markedWord(query, lookup);
        if (marked.isPresent()) {
            return new Total(marked.get().records(), true);
        }
        long rows = jdbc.sql(OrganisationCounts.SUM_OF_TALLY).query(Long.class).single();
        // Read before the matches: a change ending while they are read counts again, and the total kept
        // under the count before it is not given after.
        EstimatedTotals.Key key = new EstimatedTotals.Key(where.sql, where.params, rows, tally.writes());
        OptionalLong kept = estimates.get(key);
        if (kept.isPresent()) {
            return new Total(kept.getAsLong(), false);
        }
        Sample sample = null;
        OrganisationQuery filtersAlone = query.withText(null);
        // The tally counts the filters alone: where they hold a thousand records or fewer, so do the matches.
        if (!where(filtersAlone).sql.isEmpty() && count(filtersAlone) > EXACT_COUNT) {
            sample = sample(where, rows);
            if (sample.wellPast(EXACT_COUNT)) {
                return estimate(key, sample.estimate(EXACT_COUNT + 1));
            }
        }
        long upTo = lookup.words().flatMap(searched -> countedFromWords(query, searched))
                .orElseGet(() -> jdbc.sql("SELECT COUNT(*) FROM (SELECT id FROM organisation" + where.sql
                        + " FETCH FIRST " + (EXACT_COUNT + 1) + " ROWS ONLY) m").params(where.params)
                        .query(Long.class).single());
        if (upTo <= EXACT_COUNT) {
            return new Total(upTo, true);
        }
        return estimate(key, (sample == null ? sample(where, rows) : sample).estimate(upTo));
    }

    private Total estimate(EstimatedTotals.Key key, long estimate) {
        estimates.put(key, estimate);
        return new Total(estimate, false);
    }

    /**
     * A text search's first thousand matches counted from the words of the search text, rather than by
     * reading records until a thousand hold them: 9 ms for "forum" in a million, and 0.5 from the words;
     * "network leicester" 27 ms, and 15 ms by leaps; "network" in one category and status, 70 ms and
     * more reading records, as most of a million records were read before a thousand held it and met
     * the filters. Empty when the leaps ran out first.
     */
    private Optional<Long> countedFromWords(OrganisationQuery query, SearchWords.Words searched) {
        Where rest = where(query.withText(searched.others()));
        String condition = rest.clauses();
        if (searched.terms().size() > 1) {
            return words.leapCount(searched, condition, rest.params, EXACT_COUNT + 1);
        }
        SearchWords.Term term = searched.terms().get(0);
        if (condition == null) {
            return Optional.of(words.held(term, EXACT_COUNT + 1));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String ids = termIds(term, query.withText(searched.others()), " ASC", params, 0, EXACT_COUNT + 1);
        return Optional.of(jdbc.sql("SELECT COUNT(*) FROM (" + ids + ") m").params(params).query(Long.class).single());
    }

    private record Total(long value, boolean exact) {
    }

    /** A sample of the table's pages, the same each time, so the same search gives the same estimate. */
    private Sample sample(Where where, long rows) {
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("percent", Math.min(100.0, 100.0 * SAMPLED / Math.max(rows, 1)));
        // A row's page is the first half of its ctid; PostgreSQL's alone, as is this path.
        return jdbc.sql("SELECT COUNT(*), COUNT(CASE WHEN " + where.condition() + " THEN 1 END), "
                + "COUNT(DISTINCT CASE WHEN " + where.condition() + " THEN (ctid::text::point)[0] END) "
                + "FROM organisation TABLESAMPLE SYSTEM (CAST(:percent AS REAL)) REPEATABLE (2007)").params(params)
                .query((rs, n) -> new Sample(rows, rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * Pages of the sample holding a match, before its estimate alone is taken. The sample is of whole
     * pages, and an import's records lie together: 40 matches on two pages may be all there are.
     */
    static final int SURE_PAGES = 20;

    /** How many records a sample holds, how many of them match, and on how many of its pages. */
    record Sample(long rows, long sampled, long matched, long matchedPages) {

        /** The share of the sample that matches, times the register's size, to two significant figures. */
        long estimate(long atLeast) {
            long estimate = sampled == 0 ? atLeast : Math.round((double) matched * rows / sampled);
            return twoFigures(Math.max(estimate, atLeast));
        }

        /** Whether the estimate is surely past the count: matches spread over many pages, three times over it. */
        boolean wellPast(long count) {
            return matchedPages >= SURE_PAGES && estimate(0) >= 3 * count;
        }
    }

    static long twoFigures(long n) {
        long scale = 1;
        while (n / scale >= 100) {
            scale *= 10;
        }
        return Math.round((double) n / scale) * scale;
    }

    /**
     * A page under an estimated total, read with one record more, tells the truth where it can: without
     * that record, the page ends the matches and gives their exact total; with it, the total is at
     * least the records up to it, so the page links on to the next.
     */
    private Found estimated(OrganisationQuery query, long estimate, SearchWords.Lookup lookup,
            Optional<NameWithin> within) {
        List<Organisation> items = page(query, estimate, query.size() + 1, lookup, within);
        if (items.size() > query.size()) {
            return new Found(items.subList(0, query.size()), Math.max(estimate, query.offset() + items.size()), false);
        }
        // Past the end, the page alone cannot tell where the end is: only then are all matches counted.
        return new Found(items, items.isEmpty() && query.offset() > 0 ? count(query) : query.offset() + items.size());
    }

    /** Matches SQL reads and sorts whole, at most, when it cannot walk an index in the list's order. */
    static final long SORTED_IN_SQL = 500;

    private Found found(SearchIndex.Hits hits) {
        return new Found(inOrder(hits.ids()), hits.total());
    }

    /** The rows of these ids, in their order. */
    private List<Organisation> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Organisation> byId = new HashMap<>();
        findAll(ids).forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * A page of the list, whose matches number {@code total}. A column that may be empty sorts its empty
     * records last in either direction, read as two parts, each in the order of an index: the records
     * holding a value, then those without, by id. (One ORDER BY putting nulls last made both databases
     * sort every match.) The {@code size} records from the page's first.
     */
    private List<Organisation> page(OrganisationQuery query, long total, int size, SearchWords.Lookup lookup,
            Optional<NameWithin> within) {
        Optional<List<Organisation>> positioned = (h2 ? positioned(query, size).or(() -> joined(query, total, size))
                : marked(query, total, size).or(() -> merged(query, total, size))).or(() -> grouped(query, size))
                .or(() -> groupedByWord(query, total, size, lookup));
        if (positioned.isPresent()) {
            return positioned.get();
        }
        if (nearerTheEnd(query, total, size)) {
            return fromTheEnd(query, total, size, within);
        }
        List<Organisation> items = run(firstPart(query, total, size, lookup, within));
        if (!query.sort().nullable() || items.size() == size) {
            return items;
        }
        // Past the last record holding a value: how far past it the page starts is known only from their count.
        long intoEmpty = items.isEmpty() && query.offset() > 0 ? query.offset() - count(holding(query)) : 0;
        List<Organisation> page = new ArrayList<>(items);
        page.addAll(run(emptyPart(query, intoEmpty, size - items.size())));
        return page;
    }

    /**
     * Whether a page lies nearer the end of the matches than their start, in a list whose total is exact
     * and whose order is one index's: every record holds a value to sort by, and no text is searched
     * (which reads its pages another way).
     */
    private boolean nearerTheEnd(OrganisationQuery query, long total, int size) {
        return !query.sort().nullable() && !where(query).searchesText && query.offset() < total
                && total - query.offset() - size < query.offset();
    }

    /**
     * The page read in the opposite order from the other end, then turned round: both databases skip an
     * offset entry by entry, and walk an index from its end as readily as from its start, so the last page
     * of a million by name passes 25 entries rather than 999,975.
     */
    private List<Organisation> fromTheEnd(OrganisationQuery query, long total, int size, Optional<NameWithin> within) {
        OrganisationQuery reversed = query.reversed();
        int wanted = (int) Math.min(size, total - query.offset());
        List<Organisation> items = new ArrayList<>(run(page(where(reversed), orderBy(reversed, within),
                total - query.offset() - wanted, wanted, from(query, total, within))));
        Collections.reverse(items);
        return items;
    }

    /**
     * On H2, a deep page of a list read in one index's order: every record by any column, or those of a
     * status, an area or both, or of a category, by name (NameWithin). The page's first entry is found
     * from the counts H2's B-tree keeps (IndexPositions), and the page read on from it by its key, where OFFSET stepped through
     * every entry before it (100 ms at the median for page 20,000 of a million by name, 67 ms for page
     * 12,000 of the 600,000 interviewed). In a column that may be empty, the records without a value
     * follow those holding one, by id, and are positioned alike.
     */
    private Optional<List<Organisation>> positioned(OrganisationQuery query, int size) {
        Where where = where(query);
        Optional<NameWithin> within = exactly(query);
        // IndexPositions finds a fixed value, not the records without one, as the unclassified are.
        if (query.offset() < DEEP_OFFSET || where.searchesText || query.unclassified()
                || within.isEmpty() && !where.sql.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        within.ifPresent(w -> w.columns().forEach(column -> fixed.put(column, where.params.get(column))));
        return positions.start(new IndexPositions.Part(positionedIndex(query), fixed, query.sort().column()),
                query.offset(), query.descending()).map(start -> {
                    List<Organisation> page = new ArrayList<>();
                    for (Statement part : positionedParts(query, start)) {
                        if (page.size() == size) {
                            break;
                        }
                        Map<String, Object> params = new LinkedHashMap<>(part.params());
                        params.put("size", size - page.size());
                        page.addAll(run(new Statement(part.sql(), params)));
                    }
                    return page;
                });
    }

    /**
     * On PostgreSQL, a deep page of a list read in one index's order, from where the marks say it starts
     * (OrderMarks), where OFFSET stepped past every record before it (65 to 90 ms for page 20,000 of a
     * million by name): every record by name, or by status, area, category or interview date, or those
     * of one status, area or category by name, or ticked in one tick box. In a sorted column that may be
     * empty, the records without a value follow, by id in the list's direction, from an order of their
     * own. A descending page is read as the ascending one as far from its order's end, so it must not
     * reach past the first record, where a page nearer the end is read from there anyway.
     */
    private Optional<List<Organisation>> marked(OrganisationQuery query, long total, int size) {
        Optional<OrderMarks.Span> span = query.offset() < DEEP_OFFSET ? Optional.empty() : span(query);
        if (span.isEmpty() || !marks.usable()) {
            return Optional.empty();
        }
        Optional<OrderMarks.Ordering> none = span.get().value() == null ? span.get().ordering().none() : Optional.empty();
        long held = none.isPresent() ? marks.records(span.get().ordering()) : total;
        if (none.isEmpty() && query.descending() && query.offset() + size > held) {
            return Optional.empty();
        }
        List<Organisation> page = new ArrayList<>();
        if (query.offset() < held) {
            page.addAll(marked(span.get(), query.descending(), query.offset(), (int) Math.min(size, held - query.offset())));
        }
        long intoNone = Math.max(query.offset() - held, 0);
        if (none.isPresent() && page.size() < size && intoNone < total - held) {
            page.addAll(marked(new OrderMarks.Span(none.get(), null), query.descending(), intoNone,
                    (int) Math.min(size - page.size(), total - held - intoNone)));
        }
        return Optional.of(page);
    }

    private List<Organisation> marked(OrderMarks.Span span, boolean descending, long offset, int size) {
        List<Organisation> page = new ArrayList<>(run(marks.page(COLUMNS, span, descending, offset, size)));
        if (descending) {
            Collections.reverse(page);
        }
        return page;
    }

    /**
     * On PostgreSQL, a deep page by name within two filters that no one index holds in name order but
     * each has an index of its own in it (a category; an area; a status; a status and an area; a
     * ticked box): the two indexes read side by side and joined on the name and id as they go, each
     * entry read from the index alone, so that the page passes the entries before it in the two
     * indexes rather than fetching and sorting every match (a bitmap of both filters, then each match's
     * row: 125 to 628 ms for a page in the middle of one category's records in one area, or its listed,
     * at a million). Where one filter is a group (a category, an area, a status), its name index alone
     * is walked instead, the other filter tested from the columns it holds beside each entry (V172 to
     * V174). A page nearer the end is read from there, as {@link #fromTheEnd} does.
     */
    private Optional<List<Organisation>> merged(OrganisationQuery query, long total, int size) {
        return mergedIds(query, total, size).map(ids -> {
            List<Organisation> page = new ArrayList<>(serially(ids));
            if (nearerTheEnd(query, total, size)) {
                Collections.reverse(page);
            }
            return page;
        });
    }

    /**
     * On H2, a deep page by name within two or more filters, each of whose records an index holds in
     * name order after its columns (a category or the unclassified; a status, an area, or both; a tick
     * box, ticked or not): those indexes' entries read side by side from their trees and joined as they
     * go (IndexPositions), then the page's rows by id. A page nearer the end is read from there. The
     * search index answers first whenever it holds every change: the join passes every entry before the
     * page in each index (at a million, 163 to 228 ms for the middle of the 200,000 interviewed keen for
     * follow-up, against 2.6 s by SQL), where the search index reads only the matches.
     */
    Optional<List<Organisation>> joined(OrganisationQuery query, long total, int size) {
        List<IndexPositions.Part> parts = joinedParts(query);
        if (parts.size() < 2) {
            return Optional.empty();
        }
        boolean fromTheEnd = nearerTheEnd(query, total, size);
        int wanted = fromTheEnd ? (int) Math.min(size, total - query.offset()) : size;
        long position = fromTheEnd ? total - query.offset() - wanted : query.offset();
        return positions.common(parts, position, wanted, query.descending() != fromTheEnd).map(ids -> {
            List<Long> inListOrder = new ArrayList<>(ids);
            if (fromTheEnd) {
                Collections.reverse(inListOrder);
            }
            return inOrder(inListOrder);
        });
    }

    /** The index parts {@link #joined} reads for a deep page on H2; fewer than two where it does not. */
    private List<IndexPositions.Part> joinedParts(OrganisationQuery query) {
        if (!h2 || query.offset() < DEEP_OFFSET) {
            return List.of();
        }
        List<NameWithin> indexes = new ArrayList<>(NameWithin.holdingSome(query));
        if (indexes.contains(NameWithin.STATUS_AND_AREA)) {
            indexes.removeAll(List.of(NameWithin.STATUS, NameWithin.AREA));
        }
        Map<String, Object> params = where(query).params;
        return indexes.stream().map(within -> {
            // The unclassified are held under no category, which the parameters leave out.
            Map<String, Object> fixed = new LinkedHashMap<>();
            within.columns().forEach(column -> fixed.put(column, params.get(column)));
            return new IndexPositions.Part(within.index(), fixed, query.sort().column());
        }).toList();
    }

    /**
     * A statement whose plan reads two indexes side by side: left to itself, the planner chose parallel
     * workers that hashed both sides whole (270 to 1,760 ms), or read the table (670 ms), where one
     * process reads them in order.
     */
    private List<Organisation> serially(Statement statement) {
        jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
        List<Organisation> rows = run(statement);
        jdbc.sql("SET LOCAL max_parallel_workers_per_gather TO DEFAULT").update();
        return rows;
    }

    /**
     * A deep page sorted by status, area or category (then by id) within filters the tally counts (any
     * but free text), where OFFSET fetched and sorted every match (on PostgreSQL 0.2 to 1.1 s in the
     * middle of a tick box's records or the interviewed by area at a million; on H2 8.3 s for the
     * interviewed by area). The tally says how many of the matches hold each sorted value, so the page
     * starts at a known count into one value's records (those without one last, in either direction, as
     * the list has them), which are read by id from there: on H2, within one filter on status, area or
     * category, from the pair's index (V167), positioned from its tree; otherwise from the block of ids
     * the block tally (V168) puts that count in. Sorted by interview date, the groups are the dates the
     * date tally (V169) counts, each date's records read by id through the date's index, and the
     * undated last, by block. On PostgreSQL an early page within any filters the tally counts is read
     * group by group too ({@link #earlyByGroup}). Empty where it cannot be read so: no such list, or
     * H2's tree not settled (IndexPositions).
     */
    Optional<List<Organisation>> grouped(OrganisationQuery query, int size) {
        boolean early = earlyByGroup(query);
        if (!early && !readsByGroup(query)) {
            return Optional.empty();
        }
        Optional<String> paired = h2 ? groupedFilter(query) : Optional.empty();
        List<Group> groups = groups(query);
        if (query.offset() >= groups.stream().mapToLong(Group::records).sum()) {
            return Optional.empty();
        }
        return across(groups, Group::records, query.offset(), size, (group, skip, wanted) ->
                early ? Optional.of(run(groupPage(query, group.value(), skip, wanted)))
                        : byDate(query) && group.value() != null ? Optional.of(run(datePage(query, group.value(), skip, wanted)))
                        : paired.isPresent() ? positionedGroup(query, paired.get(), (String) group.value(), skip, wanted)
                        : Optional.of(blockedGroup(query, (String) group.value(), skip, wanted)));
    }

    /**
     * On PostgreSQL, a deep page of one searched word's matches sorted by status, area, category or
     * interview date (then by id), within filters of category, area and status alone, read from the
     * words' entries, which hold those columns (V175): the matches counted by the sorted column's values,
     * then the page's value's (or values') read by id from its count on. OFFSET read and sorted every
     * match's record: the middle of "forum" (100,000 of a million) took 312 to 364 ms. A searched word
     * that is part of several of the register's words, past {@link #GROUPED_BY_WORD_MOST} matches, is
     * read as before too, as is any other list.
     */
    Optional<List<Organisation>> groupedByWord(OrganisationQuery query, long total) {
        return groupedByWord(query, total, query.size(), lookup(query));
    }

    /**
     * Past this many matches of a searched word that is part of several of the register's words, counting
     * each record once by group is slower than sorting the matches whole: "oun", part of four words that
     * together are in every record of a million, took 0.9 to 1.3 s to count by status, and its middle page
     * 0.2 to 1.1 s sorted whole. One word alone counts without that (in every record: 90 ms to count by
     * status and 95 ms for the page's ids, against 220 to 305 ms sorted whole).
     */
    static final long GROUPED_BY_WORD_MOST = 200_000;

    private Optional<List<Organisation>> groupedByWord(OrganisationQuery query, long total, int size,
            SearchWords.Lookup lookup) {
        if (h2 || query.offset() < DEEP_OFFSET || !(sortedByGroup(query) || byDate(query)) || !searches(query)
                || !otherFilters(query.withText(null)).sql.isEmpty()) {
            return Optional.empty();
        }
        return markedGroups(query, lookup).flatMap(marked -> byMarkedGroups(query, marked, size))
                .or(() -> lookup.words().flatMap(SearchWords.Words::alone)
                        .filter(term -> term.words().size() == 1 || !term.words().isEmpty() && total <= GROUPED_BY_WORD_MOST)
                        .flatMap(term -> byWordGroups(query, term, size)));
    }

    /**
     * A common word searched alone, with no filters, sorted by category, area or status, whose groups'
     * marks place a page (WordGroupMarks): the word, with no other word of the register it is part of.
     */
    private Optional<WordMarks.Marked> markedGroups(OrganisationQuery query, SearchWords.Lookup lookup) {
        return WordGroupMarks.groups(query.sort().column())
                ? markedWord(query, lookup).filter(marked -> marked.others().isEmpty()) : Optional.empty();
    }

    /**
     * The word's records counted by group from the groups' marks, and the page's group's read from the
     * last mark before it, a descending page as the ascending one as far from the group's end.
     */
    private Optional<List<Organisation>> byMarkedGroups(OrganisationQuery query, WordMarks.Marked marked, int size) {
        String sorted = query.sort().column();
        Map<String, Object> params = new LinkedHashMap<>();
        return byCountedGroups(query, size, WordGroupMarks.counted(marked, sorted, params) + " ORDER BY value", params,
                (group, skip, wanted, inGroup) -> {
                    long from = query.descending() ? group.records() - skip - wanted : skip;
                    long reading = wanted + Math.min(from, 0);
                    if (reading <= 0) {
                        return Optional.empty();
                    }
                    inGroup.put("position", Math.max(from, 0));
                    inGroup.put("size", reading);
                    return Optional.of(WordGroupMarks.ids(marked, sorted, group.value(), inGroup));
                });
    }

    private Optional<List<Organisation>> byWordGroups(OrganisationQuery query, SearchWords.Term term, int size) {
        String sorted = query.sort().column();
        Where beside = groupFilters(query);
        Map<String, Object> params = new LinkedHashMap<>(beside.params);
        return byCountedGroups(query, size, SearchWords.counted(term, sorted, beside.clauses(), params) + " ORDER BY "
                + sorted, params, (group, skip, wanted, inGroup) -> {
                    inGroup.put("skip", skip);
                    inGroup.put("size", wanted);
                    return Optional.of(SearchWords.idsBeside(term, beside.and(holdingValue(sorted, group.value()))
                            .condition(), direction(query), inGroup));
                });
    }

    /** The ids of a group's part of a page, for an {@code IN}, with its parameters put in; empty for none. */
    private interface GroupIds {
        Optional<String> ids(Group group, long skip, int wanted, Map<String, Object> inGroup);
    }

    /**
     * A page across groups a statement counts (a value and its records, ordered but for the direction),
     * each group it reaches read by the ids it gives, with the group's value as {@code :sortedValue}.
     */
    private Optional<List<Organisation>> byCountedGroups(OrganisationQuery query, int size, String counted,
            Map<String, Object> params, GroupIds groupIds) {
        List<Group> groups = valuedFirst(jdbc.sql(counted + direction(query)).params(params)
                .query((rs, row) -> new Group(rs.getObject(1), rs.getLong(2))).list());
        return across(groups, Group::records, query.offset(), size, (group, skip, wanted) -> {
            Map<String, Object> inGroup = new LinkedHashMap<>(params);
            inGroup.put("sortedValue", group.value());
            return Optional.of(groupIds.ids(group, skip, wanted, inGroup)
                    .map(ids -> run(new Statement("SELECT " + COLUMNS + " FROM organisation WHERE id IN (" + ids + ")"
                            + byId(query), inGroup)))
                    .orElse(List.of()));
        });
    }

    /** Reads what a part holds of a page: {@code wanted} records from {@code skip} into it, or empty where it cannot. */
    private interface PartPage<P> {
        Optional<List<Organisation>> read(P part, long skip, int wanted);
    }

    /**
     * A page across counted parts in the list's order (groups, or blocks of ids): from {@code skip} into
     * them, each part it reaches read from its own count on, until the page has {@code size} records.
     * Empty if any part cannot be read.
     */
    private static <P> Optional<List<Organisation>> across(List<P> parts, ToLongFunction<P> records, long skip, int size,
            PartPage<P> reader) {
        List<Organisation> page = new ArrayList<>();
        long left = skip;
        for (P part : parts) {
            if (page.size() == size) {
                break;
            }
            if (left >= records.applyAsLong(part)) {
                left -= records.applyAsLong(part);
                continue;
            }
            Optional<List<Organisation>> read = reader.read(part, left, size - page.size());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            page.addAll(read.get());
            left = 0;
        }
        return Optional.of(page);
    }

    /**
     * Whether {@link #grouped} reads the page: deep, sorted by a group or by interview date, no text
     * searched (on H2 before its search index would).
     */
    private static boolean readsByGroup(OrganisationQuery query) {
        return query.offset() >= DEEP_OFFSET && (sortedByGroup(query) || byDate(query)) && !where(query).searchesText;
    }

    private static boolean byDate(OrganisationQuery query) {
        return query.sort() == OrganisationQuery.Sort.INTERVIEW_DATE;
    }

    /**
     * Whether {@link #grouped} reads an early page on PostgreSQL, sorted by status, area or category within
     * filters the tally counts (any but free text), by the groups the tally says hold some: the planner
     * walked the sorted column's index past every record of the groups that hold none (286 to 454 ms
     * for the first page of the keen for follow-up by status at a million, all of them interviewed).
     */
    private boolean earlyByGroup(OrganisationQuery query) {
        Where where = where(query);
        String sorted = query.sort().column();
        boolean sortedFiltered = where.params.containsKey(sorted) || query.unclassified() && "category".equals(sorted);
        return !h2 && query.offset() < DEEP_OFFSET && sortedByGroup(query) && !where.searchesText && !where.sql.isEmpty()
                && !sortedFiltered;
    }

    private static boolean sortedByGroup(OrganisationQuery query) {
        return query.sort() == OrganisationQuery.Sort.STATUS || query.sort() == OrganisationQuery.Sort.AREA
                || query.sort() == OrganisationQuery.Sort.CATEGORY;
    }

    /**
     * One interview date's matches, by id, from {@code skip} on: their ids first, which PostgreSQL reads
     * from V171's index of the dated with the filter's columns alone, then only the page's rows.
     */
    static Statement datePage(OrganisationQuery query, Object date, long skip, int size) {
        Where where = where(query).and("interview_date = :date");
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("date", date);
        params.put("skip", skip);
        params.put("size", size);
        return new Statement("SELECT " + COLUMNS + " FROM organisation WHERE id IN (SELECT id FROM organisation"
                + where.sql + byId(query) + " OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY)" + byId(query), params);
    }

    /** The filter's records of one sorted value (or none), by id, from {@code skip} on. */
    private static Statement groupPage(OrganisationQuery query, Object value, long skip, int size) {
        Where where = where(query).and(holdingValue(query.sort().column(), value));
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("sortedValue", value);
        params.put("skip", skip);
        params.put("size", size);
        return new Statement("SELECT " + COLUMNS + " FROM organisation" + where.sql + byId(query)
                + " OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY", params);
    }

    /** The condition that a column holds the group's value, bound as {@code :sortedValue}, or none. */
    private static String holdingValue(String column, Object value) {
        return column + (value == null ? " IS NULL" : " = :sortedValue");
    }

    /** A value of the sorted column (null for none), and how many of the filter's records hold it. */
    private record Group(Object value, long records) {
    }

    /**
     * The filter's records counted by the sorted column's values, in the list's order: from the tally,
     * or for interview dates from the date tally (V169), the undated from the block tally (V168).
     */
    private List<Group> groups(OrganisationQuery query) {
        String sorted = query.sort().column();
        Where where = where(query);
        String collated = h2 || byDate(query) ? "" : " COLLATE \"C\"";
        List<Group> groups = new ArrayList<>(jdbc.sql("SELECT " + sorted + ", SUM(organisations) FROM "
                + (byDate(query) ? "organisation_date_tally" : "organisation_tally") + where.sql + " GROUP BY " + sorted
                + " ORDER BY " + sorted + collated + direction(query)).params(where.params)
                .query((rs, row) -> new Group(rs.getObject(1), rs.getLong(2))).list());
        if (byDate(query)) {
            groups.add(new Group(null, jdbc.sql("SELECT COALESCE(SUM(organisations), 0) FROM organisation_block_tally"
                    + where.and("dated = FALSE").sql).params(where.params).query(Long.class).single()));
        }
        return valuedFirst(groups);
    }

    /** The groups in the list's order: as given, but the records without a value last, in either direction. */
    private static List<Group> valuedFirst(List<Group> groups) {
        List<Group> ordered = new ArrayList<>(groups);
        // Stable: only the records without a value move, to the end.
        ordered.sort(Comparator.comparing(group -> group.value() == null));
        return ordered;
    }

    /**
     * The filter's records of one sorted value (or none), by id, from {@code skip} on: the block tally
     * (V168) counts them by block of ids, so the page's first lies in the block where the counts pass
     * {@code skip}, and only that block's records are read (and the blocks after it, as far as the page
     * reaches into them).
     */
    private List<Organisation> blockedGroup(OrganisationQuery query, String value, long skip, int size) {
        Where where = where(query).and(holdingValue(query.sort().column(), value));
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("sortedValue", value);
        String direction = direction(query);
        // The block tally counts whether a record has a date, not the date.
        String tallied = byDate(query) ? where(query).and("dated = FALSE").sql : where.sql;
        List<Block> blocks = jdbc.sql("SELECT block, SUM(organisations) FROM organisation_block_tally" + tallied
                        + " GROUP BY block HAVING SUM(organisations) > 0 ORDER BY block" + direction)
                .params(params).query((rs, row) -> new Block(rs.getLong(1), rs.getLong(2))).list();
        return across(blocks, Block::records, skip, size, (block, left, wanted) -> {
            long first = block.number() * OrganisationTally.BLOCK;
            Map<String, Object> inBlock = new LinkedHashMap<>(params);
            inBlock.put("first", first);
            inBlock.put("next", first + OrganisationTally.BLOCK);
            inBlock.put("skip", left);
            inBlock.put("size", wanted);
            return Optional.of(run(new Statement("SELECT " + COLUMNS + " FROM organisation"
                    + where.and("id >= :first AND id < :next").sql + byId(query)
                    + " OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY", inBlock)));
        }).orElseThrow();
    }

    /** A block of ids, and how many records of a group it holds. */
    private record Block(long number, long records) {
    }

    /**
     * On H2, the records of one sorted value (or none) within the filter, by id, from {@code skip} on:
     * the first found in the pair's index's tree, the rest read on from it in the index's order.
     */
    private Optional<List<Organisation>> positionedGroup(OrganisationQuery query, String filter, String value,
            long skip, int size) {
        String sorted = query.sort().column();
        List<String> pair = Stream.of("status", "area", "category").filter(c -> c.equals(filter) || c.equals(sorted)).toList();
        String index = "organisation_" + pair.get(0) + "_" + pair.get(1) + "_order";
        Map<String, Object> fixed = new LinkedHashMap<>();
        Where where = where(query);
        pair.forEach(column -> fixed.put(column, column.equals(sorted) ? value : where.params.get(filter)));
        String direction = direction(query);
        return positions.start(new IndexPositions.Part(index, fixed, null), skip, query.descending()).map(start -> {
            Map<String, Object> params = new LinkedHashMap<>(where.params);
            params.put("sortedValue", value);
            params.put("firstId", start.id());
            params.put("size", size);
            return run(new Statement("SELECT " + COLUMNS + " FROM organisation USE INDEX (" + index + ")"
                    + where.and(holdingValue(sorted, value) + " AND id " + (query.descending() ? "<" : ">") + "= :firstId").sql
                    + " ORDER BY " + pair.get(0) + direction + ", " + pair.get(1) + direction + ", id" + direction
                    + " FETCH FIRST :size ROWS ONLY", params));
        });
    }

    /**
     * The one filter of a list sorted by status, area or category, when it is a status, an area or a
     * category other than the sorted column, whose pair with it H2 indexes by id (V167); empty otherwise.
     */
    private static Optional<String> groupedFilter(OrganisationQuery query) {
        List<String> filters = new ArrayList<>();
        if (query.category() != null) {
            filters.add("category");
        }
        if (query.area() != null) {
            filters.add("area");
        }
        if (query.status() != null) {
            filters.add("status");
        }
        boolean others = where(query).searchesText || query.unclassified() || Stream.of(query.fullInterview(),
                query.followUp(), query.cypBoard(), query.wellInformed()).anyMatch(Objects::nonNull);
        return sortedByGroup(query) && !others && filters.size() == 1 && !filters.get(0).equals(query.sort().column())
                ? Optional.of(filters.get(0)) : Optional.empty();
    }

    /**
     * The page's statement when {@link #merged} reads it: the ids from one group's name index, or from two
     * indexes side by side, then their rows.
     */
    Optional<Statement> mergedIds(OrganisationQuery query, long total, int size) {
        List<Side> sides = h2 || query.offset() < DEEP_OFFSET ? List.of() : mergedSides(query);
        if (sides.size() != 2) {
            return Optional.empty();
        }
        boolean fromTheEnd = nearerTheEnd(query, total, size);
        int wanted = fromTheEnd ? (int) Math.min(size, total - query.offset()) : size;
        long offset = fromTheEnd ? total - query.offset() - wanted : query.offset();
        String direction = direction(fromTheEnd ? query.reversed() : query);
        Map<String, Object> params = new LinkedHashMap<>(where(query).params);
        params.put("offset", offset);
        params.put("size", wanted);
        Optional<Side> group = sides.stream().filter(Side::group).findFirst();
        String ids = group.map(walked -> "SELECT a.name_sort, a.id FROM organisation a WHERE " + walked.on("a")
                        + sides.stream().filter(side -> side != walked).map(side -> " AND " + testedBeside(side))
                                .collect(Collectors.joining()))
                .orElseGet(() -> "SELECT a.name_sort, a.id FROM organisation a JOIN organisation b ON b.name_sort = "
                        + "a.name_sort AND b.id = a.id WHERE " + sides.get(0).on("a") + " AND " + sides.get(1).on("b"));
        // Each row read by its id, in the ids' order, as OrderMarks reads a page.
        return Optional.of(new Statement("SELECT o.* FROM (" + ids
                + " ORDER BY a.name_sort" + direction + ", a.id" + direction
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY) p CROSS JOIN LATERAL (SELECT " + COLUMNS
                + " FROM organisation WHERE id = p.id) o ORDER BY p.name_sort" + direction + ", p.id" + direction,
                params));
    }

    /** The unclassified's side, tested beside a group as the category empty, its partial index's condition unmatched. */
    private static final String UNCLASSIFIED = "@category IS NULL";

    /**
     * One side of a list merged from two indexes in name order: its condition (with @ for the table), and
     * whether it is a category, an area or a status alone, whose name index holds the other filters. (A
     * status and an area together are read from V91's index, which holds none.)
     */
    private record Side(String condition, boolean group) {

        static Side group(String condition) {
            return new Side(condition, true);
        }

        static Side other(String condition) {
            return new Side(condition, false);
        }

        String on(String table) {
            return condition.replace("@", table + ".");
        }
    }

    /**
     * Another side (a group, a ticked box, the unclassified), written so that no index's key or partial
     * index matches it: tested from the columns a group's name index holds beside each entry (V172 to
     * V174), so that index alone is walked, passing fewer entries than the two joined side by side (the
     * middle of one category's interviewed at a million, 11 to 20 ms against 78 ms by EXPLAIN ANALYZE),
     * rather than the box's own index with each of its records read from the table.
     */
    private static String testedBeside(Side side) {
        return side.condition().equals(UNCLASSIFIED) ? "COALESCE(a.category, '') = ''"
                : "COALESCE(" + side.on("a") + ", FALSE)";
    }

    /**
     * The conditions (with @ for the table) each read from an index in name order after its columns, for
     * a list by name filtered by nothing else; empty when any filter has no such index (free text, a box
     * not ticked). A ticked box, or the unclassified, is named as its partial index's condition (V160,
     * V170), not as a parameter, which a generic plan could not match to it.
     */
    private static List<Side> mergedSides(OrganisationQuery query) {
        boolean unindexed = query.sort() != OrganisationQuery.Sort.NAME || where(query).searchesText
                || Stream.of(query.fullInterview(), query.followUp(), query.cypBoard(), query.wellInformed())
                        .anyMatch(Boolean.FALSE::equals);
        if (unindexed) {
            return List.of();
        }
        List<Side> sides = new ArrayList<>();
        if (query.unclassified()) {
            sides.add(Side.other(UNCLASSIFIED));
        } else if (query.category() != null) {
            sides.add(Side.group("@category = :category"));
        }
        if (query.status() != null && query.area() != null) {
            sides.add(Side.other("@status = :status AND @area = :area"));
        } else if (query.status() != null) {
            sides.add(Side.group("@status = :status"));
        } else if (query.area() != null) {
            sides.add(Side.group("@area = :area"));
        }
        Map<String, Boolean> boxes = new LinkedHashMap<>();
        boxes.put(FULL_INTERVIEW.column(), query.fullInterview());
        boxes.put(FOLLOW_UP.column(), query.followUp());
        boxes.put(CYP_BOARD.column(), query.cypBoard());
        boxes.put(WELL_INFORMED.column(), query.wellInformed());
        boxes.forEach((column, ticked) -> {
            if (ticked != null) {
                sides.add(Side.other("@" + column));
            }
        });
        return sides;
    }

    /** The order a list is read in and where in it, if marks are kept for it. */
    private static Optional<OrderMarks.Span> span(OrganisationQuery query) {
        Where where = where(query);
        if (where.searchesText || query.unclassified()) {
            return Optional.empty();
        }
        if (where.sql.isEmpty()) {
            return Optional.of(new OrderMarks.Span(OrderMarks.Ordering.sortedBy(query.sort()), null));
        }
        if (query.status() == OutreachStatus.INTERVIEWED && NameWithin.dated(query).isPresent()) {
            return Optional.of(new OrderMarks.Span(OrderMarks.Ordering.INTERVIEWED_DATE, null));
        }
        Optional<OrderMarks.Ordering> boxed = onlyTheBox(query);
        if (boxed.isPresent()) {
            return Optional.of(new OrderMarks.Span(boxed.get(), null));
        }
        return NameWithin.of(query).filter(w -> w.columns().size() == 1).map(w -> w.columns().get(0))
                .map(column -> new OrderMarks.Span(OrderMarks.Ordering.byName(column), (String) where.params.get(column)));
    }

    /** The order of the one tick box's ticked or unticked records that a list by name is filtered to, with no other filter. */
    private static Optional<OrderMarks.Ordering> onlyTheBox(OrganisationQuery query) {
        Map<String, Object> params = where(query).params;
        return NameWithin.ticked(query).map(box -> box.columns().get(0))
                .map(column -> OrderMarks.Ordering.boxed(column, (Boolean) params.get(column)));
    }

    private String positionedIndex(OrganisationQuery query) {
        return exactly(query).map(NameWithin::index).orElseGet(() -> sortIndex(query.sort()));
    }

    /**
     * The statements a positioned page reads in turn, each while the page is short (its {@code size} set
     * then): for a first record holding a value, the records tied with it from it on by id, then from the
     * next value on, which the tree gives, as H2 starts a range at a row value's first column alone and
     * would pass every other record holding the first value (a status's hundreds of thousands); then, in a
     * column that may be empty, those without one. Each is ordered by the sorted column even among
     * records without a value in it, or H2 sorted every one of them rather than read the index in order
     * (1.1 s for 25 of 500,000).
     */
    List<Statement> positionedParts(OrganisationQuery query, IndexPositions.Start start) {
        String column = query.sort().column();
        String beyond = query.descending() ? "<" : ">";
        List<Statement> parts = new ArrayList<>();
        if (start.value() == null) {
            parts.add(onward(query, column + " IS NULL AND id " + beyond + "= :firstId", Map.of("firstId", start.id())));
            return parts;
        }
        parts.add(onward(query, column + " = :firstValue AND id " + beyond + "= :firstId",
                Map.of("firstValue", start.value(), "firstId", start.id())));
        if (start.next() != null) {
            parts.add(onward(query, column + " " + beyond + "= :nextValue", Map.of("nextValue", start.next())));
        }
        if (query.sort().nullable()) {
            parts.add(onward(query, column + " IS NULL", Map.of()));
        }
        return parts;
    }

    private Statement onward(OrganisationQuery query, String clause, Map<String, Object> from) {
        Where where = where(query);
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.putAll(from);
        params.put("size", query.size());
        return new Statement("SELECT " + COLUMNS + " FROM organisation USE INDEX (" + positionedIndex(query) + ")"
                + where.and(clause).sql + orderBy(query) + " FETCH FIRST :size ROWS ONLY", params);
    }

    /**
     * A statement and its parameters; {@code plannedEachTime} where PostgreSQL must plan it for its own
     * values each time it runs ({@link #run}).
     */
    record Statement(String sql, Map<String, Object> params, boolean plannedEachTime) {

        Statement(String sql, Map<String, Object> params) {
            this(sql, params, false);
        }
    }

    /** The page's first statement: the whole page, or for a sort on a column that may be empty, its records holding a value. */
    Statement firstPart(OrganisationQuery query, long total) {
        return firstPart(query, total, query.size(), lookup(query), within(query, total));
    }

    private Statement firstPart(OrganisationQuery query, long total, int size, SearchWords.Lookup lookup,
            Optional<NameWithin> within) {
        Optional<Statement> byWord = byWord(query, total, size, lookup);
        if (byWord.isPresent()) {
            return byWord.get();
        }
        return page(query.sort().nullable() ? holding(query) : where(query), orderBy(query, within), query.offset(),
                size, from(query, total, within));
    }

    /**
     * On PostgreSQL, a page of a text search by name with more matches than SQL sorts whole, read in
     * name order from the words of the search text, where a searched word can lead (SearchWords).
     */
    private Optional<Statement> byWord(OrganisationQuery query, long total, int size, SearchWords.Lookup lookup) {
        if (h2 || query.sort() != OrganisationQuery.Sort.NAME || total <= SORTED_IN_SQL || !where(query).searchesText) {
            return Optional.empty();
        }
        Optional<WordMarks.Marked> marked = query.offset() < DEEP_OFFSET ? Optional.empty() : markedWord(query, lookup);
        if (marked.isPresent()) {
            return Optional.of(WordMarks.page(COLUMNS, marked.get(), query.descending(), query.offset(), size));
        }
        return lookup.words().map(searched -> {
            if (searched.terms().size() > 1) {
                Where rest = where(query.withText(searched.others()));
                Optional<List<Long>> leapt = words.leap(searched, rest.clauses(),
                        direction(query), rest.params, query.offset(), size);
                if (leapt.isPresent()) {
                    return leapt.get().isEmpty() ? new Statement("SELECT " + COLUMNS + " FROM organisation WHERE 1 = 0", Map.of())
                            : new Statement("SELECT " + COLUMNS + " FROM organisation WHERE id IN (:leapt)" + orderBy(query),
                                    Map.of("leapt", leapt.get()));
                }
                searched = words.ledByRarest(searched);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            String ids = termIds(searched.terms().get(0), query.withText(searched.others()), direction(query), params,
                    query.offset(), size);
            // The searched words that cannot lead are looked for in each record's text.
            return new Statement("SELECT " + COLUMNS + " FROM organisation WHERE id IN (" + ids + ")" + orderBy(query),
                    params, !searched.others().isEmpty());
        });
    }

    /**
     * Where a search has no filters and one searched word, which the search's matches all hold
     * (outside contacts' names where it is kept out of them), and marks can place a page of the words of the register it is
     * part of and count their records (WordMarks): those words.
     */
    private Optional<WordMarks.Marked> markedWord(OrganisationQuery query, SearchWords.Lookup lookup) {
        if (h2 || !where(query.withText(null)).sql.isEmpty()) {
            return Optional.empty();
        }
        return lookup.words().flatMap(SearchWords.Words::alone).flatMap(wordMarks::marked);
    }

    /**
     * The ids of a page, in name order, of the records holding a word of the term and meeting the query's
     * filters and text, for an {@code IN}; the filters of category, area and status met from the words'
     * entries (V175), the others from the records.
     */
    private static String termIds(SearchWords.Term term, OrganisationQuery rest, String direction,
            Map<String, Object> params, long offset, int size) {
        Where beside = groupFilters(rest);
        Where onRecord = otherFilters(rest);
        params.putAll(beside.params);
        params.putAll(onRecord.params);
        return SearchWords.ids(term, beside.clauses(), onRecord.clauses(), direction, params, offset, size);
    }

    /**
     * The matches without a value in the sort's column, by id. On H2 one status's undated lie by id after
     * it in V165's index; ordered by that index's columns, which the part holds fixed, H2 walks it rather
     * than reading and sorting every one of them (the listed's first page by interview date, 1.5 s at a
     * million).
     */
    Statement emptyPart(OrganisationQuery query, long offset, int size) {
        Optional<NameWithin> within = exactly(query);
        return within.isPresent() ? page(empty(query), orderBy(query, within), offset, size, from(query, 0, within))
                : page(empty(query), byId(query), offset, size, " FROM organisation");
    }

    private static Where empty(OrganisationQuery query) {
        return where(query).and(query.sort().column() + " IS NULL");
    }

    /**
     * The matches holding a value in the sort's column, asked as a range from the lowest value the
     * column can hold rather than as IS NOT NULL: H2 keeps empty values first in an index and, not
     * starting a walk at IS NOT NULL, passed every empty record before the first page in ascending order
     * (40,000 of 100,000 for the interview date). Every text is at least the empty text, and every date
     * at least 1 January of year 1 (input takes none before {@value org.sectormap.shared.Input#EARLIEST_YEAR}).
     */
    private static Where holding(OrganisationQuery query) {
        Where where = where(query).and(query.sort().column() + " >= :lowest");
        where.params.put("lowest", query.sort() == OrganisationQuery.Sort.INTERVIEW_DATE ? LOWEST_DATE : "");
        return where;
    }

    private static final LocalDate LOWEST_DATE = LocalDate.of(1, 1, 1);

    /**
     * H2 costs a plan as if it read every row, not knowing that a page stops after a few: given a filter
     * on an indexed column, it read and sorted all the filter's matches (7 s for the first page of the
     * 60,000 interviewed of 100,000, by category), even when walking the sort's index would meet a page of
     * them within a few rows. Knowing how many match, the page walks the sort's index when that passes
     * fewer rows than there are matches to sort, if the matches were spread evenly along it. They need
     * not be (names that begin with their town put one area's records together: 527 ms for a first page
     * of one area by name, descending, of 100,000), so where an index can read the matches the walk is
     * taken only if they are at least a quarter of the register, and even meeting them all last passes
     * at most three other rows for each. PostgreSQL's planner weighs the page's size itself.
     */
    private String from(OrganisationQuery query, long total, Optional<NameWithin> within) {
        if (!h2 || where(query).sql.isEmpty()) {
            return " FROM organisation";
        }
        if (within.isPresent()) {
            return " FROM organisation USE INDEX (" + within.get().index + ")";
        }
        return walksTheSortIndex(query, total) ? " FROM organisation USE INDEX (" + sortIndex(query.sort()) + ")"
                : " FROM organisation";
    }

    /**
     * The index a page by name is read from in name order, after the columns the filter fixes: the one
     * holding exactly the matches (NameWithin), or on H2 one holding some of the filter's columns whose
     * records, of those fixed values, match the rest of the filter at least one in four (the tally says),
     * so that even meeting them all last passes at most three others for each, and the walk to the page
     * is shorter than reading every match, as {@link #walksTheSortIndex} allows. Without it, H2's search
     * index answered, and where it could not (still building, changes waiting) H2
     * read and sorted every match: 0.3 to 3.3 s for one category's interviewed or keen for follow-up at a
     * million. Where several would do, the one holding fewest records.
     */
    private Optional<NameWithin> within(OrganisationQuery query, long total) {
        Optional<NameWithin> exact = exactly(query);
        if (exact.isPresent() || !h2 || total == 0) {
            return exact;
        }
        Where where = where(query);
        return NameWithin.holdingSome(query).stream().map(n -> Map.entry(n, tallied(n.columns(), where)))
                .filter(e -> total * 4 >= e.getValue()
                        && (double) (query.offset() + query.size()) * e.getValue() / total < total)
                .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** How many records hold the filter's values in the index's fixed columns, from the tally. */
    private long tallied(List<String> columns, Where where) {
        Map<String, Object> params = new LinkedHashMap<>();
        columns.forEach(column -> params.put(column, where.params.get(column)));
        // The unclassified are those without a category.
        return jdbc.sql(OrganisationCounts.SUM_OF_TALLY + Where.WHERE + columns.stream()
                .map(column -> params.get(column) == null ? column + " IS NULL" : column + " = :" + column)
                .collect(Collectors.joining(" AND "))).params(params).query(Long.class).single();
    }

    /**
     * Whether a page is read by walking an index in the list's order: always without a filter, as H2
     * chooses; by name from an index holding the filter's columns ({@link #within}); or along the sort's
     * own index, as {@link #walksTheSortIndex} decides.
     */
    private boolean walks(OrganisationQuery query, long total, Optional<NameWithin> within) {
        return where(query).sql.isEmpty() || within.isPresent() || walksTheSortIndex(query, total);
    }

    /**
     * Whether walking the sort's index meets the page sooner than reading every match, however they lie
     * along it. A filter on the sorted column itself starts the walk at its value, where only that
     * value's records lie: one category's first page by category read 180,000 matches through the
     * search index at a million (58 to 60 ms), where the walk reads the page.
     */
    private boolean walksTheSortIndex(OrganisationQuery query, long total) {
        if (total == 0) {
            return false;
        }
        Where where = where(query);
        String sorted = query.sort().column();
        long rows = where.params.get(sorted) != null ? tallied(List.of(sorted), where) : count();
        boolean indexedFilter = query.unclassified() || query.category() != null || query.area() != null
                || query.status() != null;
        return (double) (query.offset() + query.size()) * rows / total < total
                && (!indexedFilter || total * 4 >= rows);
    }

    private static String sortIndex(OrganisationQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "organisation_name_sort_idx";
            case CATEGORY -> "organisation_category_order";
            case AREA -> "organisation_area_order";
            case STATUS -> "organisation_status_order";
            case INTERVIEW_DATE -> "organisation_interview_date_order";
        };
    }

    /** Past this many rows, a page finds its ids first and then reads only their rows. */
    static final long DEEP_OFFSET = 1_000;

    private static Statement page(Where where, String orderBy, long offset, int size, String from) {
        String page = where.sql + orderBy + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
        // Deep in the list, PostgreSQL read every skipped row whole (1.3 s for page 20,000 of a million);
        // skipping ids alone reads them from the sort's index, and only the page's rows are read.
        String sql = offset < DEEP_OFFSET ? "SELECT " + COLUMNS + from + page
                : "SELECT " + COLUMNS + " FROM organisation WHERE id IN (SELECT id" + from + page + ")" + orderBy;
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("offset", offset);
        params.put("size", size);
        return new Statement(sql, params, where.searchesText);
    }

    /**
     * Runs a statement; one that searches the text, planned for its pattern each time. PostgreSQL's
     * driver prepares a statement on the server once it has run five times, and PostgreSQL then tries a
     * plan for any values, which it keeps where it costs no more than those planned before: for a word
     * within a category and status by interview date at 100,000 records, reading the trigram and status
     * indexes whole and sorting (16 to 28 ms), where the plan for the word walks the date index (1 to 4 ms).
     */
    private List<Organisation> run(Statement statement) {
        if (h2 || !statement.plannedEachTime()) {
            return jdbc.sql(statement.sql()).params(statement.params()).query(ROW).list();
        }
        MapSqlParameterSource values = new MapSqlParameterSource(statement.params());
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
        PreparedStatementCreator creator = new PreparedStatementCreatorFactory(
                NamedParameterUtils.substituteNamedParameters(parsed, values),
                NamedParameterUtils.buildSqlParameterList(parsed, values))
                .newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, values, null));
        return template.query(connection -> {
            PreparedStatement prepared = creator.createPreparedStatement(connection);
            // Never prepared on the server: each run is planned for its values.
            prepared.unwrap(PGStatement.class).setPrepareThreshold(0);
            return prepared;
        }, ROW);
    }

    /** Hands every match, in list order, to the consumer one at a time: exports never hold them all. */
    void forEach(OrganisationQuery query, Consumer<Organisation> consumer) {
        RowCallbackHandler each = rs -> consumer.accept(map(rs, rs.getRow()));
        if (!query.sort().nullable()) {
            Where where = where(query);
            named.query("SELECT " + COLUMNS + " FROM organisation" + where.sql + orderBy(query), where.params, each);
            return;
        }
        Where holding = holding(query);
        named.query("SELECT " + COLUMNS + " FROM organisation" + holding.sql + orderBy(query), holding.params, each);
        Where empty = empty(query);
        named.query("SELECT " + COLUMNS + " FROM organisation" + empty.sql + byId(query), empty.params, each);
    }

    /** The sort column, then id so that pages never overlap, both in the query's direction. */
    private String orderBy(OrganisationQuery query) {
        return orderBy(query, exactly(query));
    }

    /**
     * The index holding exactly a list by name's matches, if one does; on H2 also one tick box's records,
     * ticked or not (V161). PostgreSQL's tick-box indexes hold only the ticked (V160), and it reads a deep
     * page of them from the marks (OrderMarks).
     */
    private Optional<NameWithin> exactly(OrganisationQuery query) {
        return NameWithin.of(query).or(() -> h2 ? NameWithin.ticked(query).or(() -> NameWithin.dated(query)) : Optional.empty());
    }

    private static String orderBy(OrganisationQuery query, Optional<NameWithin> within) {
        String direction = direction(query);
        String fixed = within.map(n -> n.columns.stream().map(c -> c + direction + ", ")
                .collect(Collectors.joining())).orElse("");
        return " ORDER BY " + fixed + query.sort().column() + direction + ", id" + direction;
    }

    /**
     * A list by name filtered by status, area or both, or by category alone (or the unclassified), and nothing else, whose
     * matches an index holds in name order after those columns (V119, V109, V91 or on H2 V145, V158).
     * H2 reads a page from an index in order only
     * when the ORDER BY starts with the index's own columns, not seeing that a column fixed by the filter
     * may lead: so the order names them (the same order, as they hold one value), or H2 read a deep page
     * of the interviewed by walking the name index past most of the register (26.8 s for page 12,000 of
     * 600,000 interviewed in a million) or read and sorted all of one area's. PostgreSQL drops such
     * fixed columns from an order itself.
     */
    private record NameWithin(List<String> columns, String index) {

        static final NameWithin STATUS = new NameWithin(List.of("status"), "organisation_status_name");
        static final NameWithin AREA = new NameWithin(List.of("area"), "organisation_area_name");
        static final NameWithin STATUS_AND_AREA = new NameWithin(List.of("status", "area"), "organisation_appendix");
        static final NameWithin CATEGORY = new NameWithin(List.of("category"), "organisation_category_name");
        /** Not by name: a status's records by interview date, on H2 alone. */
        static final NameWithin STATUS_BY_DATE = new NameWithin(List.of("status"), "organisation_status_interview_date");
        static final NameWithin FULL_INTERVIEW = tick(OrganisationField.FULL_INTERVIEW);
        static final NameWithin FOLLOW_UP = tick(OrganisationField.FOLLOW_UP);
        static final NameWithin CYP_BOARD = tick(OrganisationField.CYP_BOARD);
        static final NameWithin WELL_INFORMED = tick(OrganisationField.WELL_INFORMED);

        private static NameWithin tick(OrganisationField box) {
            return new NameWithin(List.of(box.column()), "organisation_" + box.column() + "_name");
        }

        static Optional<NameWithin> of(OrganisationQuery q) {
            boolean onlyIndexed = q.sort() == OrganisationQuery.Sort.NAME && (q.text() == null || q.text().isBlank())
                    && q.fullInterview() == null && q.followUp() == null && q.cypBoard() == null
                    && q.wellInformed() == null;
            if (!onlyIndexed) {
                return Optional.empty();
            }
            if (q.category() != null || q.unclassified()) {
                return q.status() == null && q.area() == null ? Optional.of(CATEGORY) : Optional.empty();
            }
            if (q.status() == null && q.area() == null) {
                return Optional.empty();
            }
            return Optional.of(q.area() == null ? STATUS : q.status() == null ? AREA : STATUS_AND_AREA);
        }

        /**
         * A list of one status's records by interview date, and nothing else: H2 reads it from the index of
         * V165, PostgreSQL the interviewed from the marks (OrderMarks).
         */
        static Optional<NameWithin> dated(OrganisationQuery q) {
            boolean onlyTheStatus = q.sort() == OrganisationQuery.Sort.INTERVIEW_DATE && q.status() != null
                    && (q.text() == null || q.text().isBlank()) && q.category() == null && !q.unclassified()
                    && q.area() == null && boxes(q).isEmpty();
            return onlyTheStatus ? Optional.of(STATUS_BY_DATE) : Optional.empty();
        }

        /**
         * A list by name of one tick box's ticked or unticked records, and nothing else: H2 reads it from
         * the box's index (V161), PostgreSQL its ticked records from the marks (V160, OrderMarks).
         */
        static Optional<NameWithin> ticked(OrganisationQuery q) {
            List<NameWithin> boxes = boxes(q);
            boolean onlyTheBox = q.sort() == OrganisationQuery.Sort.NAME && (q.text() == null || q.text().isBlank())
                    && q.category() == null && !q.unclassified() && q.area() == null && q.status() == null;
            return onlyTheBox && boxes.size() == 1 ? Optional.of(boxes.get(0)) : Optional.empty();
        }

        private static List<NameWithin> boxes(OrganisationQuery q) {
            List<NameWithin> boxes = new ArrayList<>();
            if (q.fullInterview() != null) {
                boxes.add(FULL_INTERVIEW);
            }
            if (q.followUp() != null) {
                boxes.add(FOLLOW_UP);
            }
            if (q.cypBoard() != null) {
                boxes.add(CYP_BOARD);
            }
            if (q.wellInformed() != null) {
                boxes.add(WELL_INFORMED);
            }
            return boxes;
        }

        /**
         * The indexes holding some of a list by name's filter columns, and so some records not wanted,
         * when none holds just them: for one category's interviewed, the category's and the status's; on
         * H2 (which alone asks), for the interviewed keen for follow-up, the status's and the box's.
         */
        static List<NameWithin> holdingSome(OrganisationQuery q) {
            if (q.sort() != OrganisationQuery.Sort.NAME || q.text() != null && !q.text().isBlank()) {
                return List.of();
            }
            List<NameWithin> some = new ArrayList<>(boxes(q));
            if (q.category() != null || q.unclassified()) {
                some.add(CATEGORY);
            }
            if (q.status() != null) {
                some.add(STATUS);
            }
            if (q.area() != null) {
                some.add(AREA);
            }
            if (q.status() != null && q.area() != null) {
                some.add(STATUS_AND_AREA);
            }
            return some;
        }
    }

    private static String byId(OrganisationQuery query) {
        return " ORDER BY id" + direction(query);
    }

    private static String direction(OrganisationQuery query) {
        return query.descending() ? " DESC" : " ASC";
    }

    long count(OrganisationQuery query) {
        Where where = where(query);
        // Every filter but the free text is a column of the tally, whose few hundred rows give the same
        // count exactly without reading the matches (each of 600,000 for "interviewed" at a million).
        return where.searchesText ? count(where)
                : jdbc.sql(OrganisationCounts.SUM_OF_TALLY + where.sql).params(where.params).query(Long.class).single();
    }

    private long count(Where where) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation" + where.sql).params(where.params).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params, boolean searchesText) {

        private static final String WHERE = " WHERE ";

        Where and(String clause) {
            return new Where(sql + (sql.isEmpty() ? WHERE : " AND ") + clause, params, searchesText);
        }

        /** The clauses alone, true when there are none. */
        String condition() {
            return sql.isEmpty() ? "TRUE" : sql.substring(WHERE.length());
        }

        /** The clauses alone, or null when there are none. */
        String clauses() {
            return sql.isEmpty() ? null : condition();
        }
    }

    private static Where where(OrganisationQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        text(q, clauses, params);
        groups(q, clauses, params);
        boxes(q, clauses, params);
        return where(clauses, params, searches(q));
    }

    /**
     * The query's filters of category, area and status alone: on PostgreSQL a condition on the columns
     * organisation_word holds beside each word (V175) as well as on organisation's.
     */
    private static Where groupFilters(OrganisationQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        groups(q, clauses, params);
        return where(clauses, params, false);
    }

    /** The query's other filters: its text and its tick boxes. */
    private static Where otherFilters(OrganisationQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        text(q, clauses, params);
        boxes(q, clauses, params);
        return where(clauses, params, searches(q));
    }

    private static Where where(List<String> clauses, Map<String, Object> params, boolean searchesText) {
        return new Where(clauses.isEmpty() ? "" : Where.WHERE + String.join(" AND ", clauses), params, searchesText);
    }

    private static boolean searches(OrganisationQuery q) {
        return q.text() != null && !q.text().isBlank();
    }

    private static void text(OrganisationQuery q, List<String> clauses, Map<String, Object> params) {
        if (searches(q)) {
            List<String> patterns = SearchText.patterns(q.text());
            for (int i = 0; i < patterns.size(); i++) {
                clauses.add("search_text LIKE :text" + i + LikePattern.ESCAPE);
                if (q.contactsHidden()) {
                    // The contact's name is the search text's last line, folded one character for one. The
                    // condition holds for nearly every record holding the word, but PostgreSQL guesses 0.5 %
                    // for a LIKE of an expression, and so planned for few matches: a page by interview date
                    // within a category read and sorted every match (42 ms at a million, against 2.4 ms), and
                    // the words' count joined every record holding the word (256 ms, against 17). Asked as
                    // NULLIF(...) IS NOT NULL, the guess is 99.5 %, and the plan is the researcher's.
                    clauses.add("NULLIF(contact_name IS NULL OR LEFT(search_text, LENGTH(search_text) - LENGTH(contact_name) - 1)"
                            + " LIKE :text" + i + LikePattern.ESCAPE + ", FALSE) IS NOT NULL");
                }
                params.put("text" + i, patterns.get(i));
            }
        }
    }

    private static void groups(OrganisationQuery q, List<String> clauses, Map<String, Object> params) {
        if (q.unclassified()) {
            clauses.add("category IS NULL");
        } else if (q.category() != null) {
            clauses.add("category = :category");
            params.put("category", q.category().code());
        }
        if (q.area() != null) {
            clauses.add("area = :area");
            params.put("area", q.area());
        }
        if (q.status() != null) {
            clauses.add("status = :status");
            params.put("status", q.status().code());
        }
    }

    private static void boxes(OrganisationQuery q, List<String> clauses, Map<String, Object> params) {
        tick(clauses, params, "full_interview", q.fullInterview());
        tick(clauses, params, "follow_up", q.followUp());
        tick(clauses, params, "cyp_board", q.cypBoard());
        tick(clauses, params, "well_informed", q.wellInformed());
    }

    private static void tick(List<String> clauses, Map<String, Object> params, String column, Boolean wanted) {
        if (wanted != null) {
            clauses.add(column + " = :" + column);
            params.put(column, wanted);
        }
    }

    private static Map<String, Object> imported(OrganisationDetails d, Long importId, OffsetDateTime now) {
        Map<String, Object> params = params(d);
        params.put("import_id", importId);
        params.put("modified_at", now);
        return params;
    }

    private static Map<String, Object> params(OrganisationDetails d) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (OrganisationField field : FIELDS) {
            Object value = d.get(field);
            p.put(field.column(), value instanceof Coded coded ? coded.code()
                    : value instanceof LocalDate date ? Date.valueOf(date) : value);
        }
        p.put("name_sort", LikePattern.fold(d.name()));
        p.put("search_text", SearchText.of(d));
        for (MatchKey key : MatchKey.values()) {
            p.put(key.column(), key.of(d));
        }
        return p;
    }

    static Organisation map(ResultSet rs, int row) throws SQLException {
        Map<OrganisationField, Object> values = new EnumMap<>(OrganisationField.class);
        for (OrganisationField field : FIELDS) {
            values.put(field, switch (field.kind()) {
                case CHOICE -> Coded.fromCode(field.choiceType(), rs.getString(field.column())).orElse(null);
                case DATE -> {
                    Date date = rs.getDate(field.column());
                    yield date == null ? null : date.toLocalDate();
                }
                case TICK -> rs.getObject(field.column(), Boolean.class);
                default -> rs.getString(field.column());
            });
        }
        return new Organisation(rs.getLong("id"), rs.getInt("version"), OrganisationDetails.of(values));
    }
}
