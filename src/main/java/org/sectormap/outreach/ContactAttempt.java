package org.sectormap.outreach;

import java.time.LocalDate;

/** One attempt to reach an organisation, as stored. */
public record ContactAttempt(long id, long organisationId, LocalDate attemptedOn, ContactMethod method,
        ContactOutcome outcome, String note) {

    /** Its values as logged. */
    ContactAttemptRules.Attempt logged() {
        return new ContactAttemptRules.Attempt(attemptedOn, method, outcome, note);
    }

    /** Its values as the form shows them, to change. */
    ContactAttemptForm typed() {
        return new ContactAttemptForm(attemptedOn.toString(), method.code(), outcome.code(), note);
    }
}
