package org.sectormap.outreach;

import java.util.Map;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A contact attempt's fields the trail keeps as codes, which it shows by their labels. */
@Configuration
class OutreachCodedFields {

    @Bean
    CodedFields contactAttemptCodes() {
        return CodedFields.of(AuditKind.CONTACT_ATTEMPT, Map.of("method", ContactMethod.class, "outcome", ContactOutcome.class));
    }
}
