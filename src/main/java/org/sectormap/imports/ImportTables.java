package org.sectormap.imports;

import java.util.List;

import org.sectormap.shared.InstallationOnlyTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Imports running here, and the lock that lets one run at a time, belong to this installation: a
 * backup taken during an import must not restore it as still running somewhere else.
 */
@Configuration
class ImportTables {

    @Bean
    InstallationOnlyTables installationOnlyImportTables() {
        return new InstallationOnlyTables(List.of("import_job", "import_lock"));
    }
}
