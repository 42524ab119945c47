package org.sectormap.outreach;

import java.time.LocalDate;

/** One attempt to reach an organisation, as stored. */
public record ContactAttempt(long id, long organisationId, LocalDate attemptedOn, ContactMethod method,
        ContactOutcome outcome, String note) {
}
