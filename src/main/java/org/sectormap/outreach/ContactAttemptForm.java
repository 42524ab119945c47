package org.sectormap.outreach;

/**
 * An attempt as typed, kept as text so a form with errors shows again unchanged; the API sends
 * the same fields as JSON.
 */
public record ContactAttemptForm(String attemptedOn, String method, String outcome, String note, String dueOn) {

    static ContactAttemptForm today(String date) {
        return new ContactAttemptForm(date, null, null, null, null);
    }
}
