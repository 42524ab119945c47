/**
 * Backup and restore of the whole register as one file, and the way to move a laptop's H2 register
 * onto a shared PostgreSQL server. Like Flyway it works on the schema as a whole: it reads the
 * tables and their foreign keys from the database rather than from each feature, so a new table is
 * carried without a change here; a feature names the tables that belong to an installation instead
 * ({@link org.sectormap.shared.InstallationOnlyTables}).
 */
package org.sectormap.backup;
