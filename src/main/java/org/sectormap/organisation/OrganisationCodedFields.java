package org.sectormap.organisation;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An organisation's fields of choices, which the trail keeps as codes and shows by their labels. */
@Configuration
class OrganisationCodedFields {

    @Bean
    CodedFields organisationCodes() {
        return CodedFields.of(AuditKind.ORGANISATION, Arrays.stream(OrganisationField.values())
                .filter(field -> Objects.nonNull(field.choiceType()))
                .collect(Collectors.toMap(OrganisationField::property, OrganisationField::choiceType)));
    }
}
