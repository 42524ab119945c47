package org.sectormap.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * PostgreSQL's estimated totals of text searches, each kept a while (a minute by default,
 * {@code sectormap.search.estimate-kept}) for the same search and filters,
 * so that the pages and sorts of one search, and the same search made again, do not sample the table
 * each time: at a million records the sample was 6.7 ms of the 7.4 ms the database spent on a search
 * for "forum". A total kept is not given once this instance has changed the register since, or
 * restored it ({@link OrganisationTally#writes}), or the register's size has changed; a change by
 * another instance shows within that while, as does one read from a streaming replica that had not
 * yet replayed it when the total was read. Only estimates are kept, said to be "about" so many (one
 * record's change seldom moves two significant figures), and a page still tells the truth where it
 * can (the last page gives the exact total).
 */
final class EstimatedTotals {

    /** Searches kept at most, the least recently used forgotten first. */
    static final int MOST = 1_000;

    /**
     * What a total depends on: the search's conditions and their values, the register's size, and how
     * many times this instance had changed the register when the total was read.
     */
    record Key(String conditions, Map<String, Object> values, long rows, long writes) {

        Key {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private record Kept(long total, Instant until) {
    }

    private final Clock clock;
    private final Duration keptFor;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MOST;
        }
    };

    /** @param keptFor how long a total is given again; zero keeps none */
    EstimatedTotals(Clock clock, Duration keptFor) {
        this.clock = clock;
        this.keptFor = keptFor;
    }

    synchronized OptionalLong get(Key key) {
        Kept found = kept.get(key);
        if (found == null) {
            return OptionalLong.empty();
        }
        if (!clock.instant().isBefore(found.until())) {
            kept.remove(key);
            return OptionalLong.empty();
        }
        return OptionalLong.of(found.total());
    }

    /** Totals held, expired ones not yet dropped among them. */
    synchronized int size() {
        return kept.size();
    }

    synchronized void put(Key key, long total) {
        Instant now = clock.instant();
        // Searches hold what people typed, names among it: none is kept past its while.
        kept.values().removeIf(found -> !now.isBefore(found.until()));
        if (keptFor.compareTo(Duration.ZERO) > 0) {
            kept.put(key, new Kept(total, now.plus(keptFor)));
        }
    }
}
