package org.sectormap.recommendation;

import java.util.Map;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A recommendation's field the trail keeps as a code, which it shows by its label. */
@Configuration
class RecommendationCodedFields {

    @Bean
    CodedFields recommendationCodes() {
        return CodedFields.of(AuditKind.RECOMMENDATION, Map.of("recommendationStatus", RecommendationStatus.class));
    }
}
