package org.sectormap.privacy;

import java.util.Map;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A consent record's field the trail keeps as a code, which it shows by its label. */
@Configuration
class ConsentCodedFields {

    @Bean
    CodedFields consentCodes() {
        return CodedFields.of(AuditKind.CONSENT, Map.of("basis", LawfulBasis.class));
    }
}
