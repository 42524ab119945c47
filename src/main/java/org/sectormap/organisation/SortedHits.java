package org.sectormap.organisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

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
import org.apache.lucene.util.BytesRefBuilder;

/**
 * A deep page of the search index's hits in the list's order (the sort key, those without one last in
 * either direction, then the id). Lucene's top-N collector keeps every hit up to the page's end in a
 * queue of objects, which is why pages past the 50,000th hit were left to SQL, and the middle page of
 * a word held by 100,000 of a million took 55 to 185 ms. Here each hit is one long in its segment's
 * array, its rank in the segment's order of the key above its id; each segment sorts the hits a page
 * can reach, and the segments are merged up to the page: the hits before it are stepped past, never
 * queued.
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
        long total = 0;
        PriorityQueue<Segment> heads = new PriorityQueue<>(key::compare);
        long end = q.offset() + q.size();
        for (Segment segment : segments) {
            total += segment.size;
            if (segment.size > 0) {
                segment.sortFirst((int) Math.min(end, segment.size));
                heads.add(segment);
            }
        }
        List<Long> ids = new ArrayList<>(q.size());
        long at = 0;
        while (at < end && !heads.isEmpty()) {
            Segment first = heads.poll();
            Segment next = heads.peek();
            // A segment's run of hits before the next segment's head is taken without the queue.
            do {
                if (at++ >= q.offset()) {
                    ids.add(key.id(first.head()));
                }
            } while (at < end && first.advance() && (next == null || key.compare(first, next) <= 0));
            if (!first.done()) {
                heads.add(first);
            }
        }
        return Optional.of(new SearchIndex.Hits(ids, total));
    }

    /**
     * Puts the {@code k} smallest of {@code a[0, size)} first, in no order (quickselect, median of three;
     * the values are distinct). After many rounds it sorts what is left instead, so that no order of the
     * hits makes it quadratic.
     */
    static void selectSmallest(long[] a, int size, int k) {
        int lo = 0;
        int hi = size - 1;
        int target = k - 1;
        for (int round = 0; lo < hi; round++) {
            if (round == 64) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            long pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swapped = a[i];
                    a[i++] = a[j];
                    a[j--] = swapped;
                }
            }
            // a[lo, j] are at most the pivot, a[i, hi] at least; between them, the pivot itself.
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
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
         * Two segments' next hits. A date's rank means the same in every segment; a text's rank is its
         * ordinal in its own segment, so two texts compare by their bytes (code point order, as the
         * index's sort does).
         */
        int compare(Segment a, Segment b) {
            long x = a.head();
            long y = b.head();
            long rankX = x >>> ID_BITS;
            long rankY = y >>> ID_BITS;
            if (date || rankX == MISSING || rankY == MISSING) {
                return Long.compare(x, y);
            }
            int byValue = a.value().compareTo(b.value());
            return byValue != 0 ? (descending ? -byValue : byValue) : Long.compare(x & ID_MASK, y & ID_MASK);
        }
    }

    /** One segment's hits, and the one the merge is at. */
    private static final class Segment {

        private final Key key;
        private final SortedDocValues texts;
        private long[] hits = new long[64];
        private int size;
        private int at;
        private boolean fits;
        private long valueRank = -1;
        private final BytesRefBuilder value = new BytesRefBuilder();

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

        long head() {
            return hits[at];
        }

        /**
         * Sorts the segment's first {@code k} hits, and only those: no page reaches past them. Sorting a
         * million hits took most of a deep page's time (a page past the thousandth of a word in every
         * record, 96 ms at a million), where selecting the first thousand is linear.
         */
        void sortFirst(int k) {
            if (k < size) {
                selectSmallest(hits, size, k);
                size = k;
            }
            Arrays.sort(hits, 0, size);
        }

        boolean advance() {
            return ++at < size;
        }

        boolean done() {
            return at >= size;
        }

        /** The head's text, looked up once for each run of hits holding the same one. */
        BytesRef value() {
            long rank = key.rank(head());
            if (rank != valueRank) {
                try {
                    value.copyBytes(texts.lookupOrd((int) rank));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                valueRank = rank;
            }
            return value.get();
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
