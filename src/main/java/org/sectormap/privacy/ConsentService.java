package org.sectormap.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.interview.InterviewPersonalData;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OrganisationsMerged;
import org.sectormap.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consent and lawful basis records, each change in the audit trail. */
@Service
class ConsentService {

    private final ConsentRepository repository;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final InterviewPersonalData interviews;

    ConsentService(ConsentRepository repository, OrganisationService organisations, AuditTrail audit,
            InterviewPersonalData interviews) {
        this.repository = repository;
        this.organisations = organisations;
        this.audit = audit;
        this.interviews = interviews;
    }

    @Transactional
    long record(ConsentRecord consent) {
        organisations.get(consent.organisationId());
        long id = repository.insert(consent);
        audit.created(audited(consent.organisationId(), id), consent.audited());
        return id;
    }

    /**
     * Records a withdrawal. Where it leaves an interview with no record standing that lets us keep its
     * interviewee's data, their name and role go from the interview and its history. Withdrawals of
     * one organisation's records queue on its record: two at once would each see the other's record
     * still standing, and leave the name with none.
     *
     * @return whether an interviewee's name went
     */
    @Transactional
    boolean withdraw(ConsentRecord consent, LocalDate on) {
        organisations.hold(consent.organisationId());
        repository.withdraw(consent.id(), on);
        audit.changed(audited(consent.organisationId(), consent.id()), consent.audited(),
                consent.withdrawn(on).audited());
        return leavesNameUnkept(consent)
                && interviews.forgetInterviewee(consent.organisationId(), consent.interviewId());
    }

    /** Whether withdrawing this record leaves its interview (if it names one) without another record standing. */
    @Transactional(readOnly = true)
    boolean leavesNameUnkept(ConsentRecord consent) {
        return consent.interviewId() != null && repository.ofOrganisation(consent.organisationId()).stream()
                .noneMatch(other -> other.id() != consent.id() && consent.interviewId().equals(other.interviewId())
                        && other.withdrawnOn() == null);
    }

    /** Redacts a person being erased from someone else's record that mentions them; the trail's values are erased after. */
    @Transactional
    void redact(ConsentRecord consent, UnaryOperator<String> redact) {
        ConsentRecord after = consent.withTexts(redact.apply(consent.givenHow()), redact.apply(consent.purpose()));
        repository.updateTexts(consent.id(), after.givenHow(), after.purpose());
        audit.changed(audited(consent.organisationId(), consent.id()), consent.audited(), after.audited());
    }

    /** Deletes a record naming a person being erased; the trail's values are erased after. */
    @Transactional
    void delete(ConsentRecord consent) {
        repository.delete(consent.id());
        audit.deleted(audited(consent.organisationId(), consent.id()), consent.audited());
    }

    /** @throws NotFoundException when the organisation has no such record */
    @Transactional(readOnly = true)
    ConsentRecord get(long organisationId, long id) {
        return repository.find(organisationId, id).orElseThrow(() -> new NotFoundException("error.notFound.consent", id));
    }

    @Transactional(readOnly = true)
    List<ConsentRecord> ofOrganisation(long organisationId) {
        return repository.ofOrganisation(organisationId);
    }

    @Transactional(readOnly = true)
    List<ConsentRecord> mentioning(List<String> texts) {
        return texts.isEmpty() ? List.of() : repository.mentioning(texts);
    }

    private static Audited audited(long organisationId, long id) {
        return Audited.of(AuditKind.CONSENT, id).partOf(OrganisationService.audited(organisationId));
    }

    /** A merged organisation's consent records become the kept one's, inside the merge's transaction. */
    @EventListener
    void merged(OrganisationsMerged merge) {
        repository.moveOrganisation(merge.merged(), merge.kept());
    }
}
