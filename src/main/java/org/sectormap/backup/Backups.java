package org.sectormap.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.sectormap.audit.AuditAction;
import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.DerivedTables;
import org.sectormap.shared.FreshInstallationTables;
import org.sectormap.shared.InstallationOnlyTables;
import org.sectormap.shared.RegisterReplaced;
import org.sectormap.shared.RestoreCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

/** The app's own register, backed up to one file and restored from one. */
@Service
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final DataSource dataSource;
    private final Flyway flyway;
    private final Set<String> installationOnly = new HashSet<>();
    private final Set<String> replaced = new HashSet<>();
    private final List<DerivedTables> derived;
    private final List<RestoreCheck> checks;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    Backups(DataSource dataSource, Flyway flyway, List<InstallationOnlyTables> installationOnly,
            List<FreshInstallationTables> replaced, List<DerivedTables> derived, List<RestoreCheck> checks,
            ObjectMapper json, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        installationOnly.forEach(tables -> this.installationOnly.addAll(tables.names()));
        replaced.forEach(tables -> this.replaced.addAll(tables.names()));
        this.derived = List.copyOf(derived);
        this.checks = List.copyOf(checks);
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    void write(OutputStream out) {
        audit.backup(AuditAction.DOWNLOADED);
        new BackupWriter(json).write(register(), out, clock.instant());
    }

    /**
     * @throws BackupRefusedException saying why, with nothing changed
     */
    Map<String, Long> restore(InputStream file) {
        Map<String, Long> restored = new Restore(json, checks).restore(register(), file);
        audit.backup(AuditAction.RESTORED);
        events.publishEvent(new RegisterReplaced());
        // Counts only: what the rows hold stays out of the log.
        log.info("Restored a backup: {} rows in {} tables", restored.values().stream().mapToLong(Long::longValue).sum(),
                restored.size());
        return restored;
    }

    private Register register() {
        return Register.of(dataSource, flyway, installationOnly, replaced, derived);
    }
}
