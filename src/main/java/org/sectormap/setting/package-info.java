/**
 * Settings an administrator changes from a page (how long personal data is kept, say), which owns
 * the {@code setting} table. A feature reads and changes its own settings through {@link
 * org.sectormap.setting.Settings}, which records each change in the audit trail; the page that
 * changes a setting belongs to the feature it is about.
 */
package org.sectormap.setting;
