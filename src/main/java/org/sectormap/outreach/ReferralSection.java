package org.sectormap.outreach;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.RecordSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The organisation page's referrals, in both directions. */
@Component
@Order(1)
class ReferralSection implements RecordSection {

    private final ReferralService referrals;

    ReferralSection(ReferralService referrals) {
        this.referrals = referrals;
    }

    record Model(Organisation organisation, ReferralService.Referrals referrals) {
    }

    @Override
    public Panel panel(Organisation organisation) {
        return new Panel("outreach/referrals", "section", new Model(organisation, referrals.of(organisation.id())),
                null);
    }
}
