package org.sectormap.privacy;

import java.util.List;

import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.RecordSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The organisation page's "Personal data" section: why we may keep each person's data. */
@Component
@Order(3)
class ConsentSection implements RecordSection {

    private final ConsentService consents;

    ConsentSection(ConsentService consents) {
        this.consents = consents;
    }

    record Model(Organisation organisation, List<ConsentRecord> consents) {
    }

    @Override
    public Panel panel(Organisation organisation) {
        return new Panel("privacy/section", "section", new Model(organisation, consents.ofOrganisation(organisation.id())),
                null);
    }
}
