package org.sectormap.imports;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;

import org.sectormap.shared.RateLimiter;
import org.sectormap.shared.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files checked for import per user, from the page and the API together: checking a large file is
 * the heaviest thing a user can ask for, so a script in a loop, or a stolen token, cannot keep the
 * server busy with it. Confirming a checked file does not count.
 */
@Component
class ImportLimit {

    /** Far more than the users of one installation; beyond it the oldest windows are forgotten. */
    private static final int USERS_REMEMBERED = 10_000;

    private final RateLimiter uploads;

    ImportLimit(@Value("${sectormap.rate-limit.imports}") int limit,
            @Value("${sectormap.rate-limit.imports-window}") Duration window, Clock clock) {
        this.uploads = new RateLimiter(limit, window, USERS_REMEMBERED, clock);
    }

    /** @throws TooManyRequestsException when the user has used up the window */
    void count(Principal user) {
        uploads.tryAcquire(user.getName()).ifPresent(wait -> {
            throw new TooManyRequestsException("error.tooMany.imports", wait);
        });
    }
}
