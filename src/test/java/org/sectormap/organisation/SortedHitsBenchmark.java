package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A deep page of the search index's hits (SortedHits) against Lucene's own top-N collector, the
 * baseline, over a search index of {@code benchmark.hits} records (a million by default) that one word
 * matches every one of, written as the app writes it (32 MB at a time, a tenth saved again), so that
 * the hits lie interleaved in several segments. Prints each page's median and the ratio; checks that
 * both give the same ids.
 */
@Tag("benchmark")
class SortedHitsBenchmark {

    private static final int HITS = Integer.getInteger("benchmark.hits", 1_000_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 7);

    @Test
    void shouldPrintDeepPagesAgainstLucenesQueue() throws Exception {
        Path folder = Files.createTempDirectory("sorted-hits");
        try (Directory directory = FSDirectory.open(folder)) {
            long start = System.nanoTime();
            // Flushed as the app's index is, 32 MB at a time.
            IndexedRecords.fill(directory, IndexedRecords.config().setRAMBufferSizeMB(32), HITS, HITS, new Random(7));
            System.out.printf("%nSortedHits: %,d records indexed in %,d ms%n", HITS, (System.nanoTime() - start) / 1_000_000);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                System.out.printf("%d segments, %,d deleted%n", reader.leaves().size(), reader.numDeletedDocs());
                int middle = HITS / 2 / OrganisationQuery.DEFAULT_SIZE;
                Map<String, OrganisationQuery> pages = new LinkedHashMap<>();
                pages.put(String.format("by name, page %,d", middle), page(OrganisationQuery.Sort.NAME, false, middle));
                pages.put(String.format("by name descending, page %,d", middle), page(OrganisationQuery.Sort.NAME, true, middle));
                pages.put(String.format("by area, page %,d", middle), page(OrganisationQuery.Sort.AREA, false, middle));
                pages.put(String.format("by interview date, page %,d", middle),
                        page(OrganisationQuery.Sort.INTERVIEW_DATE, false, middle));
                pages.put("by name, page 41", page(OrganisationQuery.Sort.NAME, false, 41));
                pages.put("by name, last page", page(OrganisationQuery.Sort.NAME, false, HITS / OrganisationQuery.DEFAULT_SIZE));
                System.out.printf("%-40s %12s %16s %8s%n", "page of a word in every record", "SortedHits", "Lucene's queue", "ratio");
                for (Map.Entry<String, OrganisationQuery> page : pages.entrySet()) {
                    OrganisationQuery q = page.getValue();
                    List<Long> sorted = SortedHits.page(searcher, IndexedRecords.EVERY, q).orElseThrow().ids();
                    assertThat(sorted).as(page.getKey()).isEqualTo(IndexedRecords.queued(searcher, q));
                    double ours = median(() -> SortedHits.page(searcher, IndexedRecords.EVERY, q));
                    double lucene = median(() -> IndexedRecords.queued(searcher, q));
                    System.out.printf("%-40s %9.1f ms %13.1f ms %8.2f%n", page.getKey(), ours, lucene, ours / lucene);
                }
            }
        } finally {
            IOUtils.rm(folder);
        }
    }

    private static OrganisationQuery page(OrganisationQuery.Sort sort, boolean descending, int page) {
        return IndexedRecords.page(sort, descending, page, OrganisationQuery.DEFAULT_SIZE);
    }

    private static double median(Callable<?> page) throws Exception {
        for (int i = 0; i < 3; i++) {
            page.call();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            page.call();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
