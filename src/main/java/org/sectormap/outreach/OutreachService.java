package org.sectormap.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OutreachService {

    /** The morning list is for working through, not for browsing the register. */
    static final int DUE_LIMIT = 200;

    private final ContactAttemptRepository attempts;
    private final OrganisationService organisations;
    private final Clock clock;

    OutreachService(ContactAttemptRepository attempts, OrganisationService organisations, Clock clock) {
        this.attempts = attempts;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * Logs an attempt and, if asked, moves the organisation to listed or unreachable in the same
     * transaction, so the history and the status never disagree.
     */
    @Transactional
    long record(long organisationId, ContactAttemptRules.Attempt attempt, OutreachStatus newStatus) {
        organisations.get(organisationId);
        long id = attempts.insert(organisationId, attempt);
        if (newStatus != null) {
            organisations.markContacted(organisationId, newStatus);
        }
        return id;
    }

    /**
     * Logs an attempt that arrives already typed rather than through the form, such as the
     * shipped demo data; the organisation's status is left as it is.
     */
    @Transactional
    public long recordAttempt(long organisationId, LocalDate attemptedOn, ContactMethod method,
            ContactOutcome outcome, String note) {
        return record(organisationId, new ContactAttemptRules.Attempt(attemptedOn, method, outcome, note), null);
    }

    @Transactional(readOnly = true)
    public List<ContactAttempt> history(long organisationId) {
        return attempts.history(organisationId);
    }

    @Transactional(readOnly = true)
    List<ContactAttemptRepository.Due> due(int days) {
        return attempts.due(LocalDate.now(clock).minusDays(days), DUE_LIMIT);
    }

    @Transactional(readOnly = true)
    List<ContactAttemptRepository.Due> keenForFollowUp() {
        return attempts.keenForFollowUp();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
