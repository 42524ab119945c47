package org.sectormap.organisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The human labels of coded values, which imports also accept in place of the codes. */
@Component
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Coded value) {
        return value == null ? null : messages.getMessage(value.messageKey(), null, LocaleContextHolder.getLocale());
    }

    public String of(OrganisationField field) {
        return messages.getMessage(field.messageKey(), null, LocaleContextHolder.getLocale());
    }

    public String message(Problem problem) {
        return messages.getMessage(problem.messageCode(), problem.args().toArray(), LocaleContextHolder.getLocale());
    }

    /** Finds the value whose code or label is typed, ignoring case and surrounding spaces. */
    public <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String typed) {
        String wanted = typed.trim();
        return Coded.fromCode(type, wanted).or(() -> Arrays.stream(type.getEnumConstants())
                .filter(e -> of(e).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst());
    }
}
