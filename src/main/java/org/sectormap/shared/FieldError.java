package org.sectormap.shared;

/** A problem as people read it: the field it is about and what to do, on a page or in the API. */
public record FieldError(String field, String message) {
}
