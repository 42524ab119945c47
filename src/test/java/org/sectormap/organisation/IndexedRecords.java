package org.sectormap.organisation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * A search index of generated records holding the sort keys as the app's does (the id, the folded
 * name, the area, the interview date), each also holding one word that the {@link #EVERY} query finds,
 * for comparing {@link SortedHits} with Lucene's own sorted search.
 */
final class IndexedRecords {

    static final Query EVERY = new TermQuery(new Term("every", "yes"));
    private static final String[] WORDS = {"african", "asian", "caribbean", "chinese", "community", "council", "derby",
        "forum", "group", "leicester", "lincoln", "network", "nottingham", "refugee", "somali", "trust", "voluntary",
        "women", "youth", "centre", "action", "partnership", "alliance", "association"};
    private static final String[] AREAS = {"derby city", "derbyshire", "leicester city", "leicestershire",
        "lincolnshire", "northamptonshire", "nottingham city", "nottinghamshire", "rutland", "regional", "national"};

    private IndexedRecords() {
    }

    /**
     * Writes {@code records} records, flushed as {@code config} says, so that they lie in several segments, then
     * saves a tenth of them again (the saved ones deleted where they were, their hits interleaved with the
     * rest). There are {@code names} names, so that with fewer names than records each is held by
     * several, in different segments; a tenth have no area, half no interview date.
     */
    static void fill(Directory directory, IndexWriterConfig config, int records, int names, Random random)
            throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (long id = 1; id <= records; id++) {
                writer.addDocument(document(random, id, names));
            }
            writer.commit();
            for (int i = 0; i < records / 10; i++) {
                long id = 1 + random.nextInt(records);
                writer.updateDocument(new Term(SearchIndex.ID, Long.toString(id)), document(random, id, names));
            }
            writer.commit();
        }
    }

    private static Document document(Random random, long id, int names) {
        Document document = new Document();
        document.add(new StringField(SearchIndex.ID, Long.toString(id), Field.Store.NO));
        document.add(new NumericDocValuesField(SearchIndex.ID, id));
        document.add(new StringField("every", "yes", Field.Store.NO));
        int named = random.nextInt(names);
        String name = WORDS[named % WORDS.length] + " " + WORDS[named / WORDS.length % WORDS.length] + " " + named;
        document.add(new SortedDocValuesField(OrganisationQuery.Sort.NAME.column(), new BytesRef(name)));
        if (random.nextInt(10) > 0) {
            document.add(new SortedDocValuesField(OrganisationQuery.Sort.AREA.column(),
                    new BytesRef(AREAS[random.nextInt(AREAS.length)])));
        }
        if (random.nextBoolean()) {
            document.add(new NumericDocValuesField(OrganisationQuery.Sort.INTERVIEW_DATE.column(),
                    LocalDate.of(2007, 1, 1).plusDays(random.nextInt(3_000)).toEpochDay()));
        }
        return document;
    }

    static IndexWriterConfig config() {
        return new IndexWriterConfig(new KeywordAnalyzer());
    }

    /** A page of every record in this order, read through Lucene's queue of every hit to the page's end. */
    static OrganisationQuery page(OrganisationQuery.Sort sort, boolean descending, int page, int size) {
        return new OrganisationQuery("yes", null, false, null, null, null, null, null, null, sort, descending, page, size);
    }

    /** The page's ids as Lucene's top-N search gives them, every hit to the page's end in its queue. */
    static List<Long> queued(IndexSearcher searcher, OrganisationQuery q) throws IOException {
        ScoreDoc[] hits = searcher.search(EVERY, new TopFieldCollectorManager(SearchIndex.sort(q),
                (int) (q.offset() + q.size()), null, Integer.MAX_VALUE)).scoreDocs;
        List<Long> ids = new ArrayList<>();
        for (int i = (int) q.offset(); i < hits.length; i++) {
            Object[] keys = ((FieldDoc) hits[i]).fields;
            ids.add((Long) keys[keys.length - 1]);
        }
        return ids;
    }
}
