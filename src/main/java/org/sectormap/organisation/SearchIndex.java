package org.sectormap.organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.sectormap.shared.LikePattern;
import org.sectormap.shared.RegisterReplaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * H2's free-text search: H2 has no trigram index, so {@code search_text LIKE '%word%'} reads every
 * row. This Lucene index holds each organisation's search text as character trigrams (a word of
 * three or more characters is the phrase of its trigrams, which is exactly "a substring of the
 * text"; a shorter word is one of the text's distinct 1- and 2-grams), its filters as keywords and
 * its sort keys as doc values, and answers a page's ids in the list's order with the exact total.
 * PostgreSQL keeps its trigram index, and there this class does nothing.
 *
 * <p>It follows the table through an outbox ({@code organisation_search_change}): each write notes
 * its organisations in its own transaction, and after the commit the index takes them in, as they
 * then stand, before the request ends, so whoever saved finds their change at once. A transaction
 * of many rows (an import) is taken in in the background; while any note is waiting, or the index
 * is being built, searches go to SQL's LIKE, which is always right and only slower. A register
 * written wholesale (a restore), or an index missing, left by a crash, or built from another
 * database, an older schema or another layout of fields, is built again in the background at
 * start-up. Whether a record is published, and who referred it, are not in the index, so those
 * writes note nothing.
 */
