package org.sectormap.organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * A deep page of the search index's hits in the list's order (the sort key, those without one last in
 * either direction, then the id). Lucene's top-N collector keeps every hit up to the page's end in a
 * queue of objects, which is why pages past the 50,000th hit were left to SQL, and the middle page of
 * a word held by 100,000 of a million took 55 to 185 ms. Here each hit is one long in its segment's
 * array, its rank in the segment's order of the key above its id; a selection across the segments
 * finds the hits before the page and those on it without sorting either, and only the page is sorted.
 */
final class SortedHits {

    private static final int ID_BITS = 36;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** The rank of a hit without a value, after every other. */
    private static final long MISSING = (1L << (63 - ID_BITS)) - 1;
    /** A date's rank is its day counted from 1 January of the year 1, so that ranks compare across segments. */
    private static final long DAY_ONE = -719_162;

    private SortedHits() {
    }

    /** The page's ids and the exact number of hits; empty where a rank or an id would not fit beside the other. */
    static Optional<SearchIndex.Hits> page(IndexSearcher searcher, Query query, OrganisationQuery q) throws IOException {
        Key key = new Key(q.sort().column(), q.sort() == OrganisationQuery.Sort.INTERVIEW_DATE, q.descending());
        List<Segment> segments = searcher.search(query, new Collecting(key));
        if (segments.stream().anyMatch(s -> !s.fits)) {
            return Optional.empty();
        }
        long total = segments.stream().mapToLong(s -> s.size).sum();
        long end = Math.min(q.offset() + q.size(), total);
        List<Long> ids = new ArrayList<>(q.size());
        if (q.offset() < end) {
            takeFirst(segments, key, end);
            segments.forEach(Segment::keepTaken);
            takeFirst(segments, key, q.offset());
            List<Hit> page = new ArrayList<>(q.size());
            for (Segment segment : segments) {
                for (int i = segment.lo; i < segment.size; i++) {
                    page.add(new Hit(segment, segment.hits[i]));
                }
            }
            page.sort(key::compare);
            page.forEach(hit -> ids.add(key.id(hit.packed())));
        }
        return Optional.of(new SearchIndex.Hits(ids, total));
    }

    /**
     * Moves to the front of each segment's array the hits that are among the first {@code k} of all the
     * segments in the list's order, leaving each segment's count of them in its {@code lo}. A quickselect
     * across the segments: each round splits every segment's undecided hits around one hit, taken at
     * random from the segment with most undecided, so that no order of the hits makes it quadratic; a
     * text is placed in another segment by looking its bytes up in that segment's values. Nothing is
     * sorted: a page in the middle of a million hits took 94 ms sorting each segment's hits and merging
     * them up to the page.
     */
    private static void takeFirst(List<Segment> segments, Key key, long k) {
        long taken = 0;
        for (Segment segment : segments) {
            segment.lo = 0;
            segment.hi = segment.size;
        }
        while (taken < k) {
            Segment widest = segments.get(0);
            for (Segment segment : segments) {
                widest = segment.hi - segment.lo > widest.hi - widest.lo ? segment : widest;
            }
            long pivot = widest.hits[widest.lo + ThreadLocalRandom.current().nextInt(widest.hi - widest.lo)];
            BytesRef text = key.text(pivot, widest);
            long atMost = 0;
            for (Segment segment : segments) {
                segment.split = segment.partition(segment == widest ? pivot : key.before(pivot, text, segment));
                atMost += segment.split;
            }
            if (taken + atMost <= k) {
                taken += atMost;
                for (Segment segment : segments) {
                    segment.lo += segment.split;
                }
            } else {
                // More than k hits are at most the pivot, so the k first are all before it.
                for (Segment segment : segments) {
                    segment.hi = segment.lo + segment.split;
                }
                widest.dropLast(pivot);
            }
        }
    }

    /** A hit of a segment, packed as the segment orders it. */
    private record Hit(Segment segment, long packed) {
    }

    /** The sorted column, whether it holds dates, and the direction. */
    private record Key(String column, boolean date, boolean descending) {

        /** A hit as one long: ascending order of the longs is the list's order within a segment. */
        long pack(long rank, long id) {
            boolean held = rank != MISSING;
            return (descending && held ? MISSING - 1 - rank : rank) << ID_BITS | (descending ? ID_MASK - id : id);
        }

        long rank(long packed) {
            long rank = packed >>> ID_BITS;
            return descending && rank != MISSING ? MISSING - 1 - rank : rank;
        }

        long id(long packed) {
            long id = packed & ID_MASK;
            return descending ? ID_MASK - id : id;
        }

        /**
         * The hit's text, copied, where it is ranked within its segment alone: a date's rank, or a hit's
         * without a value, means the same in every segment, and null is returned.
         */
        BytesRef text(long hit, Segment from) {
            long rank = hit >>> ID_BITS;
            return date || rank == MISSING ? null : BytesRef.deepCopyOf(from.text(rank(hit)));
        }

