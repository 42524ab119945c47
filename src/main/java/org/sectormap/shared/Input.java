package org.sectormap.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;

/**
 * One submission read field by field, whether it came from a form, an API body or a row of a
 * file: each reading returns the value or records a {@link Problem} under the field and returns
 * null, so one pass reports everything wrong. The only way input is checked in Sector Map.
 */
public final class Input {

    /** Dates before this are typing mistakes here, and the calendar shifts those before 1582. */
    public static final int EARLIEST_YEAR = 1900;

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    /** Three parts of a date, as the form's boxes are joined (year, month, day), some of them empty. */
    private static final Pattern DATE_PARTS = Pattern.compile("([^-]*)-([^-]*)-([^-]*)");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "-1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");
    private static final int CHOICE_LENGTH = 200;

    private final String form;
    private final Function<String, String> typed;
    private final Labels labels;
    private final LocalDate today;
    private final List<Problem> problems = new ArrayList<>();

    Input(String form, Function<String, String> typed, Labels labels, LocalDate today) {
        this.form = form;
        this.typed = typed;
        this.labels = labels;
        this.today = today;
    }

    private MessageSourceResolvable label(String field) {
        return Problem.label(form, field);
    }

    /**
     * What was typed, trimmed, or null when blank; unchecked. Blank and trimmed as a reader sees it: a
     * no-break space (common in cells pasted from the web or Word) and the characters that only ever
     * show nothing (a zero-width space, a word joiner, a byte order mark) count as space, so a name of
     * those alone is no name. Other invisible characters mean something at the end of a value (the
     * tags of a flag emoji, a right-to-left mark after Arabic or Hebrew) and stay.
     */
    public String raw(String field) {
        String value = typed.apply(field);
        return value == null ? null : trimmed(value);
    }

    /** The value without what shows nothing at either end; null when nothing else is left. */
    static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && showsNothing(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && showsNothing(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return start == end ? null : value.substring(start, end);
    }

    private static boolean showsNothing(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == '\u200b'
                || codePoint == '\u2060' || codePoint == '\ufeff';
    }

    /** One line of text: no control characters, at most {@code max} characters. */
    public String line(String field, int max) {
        return checked(field, raw(field), max, false);
    }

    /** Text that may run over several lines (tabs and line breaks allowed). */
    public String text(String field, int max) {
        return checked(field, raw(field), max, true);
    }

    /** One line that must be there. */
    public String required(String field, int max, String requiredKey) {
        String value = line(field, max);
        if (value == null && !has(field)) {
            problem(field, requiredKey);
        }
        return value;
    }

    /** Checks a value derived from a field (part of a cell, say) as that field's text. */
    public String checked(String field, String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            problem(field, "error.tooLong", label(field), max);
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                problem(field, "error.control", label(field));
                return null;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // Half a character (a JSON "\ud800", say): no database or file could store it as text.
                problem(field, "error.brokenCharacter", label(field));
                return null;
            }
        }
        return value;
    }

    /** A real date in yyyy-mm-dd, from {@value #EARLIEST_YEAR} to today; required when a key is given. */
    public LocalDate date(String field, String requiredKey) {
        return date(field, requiredKey, false);
    }

    /** A real date in yyyy-mm-dd from {@value #EARLIEST_YEAR} on, today or later too (a day arranged); optional. */
    public LocalDate dateAhead(String field) {
        return date(field, null, true);
    }

    private LocalDate date(String field, String requiredKey, boolean ahead) {
        String value = line(field, CHOICE_LENGTH);
        if (value == null) {
            if (requiredKey != null && !has(field)) {
                problem(field, requiredKey);
            }
            return null;
        }
        Matcher given = DATE_PARTS.matcher(value);
        if (given.matches() && !(given.group(1) + given.group(2) + given.group(3)).isEmpty()
                && (given.group(1).isEmpty() || given.group(2).isEmpty() || given.group(3).isEmpty())) {
            // As GOV.UK's date input says it: "must include a day and month".
            problem(field, "error.date.missing" + (given.group(3).isEmpty() ? ".day" : "")
                    + (given.group(2).isEmpty() ? ".month" : "") + (given.group(1).isEmpty() ? ".year" : ""), label(field));
            return null;
        }
        Matcher parts = ISO_DATE.matcher(value);
        LocalDate date;
        try {
            if (!parts.matches()) {
                throw new DateTimeException(value);
            }
            date = LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3)));
        } catch (DateTimeException e) {
            problem(field, "error.date.invalid", label(field));
            return null;
        }
        if (date.getYear() < EARLIEST_YEAR) {
            problem(field, "error.date.tooEarly", label(field), EARLIEST_YEAR);
            return null;
        }
        if (!ahead && date.isAfter(today)) {
            problem(field, "error.date.future", label(field));
            return null;
        }
        return date;
    }

    /** A coded value, by code or label; required when a key is given. */
    public <E extends Coded> E choice(Class<E> type, String field, String requiredKey) {
        String value = line(field, CHOICE_LENGTH);
        if (value == null) {
            if (requiredKey != null && !has(field)) {
                problem(field, requiredKey);
            }
            return null;
        }
        Optional<E> chosen = labels.parse(type, value);
        if (chosen.isEmpty()) {
            problem(field, "error.choice.unknown", label(field), Labels.codes(type));
        }
        return chosen.orElse(null);
    }

    /** One of a configured list, in its configured spelling, whatever the case typed. */
    public String oneOf(String field, List<String> options) {
        String value = line(field, CHOICE_LENGTH);
        if (value == null) {
            return null;
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        Optional<String> match = options.stream().filter(o -> o.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        if (match.isEmpty()) {
            problem(field, "error.choice.unknown", label(field), String.join(", ", options));
        }
        return match.orElse(null);
    }

    /** A whole number from {@code min} to {@code max}, such as a record's id or a count of days. */
    public Long number(String field, long min, long max) {
        String value = line(field, CHOICE_LENGTH);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, as a number out of range is.
        }
        problem(field, "error.number.invalid", label(field), min, max);
        return null;
    }

    /** A tick box: yes or no in the ways forms, spreadsheets and Access write them; null when not recorded. */
    public Boolean tick(String field) {
        String value = line(field, CHOICE_LENGTH);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return Boolean.TRUE;
        }
        if (!NO.contains(lower)) {
            problem(field, "error.tick.invalid", label(field));
        }
        return Boolean.FALSE;
    }

    /** Records a problem; only the first problem of a field is kept, as a field shows one message. */
    public void problem(String field, String key, Object... args) {
        if (!has(field)) {
            problems.add(Problem.of(field, key, args));
        }
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** For the API: stop here with every problem found. */
    public void throwIfInvalid() {
        if (!valid()) {
            throw new InvalidInputException(problems);
        }
    }
}
