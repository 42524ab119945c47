package org.sectormap.outreach;

import java.time.LocalDate;

/**
 * One attempt to reach an organisation, as stored.
 *
 * @param dueOn the day the call back or interview it arranged is due, if one was given
 */
public record ContactAttempt(long id, long organisationId, LocalDate attemptedOn, ContactMethod method,
        ContactOutcome outcome, String note, LocalDate dueOn) {

    /** Its values as logged. */
    ContactAttemptRules.Attempt logged() {
        return new ContactAttemptRules.Attempt(attemptedOn, method, outcome, note, dueOn);
    }

    /** Its values as the form shows them, to change. */
    ContactAttemptForm typed() {
        return new ContactAttemptForm(attemptedOn.toString(), method.code(), outcome.code(), note,
                dueOn == null ? null : dueOn.toString());
    }
}
