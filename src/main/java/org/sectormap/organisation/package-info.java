/**
 * The register of organisations, which owns the {@code organisation} table (and {@code
 * organisation_import_update}, what records held before an import updated them). Other modules read it
 * through {@link org.sectormap.organisation.OrganisationService}, {@link
 * org.sectormap.organisation.OrganisationCounts} (the reports, summed from {@code organisation_tally},
 * which every write keeps in step), {@link org.sectormap.organisation.ReferralLinks} and {@link
 * org.sectormap.organisation.ContactsByName}, or join the read-only view {@code organisation_contact};
 * every write goes through {@code OrganisationService}, so its version check applies to all of them.
 * Its fields are defined once, in {@link org.sectormap.organisation.OrganisationField}.
 * {@link org.sectormap.organisation.DuplicateFinder} tells an import which records it probably has
 * already; a merge publishes {@link org.sectormap.organisation.OrganisationsMerged} so that each
 * feature moves its own rows to the record kept.
 */
package org.sectormap.organisation;
