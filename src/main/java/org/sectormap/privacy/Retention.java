package org.sectormap.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.interview.InterviewPersonalData;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.outreach.OutreachService;
import org.sectormap.setting.Settings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a contact person's data is kept after the last contact with their organisation (its
 * latest contact attempt, interview or change to its record, whichever is latest), and who is past it.
 */
@Service
class Retention {

    static final String MONTHS = "personal-data-retention-months";
    static final int DEFAULT_MONTHS = 24;
    static final int MOST_MONTHS = 1200;

    private final Settings settings;
    private final OrganisationService organisations;
    private final OutreachService outreach;
    private final InterviewPersonalData interviews;
    private final AuditTrail audit;
    private final Clock clock;

    Retention(Settings settings, OrganisationService organisations, OutreachService outreach,
            InterviewPersonalData interviews, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.organisations = organisations;
        this.outreach = outreach;
        this.interviews = interviews;
        this.audit = audit;
        this.clock = clock;
    }

    /** A contact person kept longer than the period. */
    record Due(long organisationId, String organisation, String contactName, LocalDate lastContact) {
    }

    @Transactional(readOnly = true)
    int months() {
        return settings.number(MONTHS, DEFAULT_MONTHS);
    }

    @Transactional
    void setMonths(int months) {
        settings.setNumber(MONTHS, months, DEFAULT_MONTHS);
    }

    /** Contact people whose organisation's last contact is before the period began, longest kept first. */
    @Transactional(readOnly = true)
    List<Due> due() {
        LocalDate cutOff = LocalDate.now(clock).minusMonths(months());
        Map<Long, LocalDate> attempts = outreach.latestAttempts();
        Map<Long, LocalDate> interviewed = interviews.latestInterviews();
        Map<String, LocalDateTime> changed = audit.latestByPage(AuditKind.ORGANISATION);
        return organisations.withContactPerson().stream().map(o -> new Due(o.id(), o.details().name(),
                        (String) o.details().get(OrganisationField.CONTACT_NAME),
                        latest(o, attempts, interviewed, changed)))
                .filter(due -> due.lastContact() == null || due.lastContact().isBefore(cutOff))
                .sorted((a, b) -> a.lastContact() == null ? -1 : b.lastContact() == null ? 1
                        : a.lastContact().compareTo(b.lastContact()))
                .toList();
    }

    private static LocalDate latest(Organisation o, Map<Long, LocalDate> attempts, Map<Long, LocalDate> interviewed,
            Map<String, LocalDateTime> changed) {
        LocalDateTime change = changed.get(OrganisationService.audited(o.id()).page());
        return Stream.of(attempts.get(o.id()), interviewed.get(o.id()), change == null ? null : change.toLocalDate())
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }
}