class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** Pages ending past this many hits are read by SortedHits rather than through a queue of every hit before them. */
    static final int QUEUED = 1_000;
    /** A transaction changing more organisations than this is taken in in the background. */
    static final int AT_ONCE = 1_000;
    private static final int CHUNK = 1_000;

    static final String ID = "id";
    static final String TRIGRAMS = "trigrams";
    private static final String SHORT_GRAMS = "short";
    /**
     * The contact's name, the search text's last line, is kept in fields of its own, so that a search
     * kept out of it (a viewer's) is answered here as well: a word is sought in either.
     */
    private static final String CONTACT_TRIGRAMS = "contact_trigrams";
    private static final String CONTACT_SHORT_GRAMS = "contact_short";
    /** The fields the index holds, named in its commit: an index of another layout is built again. */
    private static final String LAYOUT = "contact apart";
    private static final String[] TICKS = {"full_interview", "follow_up", "cyp_board", "well_informed"};
    private static final String COLUMNS = "id, search_text, contact_name, name_sort, category, area, status, interview_date, "
            + String.join(", ", TICKS);

    /** Trigrams need their positions, to be found one after another; the short grams only whether they occur. */
    private static final FieldType TRIGRAM_TYPE = grams(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType SHORT_TYPE = grams(IndexOptions.DOCS);

    /** What the commit says: written at each orderly close, and left out by every commit before it. */
    private static final String CLOSED = "closed";
    private static final String DATABASE = "database";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate separately;
    private final Analyzer analyzer;
    /**
     * Whether writes leave notes: wherever an index belongs, even when this process could not open it
     * (another process on the same H2 file holds it, and must learn of this one's changes).
     */
    private final boolean noting;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService background;
    /** An erasure's purge asked for and not yet done (see purgeAfterCommit). */
    private final AtomicBoolean purgeOwed = new AtomicBoolean();
    /** One change of the index at a time, from the table's state read under it. */
    private final ReentrantLock changing = new ReentrantLock();
    private final ReentrantLock building = new ReentrantLock();
    /** Whether a drain of every note is queued, so that searches finding notes queue one at most. */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** False while the index is built: it then holds only part of the table. */
    private volatile boolean built;

    SearchIndex(JdbcTemplate jdbc, String url) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.separately = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(TRIGRAMS, ngrams(3, 3), SHORT_GRAMS, ngrams(1, 2), CONTACT_TRIGRAMS, ngrams(3, 3),
                        CONTACT_SHORT_GRAMS, ngrams(1, 2)));
        Directory opened = null;
        IndexWriter openedWriter = null;
        SearcherManager openedSearchers = null;
        boolean whole = false;
        boolean wanted = false;
        try {
            opened = directory(url);
            wanted = opened != null;
            if (opened != null) {
                whole = holdsThisDatabase(opened);
                IndexWriterConfig config = new IndexWriterConfig(analyzer);
                config.setRAMBufferSizeMB(32);
                // An erasure's purge rewrites every segment holding a replaced document, however few (see purge).
                TieredMergePolicy merges = new TieredMergePolicy();
                merges.setForceMergeDeletesPctAllowed(0);
                config.setMergePolicy(merges);
                openedWriter = new IndexWriter(opened, config);
                if (!whole) {
                    openedWriter.deleteAll();
                }
                // From here until an orderly close, the commit on disk does not say "closed": a crash
                // loses the index's latest changes, and the next start-up builds it again.
                openedWriter.setLiveCommitData(Map.of(DATABASE, database()).entrySet());
                openedWriter.commit();
                openedSearchers = new SearcherManager(openedWriter, null);
            }
        } catch (IOException e) {
            // Another process holding the index (two apps on one H2 server), a disk refusing it: LIKE answers.
            log.warn("No search index, so searches read every organisation: {}", e.toString());
            closeQuietly(openedWriter, opened);
            opened = null;
            openedWriter = null;
            openedSearchers = null;
        }
        this.noting = wanted;
        this.directory = opened;
        this.writer = openedWriter;
        this.searchers = openedSearchers;
        this.background = directory == null ? null : Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "search-index");
            thread.setDaemon(true);
            return thread;
        });
        if (directory != null) {
            built = whole;
            background.execute(whole ? this::drainAll : this::build);
        }
    }

    /** Beside an H2 file, in memory for an in-memory H2, none on a server of either kind. */
    private static Directory directory(String url) throws IOException {
        if (!url.startsWith("jdbc:h2:")) {
            return null;
        }
        String database = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (database.startsWith("mem:")) {
            return new ByteBuffersDirectory();
        }
        if (database.startsWith("tcp:") || database.startsWith("ssl:") || database.startsWith("zip:")) {
            return null;
        }
        String file = database.startsWith("file:") ? database.substring("file:".length()) : database;
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return FSDirectory.open(Path.of(file + ".search"));
    }

    /** Whether the index was closed in order, by this database as it now stands (no migration since). */
    private boolean holdsThisDatabase(Directory candidate) throws IOException {
        if (!DirectoryReader.indexExists(candidate)) {
            return false;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(candidate).getUserData();
        return "true".equals(data.get(CLOSED)) && database().equals(data.get(DATABASE));
    }

    /**
     * Which database, and at which schema: when it was created and how many migrations it has run.
     * A migration (a Java one rewrites rows past the repository) or another database file means a build.
     */
    private String database() {
        return jdbc.queryForObject("SELECT CAST(COUNT(*) AS VARCHAR) || '@' || CAST(MIN(\"installed_on\") AS VARCHAR) "
                + "FROM \"flyway_schema_history\"", String.class) + " " + LAYOUT;
    }

    boolean enabled() {
        return directory != null;
    }

    /** The ids of a search's page in the list's order, and its total; empty when SQL must answer. */
    Optional<Hits> find(OrganisationQuery query) {
        return query.text() == null || query.text().isBlank() ? Optional.empty() : look(query);
    }

    /**
     * A page of the list without words, for filters whose matches SQL would read and sort whole: the
     * index's doc values give the first page of a hundred thousand matches without reading their rows.
     */
    Optional<Hits> filter(OrganisationQuery query) {
        return look(query);
    }

    private Optional<Hits> look(OrganisationQuery query) {
        return searching().flatMap(searcher -> {
            try {
                if (query.offset() + query.size() > QUEUED) {
                    return SortedHits.page(searcher, query(query), query);
                }
                TopFieldDocs top = searcher.search(query(query),
                        new TopFieldCollectorManager(sort(query), (int) (query.offset() + query.size()), null,
                                Integer.MAX_VALUE));
                List<Long> ids = new ArrayList<>(query.size());
                ScoreDoc[] hits = top.scoreDocs;
                for (int i = (int) query.offset(); i < hits.length; i++) {
                    Object[] keys = ((FieldDoc) hits[i]).fields;
                    ids.add((Long) keys[keys.length - 1]);
                }
                return Optional.of(new Hits(ids, top.totalHits.value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(searcher);
            }
        });
    }

    record Hits(List<Long> ids, long total) {
    }

    /**
     * The ids of the listed and interviewed records (of the category, or classified, when asked) whose
     * search text holds this text as it stands, spaces and all, in the feed's order: the interviewed,
     * then the listed, each by id. Empty when SQL must answer, or when more than {@code most} hold it.
     * It looks in the search text but the contact's name: that is, the name, the coverage and the
     * description, so a caller looking in fewer fields checks each record itself.
     */
    Optional<long[]> holding(String text, Category category, boolean classified, int most) {
        String folded = LikePattern.fold(SearchText.fold(text.strip()));
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder status = new BooleanQuery.Builder();
        for (OutreachStatus published : PublishedOrganisations.STATUSES) {
            status.add(term(OrganisationQuery.Sort.STATUS.column(), published.code()), Occur.SHOULD);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(word(folded, TRIGRAMS, SHORT_GRAMS), Occur.FILTER)
                .add(status.build(), Occur.FILTER);
        if (category != null) {
            all.add(term(OrganisationQuery.Sort.CATEGORY.column(), category.code()), Occur.FILTER);
        } else if (classified) {
            all.add(new FieldExistsQuery(OrganisationQuery.Sort.CATEGORY.column()), Occur.FILTER);
        }
        Query query = all.build();
        return searching().flatMap(searcher -> {
            try {
                int count = searcher.count(query);
                return count > most ? Optional.empty() : Optional.of(searcher.search(query, new FeedOrder(count)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(searcher);
            }
        });
    }

    /** Each match's id from its doc values, the interviewed from the front and the listed from the back. */
    private record FeedOrder(int count) implements CollectorManager<FeedOrder.Ids, long[]> {

        private static final BytesRef INTERVIEWED = new BytesRef(OutreachStatus.INTERVIEWED.code());

        @Override
        public Ids newCollector() {
            return new Ids(new long[count]);
        }

        /** One collector unless the searcher searches in slices, which this one does not: joined in case. */
        @Override
        public long[] reduce(Collection<Ids> collectors) {
            LongStream first = LongStream.empty();
            LongStream then = LongStream.empty();
            for (Ids c : collectors) {
                first = LongStream.concat(first, Arrays.stream(c.ids, 0, c.front));
                then = LongStream.concat(then, Arrays.stream(c.ids, c.back, c.ids.length));
            }
            return LongStream.concat(first.sorted(), then.sorted()).toArray();
        }

        private static final class Ids extends SimpleCollector {

            private final long[] ids;
            private int front;
            private int back;
            private NumericDocValues values;
            private SortedDocValues status;
            private int interviewed;

            private Ids(long[] ids) {
                this.ids = ids;
                this.back = ids.length;
            }

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values = DocValues.getNumeric(context.reader(), ID);
                status = DocValues.getSorted(context.reader(), OrganisationQuery.Sort.STATUS.column());
                interviewed = status.lookupTerm(INTERVIEWED);
            }

            @Override
            public void collect(int doc) throws IOException {
                values.advanceExact(doc);
                if (status.advanceExact(doc) && status.ordValue() == interviewed) {
                    ids[front++] = values.longValue();
                } else {
                    ids[--back] = values.longValue();
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    /**
     * A searcher that holds every committed change, or empty: no index, a build under
     * way or a change not yet taken in. The notes are looked at before the searcher is taken: every change whose note
     * is gone had been refreshed into it.
     */
    private Optional<IndexSearcher> searching() {
        if (directory == null || !built) {
            return Optional.empty();
        }
        if (!nothingWaiting()) {
            // Notes no one is taking in (a drain that failed, a large change whose drain is queued): LIKE
            // answers meanwhile, and the background catches up.
            if (!draining.getAndSet(true)) {
                background.execute(this::drainAll);
            }
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            if (!built) {
                searchers.release(searcher);
                return Optional.empty();
            }
            return Optional.of(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(OrganisationQuery q) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (q.text() != null) {
            for (String word : SearchText.words(q.text())) {
                if (!word.isEmpty()) {
                    all.add(q.contactsHidden() ? word(word, TRIGRAMS, SHORT_GRAMS) : inTextOrContact(word), Occur.FILTER);
                }
            }
        }
        all.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (q.unclassified()) {
            all.add(new FieldExistsQuery(OrganisationQuery.Sort.CATEGORY.column()), Occur.MUST_NOT);
        } else if (q.category() != null) {
            all.add(term(OrganisationQuery.Sort.CATEGORY.column(), q.category().code()), Occur.FILTER);
        }
        if (q.area() != null) {
            all.add(term(OrganisationQuery.Sort.AREA.column(), q.area()), Occur.FILTER);
        }
        if (q.status() != null) {
            all.add(term(OrganisationQuery.Sort.STATUS.column(), q.status().code()), Occur.FILTER);
        }
        Boolean[] ticks = {q.fullInterview(), q.followUp(), q.cypBoard(), q.wellInformed()};
        for (int i = 0; i < TICKS.length; i++) {
            if (ticks[i] != null) {
                all.add(term(TICKS[i], ticks[i].toString()), Occur.FILTER);
            }
        }
        return all.build();
    }

    /** The word in the record's text or in its contact's name: no word spans the line between them. */
    private Query inTextOrContact(String word) {
        return new BooleanQuery.Builder().add(word(word, TRIGRAMS, SHORT_GRAMS), Occur.SHOULD)
                .add(word(word, CONTACT_TRIGRAMS, CONTACT_SHORT_GRAMS), Occur.SHOULD).build();
    }

    /** Text holding the word: its trigrams one after another, or for one or two characters, the gram itself. */
    private Query word(String word, String trigrams, String shortGrams) {
        if (word.codePointCount(0, word.length()) < 3) {
            return term(shortGrams, word);
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        try (TokenStream grams = analyzer.tokenStream(trigrams, word)) {
            CharTermAttribute gram = grams.addAttribute(CharTermAttribute.class);
            grams.reset();
            for (int position = 0; grams.incrementToken(); position++) {
                phrase.add(new Term(trigrams, gram.toString()), position);
            }
            grams.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return phrase.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * The list's order: the sort key, empty ones last in either direction, then the id, both in the
     * query's direction. Text compares by code point (UTF-8 bytes), as PostgreSQL's "C" collation does.
     */
    static Sort sort(OrganisationQuery q) {
        boolean reverse = q.descending();
        String column = q.sort().column();
        SortField key;
        if (q.sort() == OrganisationQuery.Sort.INTERVIEW_DATE) {
            key = new SortField(column, SortField.Type.LONG, reverse);
            key.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
        } else {
            key = new SortField(column, SortField.Type.STRING, reverse);
            key.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
        }
        return new Sort(key, new SortField(ID, SortField.Type.LONG, reverse));
    }

    /**
     * Notes, in the writer's transaction, that these organisations changed (added, saved or deleted);
     * after its commit the index takes them in. Without a transaction each statement has committed
     * already, and they are taken in at once.
     */
    void changed(Collection<Long> ids) {
        if (!noting || ids.isEmpty()) {
            return;
        }
        List<Long> list = List.copyOf(ids);
        jdbc.batchUpdate("INSERT INTO organisation_search_change (organisation_id) VALUES (?)", list, CHUNK,
                (statement, id) -> statement.setLong(1, id));
        if (directory == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            takeIn(list);
            return;
        }
        pending().add(list);
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /**
     * As {@link #changed}, for organisations an import adds. Past {@value #AT_ONCE} in the transaction the
     * import is noted once, by its id, rather than each organisation: a million notes would be written
     * and deleted again for one import. The note is taken in like the others, in the background, by
     * reading the import's organisations as they then stand.
     */
    void imported(long importId, Collection<Long> ids) {
        if (!noting || ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            changed(ids);
            return;
        }
        Pending pending = pending();
        if (!pending.many && pending.ids.size() + ids.size() <= AT_ONCE) {
            changed(ids);
        } else if (pending.imports.add(importId)) {
            jdbc.update("INSERT INTO organisation_search_change (import_id) VALUES (?)", importId);
            pending.many = true;
        }
    }

    /** A transaction's changed organisations, up to {@value #AT_ONCE}; past that, only that there were more. */
    private final class Pending implements TransactionSynchronization {

        private final Set<Long> ids = new LinkedHashSet<>();
        private final Set<Long> imports = new HashSet<>();
        private boolean many;

        void add(List<Long> more) {
            if (!many) {
                ids.addAll(more);
                many = ids.size() > AT_ONCE;
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(SearchIndex.this);
            if (status != STATUS_COMMITTED) {
                return;
            }
            if (many) {
                background.execute(SearchIndex.this::drainAll);
            } else {
                takeIn(List.copyOf(ids));
            }
        }
    }

    /** Takes in the waiting notes about these organisations, now. */
    private void takeIn(List<Long> ids) {
        changing.lock();
        try {
            // During a build its own last step takes in every note, these included.
            if (!built) {
                return;
            }
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> some = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                separately.executeWithoutResult(status -> apply(named.query("SELECT " + NOTE_COLUMNS + " FROM "
                        + "organisation_search_change WHERE organisation_id IN (:ids)", Map.of("ids", some), NOTE)));
            }
        } finally {
            changing.unlock();
        }
    }

    /** Takes in every waiting note, oldest first, a chunk at a time. */
    private void drainAll() {
        changing.lock();
        draining.set(false);
        try {
            if (built) {
                drainWhileLocked();
            }
        } catch (RuntimeException e) {
            log.warn("The search index could not take in the latest changes; searches read every organisation until "
                    + "it does: {}", e.toString());
        } finally {
            changing.unlock();
        }
    }

    private void drainWhileLocked() {
        boolean more = true;
        while (more) {
            more = separately.execute(status -> {
                List<Note> notes = jdbc.query("SELECT " + NOTE_COLUMNS + " FROM organisation_search_change ORDER BY id "
                        + "FETCH FIRST " + CHUNK + " ROWS ONLY", NOTE);
                apply(notes);
                return notes.size() == CHUNK;
            });
        }
    }

    /**
     * After this transaction commits, takes in its changes, then rewrites every segment holding a
     * replaced or deleted document and commits, so that what an erasure removed leaves the index's
     * files too: a change only marks the old document deleted, and its text (positions and all) stays
     * on disk until a merge happens to take its segment. In the background, as it may rewrite most of
     * the index: searches and a record's change go on meanwhile, an import's are taken in after it.
     * Until it is done the index is not called whole at closing, so a purge cut short by a stop is
     * made good by building the index anew at the next start.
     */
    void purgeAfterCommit() {
        if (directory == null) {
            return;
        }
        Runnable purge = () -> {
            purgeOwed.set(true);
            try {
                background.execute(this::purge);
            } catch (RejectedExecutionException e) {
                log.info("The search index is closing; it is built anew at the next start");
            }
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            purge.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    purge.run();
                }
            }
        });
    }

    private void purge() {
        drainAll();
        try {
            writer.forceMergeDeletes(true);
            writer.commit();
            searchers.maybeRefreshBlocking();
            purgeOwed.set(false);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index could not drop what an erasure removed; it is built anew at the next start: {}",
                    e.toString());
        }
    }

    /** A change to one organisation, or else the organisations an import added. */
    private record Note(long id, Long organisation, Long importId) {
    }

    private static final String NOTE_COLUMNS = "id, organisation_id, import_id";
    private static final RowMapper<Note> NOTE = (rs, n) -> new Note(rs.getLong(1), rs.getObject(2, Long.class),
            rs.getObject(3, Long.class));

    /**
     * Indexes each noted organisation as it stands now (or removes it, gone), makes that visible to
     * searches, and only then deletes the notes. Callers run it in a transaction of its own: after a
     * commit the writer's connection is still bound, and what it did next would never be committed.
     * A note written meanwhile stays, so the organisation is taken in again.
     */
    private void apply(List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        Set<Long> organisations = new LinkedHashSet<>();
        notes.stream().map(Note::organisation).filter(Objects::nonNull).forEach(organisations::add);
        Map<Long, Document> documents = new HashMap<>();
        if (!organisations.isEmpty()) {
            named.query("SELECT " + COLUMNS + " FROM organisation WHERE id IN (:ids)", Map.of("ids", organisations),
                    (RowCallbackHandler) rs -> documents.put(rs.getLong("id"), document(rs)));
        }
        try {
            for (Note note : notes) {
                if (note.importId() != null) {
                    takeInImport(note.importId());
                }
            }
            for (long id : organisations) {
                Term key = new Term(ID, Long.toString(id));
                Document document = documents.get(id);
                if (document == null) {
                    writer.deleteDocuments(key);
                } else {
                    writer.updateDocument(key, document);
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        named.update("DELETE FROM organisation_search_change WHERE id IN (:notes)",
                Map.of("notes", notes.stream().map(Note::id).toList()));
    }

    /**
     * Indexes an import's organisations as they stand now, a chunk at a time. Those deleted since
     * (the import undone) are not read, and their own notes take them out.
     */
    private void takeInImport(long importId) throws IOException {
        long after = 0;
        while (true) {
            Map<Long, Document> documents = new LinkedHashMap<>();
            jdbc.query("SELECT " + COLUMNS + " FROM organisation WHERE import_id = ? AND id > ? ORDER BY id FETCH FIRST "
                    + CHUNK + " ROWS ONLY", (RowCallbackHandler) rs -> documents.put(rs.getLong("id"), document(rs)),
                    importId, after);
            for (Map.Entry<Long, Document> found : documents.entrySet()) {
                writer.updateDocument(new Term(ID, Long.toString(found.getKey())), found.getValue());
                after = found.getKey();
            }
            if (documents.size() < CHUNK) {
                return;
            }
        }
    }

    /**
     * After a restore: the index no longer matches the table. Searches go to LIKE at once; a small
     * register is built again before the answer, a large one in the background.
     */
    @EventListener
    void on(RegisterReplaced replaced) {
        if (directory == null) {
            return;
        }
        built = false;
        if (jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class) <= AT_ONCE) {
            build();
        } else {
            background.execute(this::build);
        }
    }

    /**
     * Builds the index from the whole table while searches go to LIKE. Changes committed meanwhile
     * leave their notes (takeIn skips them until the build ends), which the build takes in last, with
     * the lock held until it says the index is whole, so no note falls between.
     */
    private void build() {
        building.lock();
        try {
            long start = System.nanoTime();
            // Under the lock, so that no change taken in before lands after the slate is wiped.
            changing.lock();
            try {
                built = false;
                writer.deleteAll();
            } finally {
                changing.unlock();
            }
            JdbcTemplate reading = new JdbcTemplate(jdbc.getDataSource());
            reading.setFetchSize(CHUNK);
            separately.executeWithoutResult(status -> reading.query("SELECT " + COLUMNS + " FROM organisation",
                    (RowCallbackHandler) rs -> {
                        try {
                            writer.addDocument(document(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            changing.lock();
            try {
                drainWhileLocked();
                searchers.maybeRefreshBlocking();
                built = true;
            } finally {
                changing.unlock();
            }
            int organisations = writer.getDocStats().numDocs;
            if (organisations > AT_ONCE) {
                log.info("Search index built: {} organisations in {} ms", organisations,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            built = false;
            log.warn("The search index could not be built; searches read every organisation: {}", e.toString());
        } finally {
            building.unlock();
        }
    }

    private static Document document(ResultSet rs) throws SQLException {
        Document document = new Document();
        long id = rs.getLong("id");
        document.add(new StringField(ID, Long.toString(id), Field.Store.NO));
        document.add(new NumericDocValuesField(ID, id));
        String text = rs.getString("search_text");
        String contact = rs.getString("contact_name");
        // The contact's name is the text's last line, folded one character for one (SearchText.of).
        int end = contact == null ? text.length() : Math.max(0, text.length() - SearchText.fold(contact).length() - 1);
        String before = text.substring(0, end);
        String contactLine = text.substring(Math.min(text.length(), end + 1));
        document.add(new Field(TRIGRAMS, before, TRIGRAM_TYPE));
        document.add(new Field(SHORT_GRAMS, before, SHORT_TYPE));
        document.add(new Field(CONTACT_TRIGRAMS, contactLine, TRIGRAM_TYPE));
        document.add(new Field(CONTACT_SHORT_GRAMS, contactLine, SHORT_TYPE));
        document.add(new SortedDocValuesField(OrganisationQuery.Sort.NAME.column(), new BytesRef(rs.getString("name_sort"))));
        for (OrganisationQuery.Sort key : List.of(OrganisationQuery.Sort.CATEGORY, OrganisationQuery.Sort.AREA,
                OrganisationQuery.Sort.STATUS)) {
            String value = rs.getString(key.column());
            if (value != null) {
                document.add(new StringField(key.column(), value, Field.Store.NO));
                document.add(new SortedDocValuesField(key.column(), new BytesRef(value)));
            }
        }
        Date interviewed = rs.getDate(OrganisationQuery.Sort.INTERVIEW_DATE.column());
        if (interviewed != null) {
            document.add(new NumericDocValuesField(OrganisationQuery.Sort.INTERVIEW_DATE.column(),
                    interviewed.toLocalDate().toEpochDay()));
        }
        for (String tick : TICKS) {
            Boolean value = rs.getObject(tick, Boolean.class);
            if (value != null) {
                document.add(new StringField(tick, value.toString(), Field.Store.NO));
            }
        }
        return document;
    }

    private static FieldType grams(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    private static Analyzer ngrams(int shortest, int longest) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new NGramTokenizer(shortest, longest));
            }
        };
    }

    /** Whether every committed change is in the index (and nothing is being built). */
    boolean current() {
        return built && nothingWaiting();
    }

    private boolean nothingWaiting() {
        return jdbc.queryForList("SELECT 1 FROM organisation_search_change FETCH FIRST 1 ROWS ONLY").isEmpty();
    }

    /** Waits for the background work, then says in the commit that the index is whole, so the next start uses it. */
    @Override
    public void close() {
        if (directory == null) {
            return;
        }
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        changing.lock();
        try {
            if (built && current() && !purgeOwed.get()) {
                writer.setLiveCommitData(Map.of(DATABASE, database(), CLOSED, "true").entrySet());
            }
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The search index was not closed in order; it is built again at the next start: {}", e.toString());
        } finally {
            changing.unlock();
        }
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            log.debug("Closing a search index that failed to open", e);
        }
    }
}
