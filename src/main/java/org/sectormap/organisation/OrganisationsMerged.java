package org.sectormap.organisation;

/**
 * Published inside a merge's transaction, before the merged record is deleted: each feature that
 * keeps rows against an organisation moves those of {@code merged} to {@code kept} in a synchronous
 * listener, so the register depends on none of them and a failure anywhere undoes the whole merge.
 */
public record OrganisationsMerged(long kept, long merged) {
}
