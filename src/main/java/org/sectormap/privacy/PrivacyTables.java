package org.sectormap.privacy;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Organisations' last contact days are not a table, but a column worked out from other rows, as a tally is. */
@Configuration
class PrivacyTables {

    @Bean
    DerivedTables lastContactDays() {
        return new DerivedTables(List.of(), List.of(LastContacts.RECOUNT));
    }
}
