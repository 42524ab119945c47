package org.sectormap.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The checks every form of the research record shares (a past date, a coded choice, text that
 * fits), each adding a message under its field rather than stopping at the first problem.
 */
@Component
public class FieldChecks {

    private final Labels labels;
    private final MessageSource messages;
    private final Clock clock;

    FieldChecks(Labels labels, MessageSource messages, Clock clock) {
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    public FormErrors.Entry error(String field, String key, Object... args) {
        return new FormErrors.Entry(field, messages.getMessage(key, args, LocaleContextHolder.getLocale()));
    }

    /** A date in the form yyyy-mm-dd, today or before. */
    public LocalDate pastDate(String field, String typed, String requiredKey, List<FormErrors.Entry> errors) {
        String value = blankToNull(typed);
        if (value == null) {
            errors.add(error(field, requiredKey));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isAfter(LocalDate.now(clock))) {
                errors.add(error(field, "error.date.future", value));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(error(field, "error.date.invalid", value));
            return null;
        }
    }

    /** A required choice, by code or label; messages are {@code <prefix>.<field>.required|unknown}. */
    public <E extends Enum<E> & Coded> E choice(Class<E> type, String field, String typed, String prefix,
            List<FormErrors.Entry> errors) {
        String value = blankToNull(typed);
        if (value == null) {
            errors.add(error(field, prefix + "." + field + ".required"));
            return null;
        }
        return labels.parse(type, value).orElseGet(() -> {
            errors.add(error(field, prefix + "." + field + ".unknown", value));
            return null;
        });
    }

    /** Trimmed text, null when blank, and a problem when longer than {@code max}. */
    public String text(String field, String typed, int max, List<FormErrors.Entry> errors) {
        String value = blankToNull(typed);
        if (value != null && value.length() > max) {
            errors.add(error(field, "error.text.tooLong", max));
            return null;
        }
        return value;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
