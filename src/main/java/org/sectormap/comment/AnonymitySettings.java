package org.sectormap.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sectormap.anonymity.release-after} and {@code .pool-key} ({@code SECTORMAP_ANONYMITY_...}).
 * A deployment setting rather than a page's, so nobody with a browser can lower the batch to one
 * interview and read that interview's comments as they are released.
 *
 * @param releaseAfter how many interviews must add to the pool before it is released, at least 2
 * @param poolKey      the pool's AES-256 key in base64; when unset a key file in the data folder
 */
@ConfigurationProperties("sectormap.anonymity")
record AnonymitySettings(@DefaultValue("5") int releaseAfter, String poolKey) {

    static final int LEAST_RELEASE = 2;

    AnonymitySettings {
        if (releaseAfter < LEAST_RELEASE) {
            throw new IllegalArgumentException("sectormap.anonymity.release-after must be at least " + LEAST_RELEASE
                    + ": a batch of one interview would show which comments it gave");
        }
    }
}
