package org.sectormap.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sectormap.organisation.FieldChecks;
import org.sectormap.organisation.FormErrors;
import org.springframework.stereotype.Component;

/** Checks an attempt as typed into the form or sent to the API, naming each field in error. */
@Component
class ContactAttemptRules {

    static final int NOTE_LENGTH = 2000;

    private final FieldChecks checks;

    ContactAttemptRules(FieldChecks checks) {
        this.checks = checks;
    }

    record Attempt(LocalDate attemptedOn, ContactMethod method, ContactOutcome outcome, String note) {
    }

    record Result(Attempt attempt, List<FormErrors.Entry> errors) {
    }

    Result check(ContactAttemptForm form) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        LocalDate date = checks.pastDate("attemptedOn", form.attemptedOn(), "contact.error.date.required", errors);
        ContactMethod method = checks.choice(ContactMethod.class, "method", form.method(), "contact.error", errors);
        ContactOutcome outcome = checks.choice(ContactOutcome.class, "outcome", form.outcome(), "contact.error",
                errors);
        String note = checks.text("note", form.note(), NOTE_LENGTH, errors);
        return new Result(errors.isEmpty() ? new Attempt(date, method, outcome, note) : null, errors);
    }
}
