package org.sectormap.imports;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploads lie and checked files wait for confirmation, how much may wait across everyone, and for how long.
 *
 * @param dir      a folder of the app's own: every file in it named like a token, or like an upload in hand, is
 *                 the app's to delete
 * @param maxTotal at least the largest upload (spring.servlet.multipart.max-file-size)
 */
@ConfigurationProperties("sectormap.imports.pending")
record PendingImportSettings(Path dir, @DefaultValue("200MB") DataSize maxTotal, @DefaultValue("3h") Duration expiry) {
}
