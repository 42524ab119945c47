package org.sectormap.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sectormap.bootstrap-admin-email}, {@code -password} and {@code -token} (or
 * {@code SECTORMAP_BOOTSTRAP_ADMIN_EMAIL} and so on): the first administrator, for a script
 * that starts a fresh instance and then drives it.
 */
@ConfigurationProperties("sectormap")
record BootstrapAdminSettings(String bootstrapAdminEmail, String bootstrapAdminPassword, String bootstrapAdminToken) {

    boolean given() {
        return bootstrapAdminEmail != null && !bootstrapAdminEmail.isBlank();
    }
}
