package org.sectormap.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * At most {@code limit} events per key in each fixed window of time, counted in this instance's
 * memory. Fixed windows rather than a sliding log: a constant amount of memory per key, at the cost
 * of allowing up to twice the limit across a window's edge, which is plenty to stop guessing or a
 * script uploading in a loop. At most {@code maxKeys} keys are remembered, so a flood of new
 * addresses cannot exhaust the memory: when full, expired windows go first, then the oldest window,
 * whose key then starts again from nothing (someone with that many addresses has beaten a limit per
 * address anyway).
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    /** In the order the windows started, oldest first: a renewed window is moved to the end. */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        private final Instant start;
        private int count;

        private Window(Instant start) {
            this.start = start;
        }
    }

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("A rate limit needs a limit, a window and room for at least one key");
        }
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long until the key may act again, if it has used up its window; counts nothing. */
    public synchronized Optional<Duration> blockedFor(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || expired(current, now) || current.count < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.start.plus(window)));
    }

    /** Counts one event against the key. */
    public synchronized void count(String key) {
        Instant now = clock.instant();
        Window current = windows.get(key);
        if (current == null || expired(current, now)) {
            windows.remove(key);
            makeRoom(now);
            current = new Window(now);
            windows.put(key, current);
        }
        current.count++;
    }

    /** Counts one event unless the key has used up its window; then says how long until it may act again. */
    public synchronized Optional<Duration> tryAcquire(String key) {
        Optional<Duration> blocked = blockedFor(key);
        if (blocked.isEmpty()) {
            count(key);
        }
        return blocked;
    }

    private boolean expired(Window current, Instant now) {
        return !now.isBefore(current.start.plus(window));
    }

    /** Drops expired windows, and the oldest live one while full; windows are in start order, so it stops early. */
    private void makeRoom(Instant now) {
        Iterator<Window> oldestFirst = windows.values().iterator();
        while (oldestFirst.hasNext()) {
            Window oldest = oldestFirst.next();
            if (windows.size() < maxKeys && !expired(oldest, now)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
