package org.sectormap.privacy;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Organisations' last contact days, worked out from other features' rows as a tally is: a backup
 * leaves them out, and a restore works them out again. The organisation feature keeps the table;
 * the statement is here, with the rule it follows, as it reads the rows of every feature privacy
 * reads through their services.
 */
@Configuration
class PrivacyTables {

    @Bean
    DerivedTables lastContactDays() {
        return new DerivedTables(List.of("organisation_last_contact"),
                List.of("DELETE FROM organisation_last_contact", LastContacts.RECOUNT));
    }
}
