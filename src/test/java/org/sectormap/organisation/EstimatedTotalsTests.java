package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectormap.MutableClock;

class EstimatedTotalsTests {

    private static final String FORUM = " WHERE search_text LIKE :text0";

    private final MutableClock clock = new MutableClock(Instant.parse("2007-07-31T09:00:00Z"));
    private final EstimatedTotals totals = new EstimatedTotals(clock, Duration.ofMinutes(1));

    private static EstimatedTotals.Key key(String pattern, long rows, long writes) {
        return new EstimatedTotals.Key(FORUM, Map.of("text0", pattern), rows, writes);
    }

    @Test
    void shouldGiveAKeptTotalForTheSameSearchUntilAMinuteHasPassed() {
        totals.put(key("%forum%", 1_000_000, 7), 100_000);

        clock.advance(Duration.ofSeconds(59));
        assertThat(totals.get(key("%forum%", 1_000_000, 7))).hasValue(100_000);
        clock.advance(Duration.ofSeconds(1));
        assertThat(totals.get(key("%forum%", 1_000_000, 7))).isEmpty();
    }

    @Test
    void shouldDropExpiredSearchesWhenAnotherIsKept() {
        totals.put(key("%smith%", 1_000_000, 7), 2_000);
        clock.advance(Duration.ofMinutes(1));

        totals.put(key("%forum%", 1_000_000, 7), 100_000);

        assertThat(totals.size()).as("what a person searched for is not held past its minute").isEqualTo(1);
    }

    @Test
    void shouldNotGiveATotalForAnotherSearchSizeOrCountOfWrites() {
        totals.put(key("%forum%", 1_000_000, 7), 100_000);

        assertThat(totals.get(key("%network%", 1_000_000, 7))).isEmpty();
        assertThat(totals.get(key("%forum%", 1_000_001, 7))).as("the register has grown").isEmpty();
        assertThat(totals.get(key("%forum%", 1_000_000, 8))).as("this instance has changed it").isEmpty();
        assertThat(totals.get(new EstimatedTotals.Key(FORUM + " AND category = :category",
                Map.of("text0", "%forum%", "category", "bme-network"), 1_000_000, 7))).isEmpty();
    }

    @Test
    void shouldKeepTheValuesAsTheyWereWhenTheTotalWasRead() {
        Map<String, Object> values = new HashMap<>(Map.of("text0", "%forum%"));
        totals.put(new EstimatedTotals.Key(FORUM, values, 1_000_000, 7), 100_000);
        // The page's statements add their own values to the search's map afterwards.
        values.put("offset", 25);

        assertThat(totals.get(key("%forum%", 1_000_000, 7))).hasValue(100_000);
    }

    @Test
    void shouldKeepNoneWhenToldToKeepThemNoTime() {
        EstimatedTotals none = new EstimatedTotals(clock, Duration.ZERO);
        none.put(key("%forum%", 1_000_000, 7), 100_000);

        assertThat(none.get(key("%forum%", 1_000_000, 7))).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedPastTheMost() {
        for (int i = 0; i < EstimatedTotals.MOST; i++) {
            totals.put(key("%word" + i + "%", 1_000_000, 7), i + 2_000);
        }
        assertThat(totals.get(key("%word0%", 1_000_000, 7))).hasValue(2_000);

        totals.put(key("%one more%", 1_000_000, 7), 5_000);

        assertThat(totals.get(key("%word0%", 1_000_000, 7))).as("used last but one").hasValue(2_000);
        assertThat(totals.get(key("%word1%", 1_000_000, 7))).as("used least lately").isEmpty();
        assertThat(totals.get(key("%one more%", 1_000_000, 7))).hasValue(5_000);
    }
}
