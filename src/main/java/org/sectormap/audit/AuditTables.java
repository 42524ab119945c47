package org.sectormap.audit;

import java.util.List;

import org.sectormap.shared.FreshInstallationTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The trail of a restored register is the backup's; the few entries of a new installation give way to it. */
@Configuration
class AuditTables {

    @Bean
    FreshInstallationTables auditTrailTables() {
        return new FreshInstallationTables(List.of("audit_entry", "audit_change"));
    }
}
