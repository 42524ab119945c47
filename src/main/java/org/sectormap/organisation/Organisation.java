package org.sectormap.organisation;

/** A stored organisation: its identity, the version used for optimistic locking, and its details. */
public record Organisation(long id, int version, OrganisationDetails details) {
}
