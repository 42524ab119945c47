package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class ContactPersonBatchTests {

    @Autowired
    OrganisationService service;

    @Test
    void shouldGiveEveryOrganisationNamingAContactPersonOnceBatchByBatch() {
        // Contact names in the reverse of the records' order, two records sharing one across a batch's
        // end, and records without a contact person between them.
        List<Long> named = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            named.add(service.create(OrganisationDetails.of("Group " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.CONTACT_NAME, "Contact " + (i == 6 ? 5 : 9 - i))));
            service.create(OrganisationDetails.of("Unnamed group " + i, OutreachStatus.LISTED));
        }

        List<Long> given = new ArrayList<>();
        List<Organisation> batch = service.withContactPerson(null, 2);
        while (!batch.isEmpty()) {
            batch.forEach(o -> given.add(o.id()));
            batch = service.withContactPerson(batch.get(batch.size() - 1), 2);
        }

        assertThat(given).containsExactlyInAnyOrderElementsOf(named);
    }
}