        /**
         * The greatest long that another segment's hit can be packed as and still come no later than
         * {@code pivot}, whose {@link #text} is {@code text}: a text is placed among that segment's values
         * by its bytes (code point order, as the index's sort does).
         */
        long before(long pivot, BytesRef text, Segment to) {
            if (text == null) {
                return pivot;
            }
            int found = to.ordinal(text);
            if (found >= 0) {
                return pack(found, id(pivot));
            }
            // Not among that segment's values: its hits come before it up to where it would stand.
            long standing = -1L - found;
            return ((descending ? MISSING - standing : standing) << ID_BITS) - 1;
        }

        /** Two hits in the list's order, from the same segment or not. */
        int compare(Hit a, Hit b) {
            long x = a.packed();
            long y = b.packed();
            if (date || a.segment() == b.segment() || x >>> ID_BITS == MISSING || y >>> ID_BITS == MISSING) {
                return Long.compare(x, y);
            }
            int byValue = a.segment().text(rank(x)).compareTo(b.segment().text(rank(y)));
            return byValue != 0 ? (descending ? -byValue : byValue) : Long.compare(x & ID_MASK, y & ID_MASK);
        }
    }

    /** One segment's hits, and those of them a selection has not yet placed: {@code [lo, hi)}. */
    private static final class Segment {

        private final Key key;
        private final SortedDocValues texts;
        private long[] hits = new long[64];
        private int size;
        private int lo;
        private int hi;
        private int split;
        private boolean fits;

        private Segment(Key key, SortedDocValues texts) {
            this.key = key;
            this.texts = texts;
            fits = texts == null || texts.getValueCount() < MISSING;
        }

        /** A hit: its rank, or {@link #MISSING} when it holds no value, and its id. */
        void add(long rank, long id) {
            if (id < 0 || id > ID_MASK || rank < 0) {
                fits = false;
                return;
            }
            if (size == hits.length) {
                hits = Arrays.copyOf(hits, size * 2);
            }
            hits[size++] = key.pack(rank, id);
        }

        /** Moves the unplaced hits packed as at most {@code most} to the front of the unplaced; how many. */
        int partition(long most) {
            int i = lo;
            int j = hi - 1;
            while (i <= j) {
                if (hits[i] <= most) {
                    i++;
                } else {
                    long swapped = hits[i];
                    hits[i] = hits[j];
                    hits[j--] = swapped;
                }
            }
            return i - lo;
        }

        /** Drops {@code hit}, the greatest of the unplaced, from them. */
        void dropLast(long hit) {
            for (int i = lo; i < hi; i++) {
                if (hits[i] == hit) {
                    hits[i] = hits[hi - 1];
                    hits[--hi] = hit;
                    return;
                }
            }
        }

        /** Forgets every hit after those the last selection took. */
        void keepTaken() {
            size = lo;
        }

        BytesRef text(long rank) {
            try {
                return texts.lookupOrd((int) rank);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int ordinal(BytesRef text) {
            try {
                return texts.lookupTerm(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Each hit's rank and id, from the doc values, into its segment's array. */
    private record Collecting(Key key) implements CollectorManager<Collecting.Gather, List<Segment>> {

        @Override
        public Gather newCollector() {
            return new Gather(key);
        }

        @Override
        public List<Segment> reduce(Collection<Gather> collectors) {
            return collectors.stream().flatMap(c -> c.segments.stream()).toList();
        }

        private static final class Gather extends SimpleCollector {

            private final Key key;
            private final List<Segment> segments = new ArrayList<>();
            private Segment segment;
            private NumericDocValues ids;
            private NumericDocValues dates;
            private SortedDocValues texts;

            private Gather(Key key) {
                this.key = key;
            }

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                ids = DocValues.getNumeric(context.reader(), SearchIndex.ID);
                if (key.date()) {
                    dates = DocValues.getNumeric(context.reader(), key.column());
                } else {
                    texts = DocValues.getSorted(context.reader(), key.column());
                }
                segment = new Segment(key, key.date() ? null : texts);
                segments.add(segment);
            }

            @Override
            public void collect(int doc) throws IOException {
                ids.advanceExact(doc);
                long rank;
                if (key.date()) {
                    // A day too far from the year 1 to rank below MISSING (the year 367,000) does not fit.
                    rank = dates.advanceExact(doc) ? ranked(dates.longValue() - DAY_ONE) : MISSING;
                } else {
                    rank = texts.advanceExact(doc) ? texts.ordValue() : MISSING;
                }
                segment.add(rank, ids.longValue());
            }

            private static long ranked(long days) {
                return days < MISSING ? days : -1;
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
