package org.sectormap.shared;

import java.time.Duration;

/**
 * Someone has used up a rate limit: a 429 with {@code Retry-After}, as a page or the API's JSON.
 * The message key's first argument is the number of whole minutes to wait.
 */
public class TooManyRequestsException extends Explained {

    private final Duration retryAfter;

    public TooManyRequestsException(String key, Duration retryAfter) {
        super(key, minutes(retryAfter));
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /** Whole minutes, rounded up, for people: "try again in 5 minutes" rather than in 287 seconds. */
    public static long minutes(Duration wait) {
        return (seconds(wait) + 59) / 60;
    }
}
