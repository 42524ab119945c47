package org.sectormap.shared;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns codes and problems into the words people read, from messages.properties. */
@Component
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Coded value) {
        return value == null ? null : text(value.messageKey());
    }

    /** Dates as the pages show them ({@code date.format}, "1 February 2007"). */
    public DateTimeFormatter dates() {
        return DateTimeFormatter.ofPattern(text("date.format"), LocaleContextHolder.getLocale());
    }

    /** A field's label, {@code field.<name>}. */
    public String field(String name) {
        return text("field." + name);
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    public String message(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    public List<FieldError> resolve(List<Problem> problems) {
        return problems.stream().map(p -> new FieldError(p.field(), message(p))).toList();
    }

    public FormErrors errors(List<Problem> problems) {
        return FormErrors.of(resolve(problems));
    }

    /** Finds the value whose code or label is typed, ignoring case and surrounding spaces. */
    public <E extends Coded> Optional<E> parse(Class<E> type, String typed) {
        String wanted = typed.trim();
        return Coded.fromCode(type, wanted).or(() -> Arrays.stream(type.getEnumConstants())
                .filter(e -> of(e).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst());
    }

    /** The codes a coded field accepts, for messages that say what would be right. */
    public static String codes(Class<? extends Coded> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
