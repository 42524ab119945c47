package org.sectormap.interview;

import java.util.Map;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.sectormap.organisation.InterviewMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interview's fields the trail keeps as codes, which it shows by their labels. */
@Configuration
class InterviewCodedFields {

    @Bean
    CodedFields interviewCodes() {
        return CodedFields.of(AuditKind.INTERVIEW, Map.of("interviewMode", InterviewMode.class, "cypBoard", CypBoard.class));
    }
}
