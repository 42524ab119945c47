package org.sectormap.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sectormap.MutableClock;

class RateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2007-07-31T09:00:00Z"));

    @Test
    void shouldRefuseOnceTheLimitIsReachedUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(5), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("192.0.2.1")).isEmpty();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(limiter.tryAcquire("192.0.2.1")).contains(Duration.ofSeconds(210));
        assertThat(limiter.blockedFor("192.0.2.1")).contains(Duration.ofSeconds(210));
        assertThat(limiter.tryAcquire("192.0.2.2")).as("another key has its own count").isEmpty();

        clock.advance(Duration.ofSeconds(210));
        assertThat(limiter.tryAcquire("192.0.2.1")).isEmpty();
    }

    @Test
    void shouldNotCountWhatItRefuses() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, clock);
        limiter.count("a");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a")).isPresent();
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }

    @Test
    void shouldRememberAtMostItsNumberOfKeysForgettingExpiredThenOldestWindows() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10), 3, clock);
        limiter.count("old");
        clock.advance(Duration.ofMinutes(10));
        limiter.count("a");
        clock.advance(Duration.ofSeconds(1));
        limiter.count("b");
        limiter.count("c");
        assertThat(limiter.blockedFor("a")).isPresent();

        // A flood of new keys: each pushes out the oldest window, and memory stays at three keys.
        for (int i = 0; i < 10_000; i++) {
            limiter.count("flood-" + i);
        }
        assertThat(limiter.blockedFor("a")).isEmpty();
        assertThat(limiter.blockedFor("flood-9999")).isPresent();
        assertThat(limiter.blockedFor("flood-9997")).isPresent();
        assertThat(limiter.blockedFor("flood-9996")).isEmpty();
    }

    @Test
    void shouldRoundTheWaitUpForPeopleAndTheRetryAfterHeader() {
        TooManyRequestsException e = new TooManyRequestsException("error.tooMany.imports", Duration.ofSeconds(61));
        assertThat(e.retryAfterSeconds()).isEqualTo(61);
        assertThat(e.getArguments()).containsExactly(2L);
        assertThat(TooManyRequestsException.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TooManyRequestsException.minutes(Duration.ofMinutes(5))).isEqualTo(5);
    }
}
