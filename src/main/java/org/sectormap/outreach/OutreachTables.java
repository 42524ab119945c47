package org.sectormap.outreach;

import java.util.List;

import org.sectormap.shared.DerivedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each organisation's latest attempt follows the attempts restored rather than travel in a backup. */
@Configuration
class OutreachTables {

    @Bean
    DerivedTables derivedOutreachTables(ContactAttemptRepository attempts) {
        return new DerivedTables(List.of("contact_attempt_latest"),
                List.of("DELETE FROM contact_attempt_latest", attempts.recount()));
    }
}
