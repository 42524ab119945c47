package org.sectormap.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.sectormap.organisation.FormErrors;
import org.sectormap.organisation.Labels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Checks an attempt as typed into the form or sent to the API, naming each field in error. */
@Component
class ContactAttemptRules {

    static final int NOTE_LENGTH = 2000;

    private final Labels labels;
    private final MessageSource messages;
    private final Clock clock;

    ContactAttemptRules(Labels labels, MessageSource messages, Clock clock) {
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    record Attempt(LocalDate attemptedOn, ContactMethod method, ContactOutcome outcome, String note) {
    }

    record Result(Attempt attempt, List<FormErrors.Entry> errors) {
    }

    Result check(ContactAttemptForm form) {
        List<FormErrors.Entry> errors = new ArrayList<>();
        LocalDate date = null;
        String typedDate = blankToNull(form.attemptedOn());
        if (typedDate == null) {
            errors.add(error("attemptedOn", "contact.error.date.required"));
        } else {
            try {
                date = LocalDate.parse(typedDate);
                if (date.isAfter(LocalDate.now(clock))) {
                    errors.add(error("attemptedOn", "contact.error.date.future", typedDate));
                }
            } catch (DateTimeParseException e) {
                errors.add(error("attemptedOn", "error.date.invalid", typedDate));
            }
        }
        ContactMethod method = choice(ContactMethod.class, "method", form.method(), errors);
        ContactOutcome outcome = choice(ContactOutcome.class, "outcome", form.outcome(), errors);
        String note = blankToNull(form.note());
        if (note != null && note.length() > NOTE_LENGTH) {
            errors.add(error("note", "contact.error.note.tooLong", NOTE_LENGTH));
        }
        return new Result(errors.isEmpty() ? new Attempt(date, method, outcome, note) : null, errors);
    }

    private <E extends Enum<E> & org.sectormap.organisation.Coded> E choice(Class<E> type, String field,
            String typed, List<FormErrors.Entry> errors) {
        String value = blankToNull(typed);
        if (value == null) {
            errors.add(error(field, "contact.error." + field + ".required"));
            return null;
        }
        return labels.parse(type, value).orElseGet(() -> {
            errors.add(error(field, "contact.error." + field + ".unknown", value));
            return null;
        });
    }

    private FormErrors.Entry error(String field, String key, Object... args) {
        return new FormErrors.Entry(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
