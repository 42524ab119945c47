/**
 * The Open Referral UK feed: a read-only JSON API under {@code /openreferral}, in the UK profile of
 * HSDS 3, of the organisations ticked to publish that are listed or interviewed, which directories
 * read without signing in. It reads the register only through
 * {@link org.sectormap.organisation.PublishedOrganisations}, which never offers contact names,
 * interviews or comments, and owns no table: its ids are derived from the register's (see FeedIds).
 */
package org.sectormap.openreferral;
