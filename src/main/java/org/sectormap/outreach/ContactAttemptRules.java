package org.sectormap.outreach;

import java.time.LocalDate;
import java.util.List;

import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Component;

/** Checks an attempt as typed into the form or sent to the API, naming each field in error. */
@Component
class ContactAttemptRules {

    static final int NOTE_LENGTH = 2000;
    private static final String NEW_STATUS = "newStatus";
    private static final String DUE_ON = "dueOn";

    private final Inputs inputs;

    ContactAttemptRules(Inputs inputs) {
        this.inputs = inputs;
    }

    /** @param dueOn the day a call back or interview it arranged is due, or null for as soon as may be */
    record Attempt(LocalDate attemptedOn, ContactMethod method, ContactOutcome outcome, String note, LocalDate dueOn) {
    }

    /** @param newStatus listed or unreachable, when the page asked to move the organisation on; else null */
    record Result(Attempt attempt, OutreachStatus newStatus, List<Problem> problems) {
    }

    /** An attempt alone, as the API logs it: the status is changed from the page, where its consequences show. */
    Result check(ContactAttemptForm form) {
        return check(form, null, null);
    }

    /**
     * An attempt from the page, which may also move the organisation to listed or unreachable;
     * not one already interviewed, whose answers that would drop.
     */
    Result check(ContactAttemptForm form, String typedNewStatus, OutreachStatus current) {
        Input in = inputs.read(field -> switch (field) {
            case "attemptedOn" -> form.attemptedOn();
            case "method" -> form.method();
            case "outcome" -> form.outcome();
            case NEW_STATUS -> typedNewStatus;
            case DUE_ON -> form.dueOn();
            default -> form.note();
        });
        OutreachStatus newStatus = in.choice(OutreachStatus.class, NEW_STATUS, null);
        if (newStatus == OutreachStatus.INTERVIEWED || newStatus == OutreachStatus.EXCLUDED
                || newStatus != null && current == OutreachStatus.INTERVIEWED) {
            in.problem(NEW_STATUS, "contact.error.newStatus");
        }
        LocalDate date = in.date("attemptedOn", "contact.error.date.required");
        ContactMethod method = in.choice(ContactMethod.class, "method", "contact.error.method.required");
        ContactOutcome outcome = in.choice(ContactOutcome.class, "outcome", "contact.error.outcome.required");
        String note = in.text("note", NOTE_LENGTH);
        LocalDate dueOn = in.dateAhead(DUE_ON);
        if (dueOn != null && outcome != null && !outcome.arranges()) {
            in.problem(DUE_ON, "contact.error.dueOn.notArranged");
        } else if (dueOn != null && date != null && dueOn.isBefore(date)) {
            in.problem(DUE_ON, "contact.error.dueOn.beforeAttempt");
        }
        return new Result(in.valid() ? new Attempt(date, method, outcome, note, dueOn) : null,
                in.valid() ? newStatus : null, in.problems());
    }
}
