package org.sectormap.privacy;

/**
 * One value held about the person: where it is held (a {@code heldIn} code such as
 * {@code contact-attempt}), the organisation it belongs to if any, a description of the record,
 * the field's label, the value, and what an erasure would do to it.
 */
public record Finding(String heldIn, Long organisationId, String record, String field, String value,
        Treatment erasure) {
}
