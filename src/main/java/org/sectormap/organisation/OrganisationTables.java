package org.sectormap.organisation;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The counts behind the summary reports follow the organisations restored rather than travel in a backup. */
@Configuration
class OrganisationTables {

    @Bean
    DerivedTables derivedOrganisationTables(OrganisationTally tally) {
        return new DerivedTables(List.of("organisation_tally"),
                List.of("DELETE FROM organisation_tally", tally.recount()));
    }
}
