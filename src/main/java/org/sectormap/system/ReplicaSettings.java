package org.sectormap.system;

/**
 * {@code sectormap.replica.url}, {@code .username} and {@code .password} (or {@code SECTORMAP_REPLICA_URL}
 * and so on): a PostgreSQL streaming replica of the database, which read-only transactions read.
 * Bound by {@link ReplicaConfig} itself rather than scanned, because the DataSource it wraps is
 * made before configuration-properties beans are.
 */
record ReplicaSettings(String url, String username, String password) {
}
