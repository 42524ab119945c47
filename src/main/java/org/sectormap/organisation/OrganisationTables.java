package org.sectormap.organisation;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.sectormap.shared.InstallationOnlyTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The counts behind the summary reports follow the organisations restored rather than travel in a
 * backup, and so do PostgreSQL's words of the search text (V147) and marks in the list orders (V159),
 * in the commonest words (V179) and in their groups (V194, V195), which its triggers keep in step as
 * the restored rows go in (H2 has no such tables).
 */
@Configuration
class OrganisationTables {

    /** The referral lock (V155) guards this installation's writes; a backup has nothing to carry in it. */
    @Bean
    InstallationOnlyTables installationOnlyOrganisationTables() {
        return new InstallationOnlyTables(List.of("referral_lock"));
    }

    @Bean
    DerivedTables derivedOrganisationTables(OrganisationTally tally) {
        return new DerivedTables(List.of("organisation_tally", "organisation_block_tally", "organisation_date_tally",
                        "organisation_word", "search_word",
                        "organisation_order_mark", "organisation_order_change", "organisation_order_marking",
                        "organisation_order_total", "common_word", "common_word_mark", "common_word_change",
                        "common_word_group", "common_word_group_mark"),
                tally.recount());
    }
}
