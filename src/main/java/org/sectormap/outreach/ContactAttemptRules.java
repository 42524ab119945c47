package org.sectormap.outreach;

import java.time.LocalDate;
import java.util.List;

import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.Problem;
import org.springframework.stereotype.Component;

/** Checks an attempt as typed into the form or sent to the API, naming each field in error. */
@Component
class ContactAttemptRules {

    static final int NOTE_LENGTH = 2000;

    private final Inputs inputs;

    ContactAttemptRules(Inputs inputs) {
        this.inputs = inputs;
    }

    record Attempt(LocalDate attemptedOn, ContactMethod method, ContactOutcome outcome, String note) {
    }

    record Result(Attempt attempt, List<Problem> problems) {
    }

    Result check(ContactAttemptForm form) {
        Input in = inputs.read(field -> switch (field) {
            case "attemptedOn" -> form.attemptedOn();
            case "method" -> form.method();
            case "outcome" -> form.outcome();
            default -> form.note();
        });
        LocalDate date = in.date("attemptedOn", "contact.error.date.required");
        ContactMethod method = in.choice(ContactMethod.class, "method", "contact.error.method.required");
        ContactOutcome outcome = in.choice(ContactOutcome.class, "outcome", "contact.error.outcome.required");
        String note = in.text("note", NOTE_LENGTH);
        return new Result(in.valid() ? new Attempt(date, method, outcome, note) : null, in.problems());
    }
}
