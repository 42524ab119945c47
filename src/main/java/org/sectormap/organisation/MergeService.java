package org.sectormap.organisation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes two records of one organisation one: the kept record takes the chosen values and everything of the other. */
@Service
class MergeService {

    /** The field of the kept record's History entry that names the record merged into it. */
    static final String MERGED_WITH = "mergedWith";

    private final OrganisationRepository repository;
    private final OrganisationService organisations;
    private final ReferralLinks referrals;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    MergeService(OrganisationRepository repository, OrganisationService organisations, ReferralLinks referrals,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.organisations = organisations;
        this.referrals = referrals;
        this.audit = audit;
        this.events = events;
    }

    /**
     * In one transaction: the kept record takes the chosen details, every row of the other feature's
     * moves to it (referrals here, the rest by {@link OrganisationsMerged}), the other is deleted and
     * the kept record's History notes the merge.
     *
     * @throws OrganisationNotFoundException when either record does not exist
     * @throws StaleOrganisationException    when either changed since the versions given
     */
    @Transactional
    void merge(long keptId, int keptVersion, long otherId, int otherVersion, OrganisationDetails chosen) {
        Organisation kept = organisations.get(keptId);
        Organisation other = organisations.get(otherId);
        if (kept.version() != keptVersion) {
            throw new StaleOrganisationException(keptId);
        }
        if (other.version() != otherVersion) {
            throw new StaleOrganisationException(otherId);
        }
        organisations.update(keptId, keptVersion, chosen);
        moveReferrals(keptId, otherId);
        events.publishEvent(new OrganisationsMerged(keptId, otherId));
        if (!repository.delete(otherId, otherVersion)) {
            throw new StaleOrganisationException(otherId);
        }
        Audited page = OrganisationService.audited(keptId);
        audit.deleted(Audited.of(AuditKind.ORGANISATION, otherId).partOf(page), other.details().audited());
        audit.changed(page, Map.of(), Map.of(MERGED_WITH, "#" + otherId + " " + other.details().name()));
    }

    /**
     * Those the other record led to were led to by the kept one; its own referrer stays, or is the
     * other's when it had none. A referral of a record by itself is dropped, and so is the kept
     * record's referrer if the chain above it now comes back to it: the two were a forest before,
     * so any loop passes through the kept record.
     */
    private void moveReferrals(long keptId, long otherId) {
        repository.lockReferrals();
        for (ReferralLinks.Named led : referrals.referredBy(otherId)) {
            organisations.setReferrer(led.id(), led.id() == keptId ? null : keptId);
        }
        Long keptReferrer = referrals.referrerId(keptId).orElse(null);
        Long otherReferrer = referrals.referrerId(otherId).orElse(null);
        if (keptReferrer == null && otherReferrer != null && otherReferrer != keptId) {
            organisations.setReferrer(keptId, otherReferrer);
        }
        Set<Long> seen = new HashSet<>();
        Long above = referrals.referrerId(keptId).orElse(null);
        while (above != null && seen.add(above)) {
            if (above == keptId) {
                organisations.setReferrer(keptId, null);
                return;
            }
            above = referrals.referrerId(above).orElse(null);
        }
    }
}
