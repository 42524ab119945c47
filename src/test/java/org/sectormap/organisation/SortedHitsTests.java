package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The selection across segments that finds a deep page without sorting the hits before it, against
 * Lucene's own sorted search (LuceneSearchTests compares the app's pages with SQL's).
 */
class SortedHitsTests {

    @Test
    void shouldGiveLucenesPageAtEveryDepthInEveryOrderFromHitsInManySegments() throws Exception {
        Random random = new Random(5);
        int records = 6_000;
        try (Directory directory = new ByteBuffersDirectory()) {
            // Names repeat, so that records of one name lie in different segments and tie on their ids.
            IndexedRecords.fill(directory, IndexedRecords.config().setMaxBufferedDocs(400), records, 2_000, random);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).as("segments").hasSizeGreaterThan(3);
                assertThat(reader.numDeletedDocs()).as("records saved again").isPositive();
                IndexSearcher searcher = new IndexSearcher(reader);
                int total = reader.numDocs();
                for (OrganisationQuery.Sort sort : List.of(OrganisationQuery.Sort.NAME, OrganisationQuery.Sort.AREA,
                        OrganisationQuery.Sort.INTERVIEW_DATE)) {
                    for (boolean descending : new boolean[] {false, true}) {
                        for (int i = 0; i < 40; i++) {
                            int size = i % 4 == 0 ? 1 : 1 + random.nextInt(OrganisationQuery.MAX_SIZE);
                            int page = i < 2 ? 1 + i * (total / size) : 1 + random.nextInt(total / size + 1);
                            OrganisationQuery q = IndexedRecords.page(sort, descending, page, size);
                            SearchIndex.Hits hits = SortedHits.page(searcher, IndexedRecords.EVERY, q).orElseThrow();
                            assertThat(hits.ids()).as("%s", q).isEqualTo(IndexedRecords.queued(searcher, q));
                            assertThat(hits.total()).as("total of %s", q).isEqualTo(total);
                        }
                    }
                }
            }
        }
    }
}
