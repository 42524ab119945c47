package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.Test;

/** The selection that spares a deep page from sorting every hit (LuceneSearchTests compares the pages themselves). */
class SortedHitsTests {

    @Test
    void shouldPutTheSmallestHitsFirstWhateverTheirOrder() {
        Random random = new Random(41);
        int size = 5_000;
        long[] shuffled = random.longs(size, 0, Long.MAX_VALUE).distinct().toArray();
        IntToLongFunction[] orders = {
            i -> i, // already in order
            i -> size - i, // reversed
            i -> i < size / 2 ? 2L * i : 2L * (size - i) + 1, // organ pipe
            i -> i % 2 == 0 ? i : size + i, // every other one from the back half
            i -> shuffled[i % shuffled.length] + i // random
        };
        for (IntToLongFunction order : orders) {
            for (int k : new int[] {1, 2, 999, 1_000, 2_500, size - 1}) {
                long[] hits = new long[size];
                for (int i = 0; i < size; i++) {
                    hits[i] = order.applyAsLong(i);
                }
                long[] sorted = hits.clone();
                Arrays.sort(sorted);
                SortedHits.selectSmallest(hits, size, k);
                long[] first = Arrays.copyOf(hits, k);
                Arrays.sort(first);
                assertThat(first).as("the %d smallest", k).isEqualTo(Arrays.copyOf(sorted, k));
            }
        }
    }
}
