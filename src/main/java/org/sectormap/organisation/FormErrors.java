package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The errors of one form submission, in page order, for the error summary and each field. */
public final class FormErrors {

    public record Entry(String field, String message) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(List<Entry> entries) {
        FormErrors errors = new FormErrors();
        errors.entries.addAll(entries);
        return errors;
    }

    static FormErrors of(List<Problem> problems, Labels labels) {
        FormErrors errors = new FormErrors();
        problems.stream()
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .forEach(p -> errors.entries.add(new Entry(p.field().property(), labels.message(p))));
        return errors;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return message(field) != null;
    }

    public String message(String field) {
        Optional<Entry> entry = entries.stream().filter(e -> e.field().equals(field)).findFirst();
        return entry.map(Entry::message).orElse(null);
    }
}
