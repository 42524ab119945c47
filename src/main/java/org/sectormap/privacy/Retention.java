package org.sectormap.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.stream.Stream;

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

    /** Contact people a page of the list shows. */
    static final int PAGE = 100;
    /** Organisations looked up at once: a few short indexed reads for each source of a last contact. */
    private static final int BATCH = 1_000;
    /** The list's order: longest kept first, those never contacted before anyone. */
    private static final Comparator<Due> LONGEST_KEPT_FIRST = Comparator.comparing(Due::lastContact,
            Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())).thenComparingLong(Due::organisationId);

    /**
     * A page of the list.
     *
     * @param total every contact person kept longer than the period, on this page or another
     * @param next the last of this page, where the next one starts; null on the last page
     */
    record DuePage(List<Due> people, long total, Due next) {
    }

    /**
     * Contact people whose organisation's last contact is before the period began, longest kept
     * first, the page after {@code after} (null for the first). The register is looked through a
     * batch of organisations at a time, keeping only the page's people, so a register of any size
     * takes the same memory.
     */
    @Transactional(readOnly = true)
    DuePage due(Due after) {
        LocalDate cutOff = LocalDate.now(clock).minusMonths(months());
        PriorityQueue<Due> page = new PriorityQueue<>(LONGEST_KEPT_FIRST.reversed());
        long total = 0;
        List<Organisation> batch = organisations.withContactPerson(null, BATCH);
        while (!batch.isEmpty()) {
            List<Long> ids = batch.stream().map(Organisation::id).toList();
            Map<Long, LocalDate> attempts = outreach.latestAttempts(ids);
            Map<Long, LocalDate> interviewed = interviews.latestInterviews(ids);
            Map<String, LocalDateTime> changed = audit.latestByPage(ids.stream().map(OrganisationService::audited).toList());
            for (Organisation o : batch) {
                Due due = new Due(o.id(), o.details().name(), (String) o.details().get(OrganisationField.CONTACT_NAME),
                        latest(o, attempts, interviewed, changed));
                if (due.lastContact() == null || due.lastContact().isBefore(cutOff)) {
                    total++;
                    if (after == null || LONGEST_KEPT_FIRST.compare(due, after) > 0) {
                        page.add(due);
                        if (page.size() > PAGE + 1) {
                            page.poll();
                        }
                    }
                }
            }
            batch = organisations.withContactPerson(batch.get(batch.size() - 1), BATCH);
        }
        List<Due> people = new ArrayList<>(page);
        people.sort(LONGEST_KEPT_FIRST);
        return people.size() > PAGE ? new DuePage(people.subList(0, PAGE), total, people.get(PAGE - 1))
                : new DuePage(people, total, null);
    }

    private static LocalDate latest(Organisation o, Map<Long, LocalDate> attempts, Map<Long, LocalDate> interviewed,
            Map<String, LocalDateTime> changed) {
        LocalDateTime change = changed.get(OrganisationService.audited(o.id()).page());
        return Stream.of(attempts.get(o.id()), interviewed.get(o.id()), change == null ? null : change.toLocalDate())
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }
}
