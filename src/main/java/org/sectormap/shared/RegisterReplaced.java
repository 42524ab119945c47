package org.sectormap.shared;

/**
 * Published once the register's tables have been written wholesale, past the features that own
 * them (a backup restored): whatever a feature keeps beside its tables, such as a search index, must
 * be built again from them.
 */
public record RegisterReplaced() {
}
