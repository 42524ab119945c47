package org.sectormap.shared;

import java.util.List;

/** The errors of one form submission, in page order, for the error summary and each field. */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(List.of());

    private final List<FieldError> entries;

    private FormErrors(List<FieldError> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FormErrors none() {
        return NONE;
    }

    static FormErrors of(List<FieldError> entries) {
        return new FormErrors(entries);
    }

    public List<FieldError> entries() {
        return entries;
    }

    public boolean any() {
        return !entries.isEmpty();
    }

    public boolean has(String field) {
        return message(field) != null;
    }

    public String message(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }
}
