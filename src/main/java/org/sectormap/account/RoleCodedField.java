package org.sectormap.account;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.CodedFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A user's role, which the trail keeps by its name ("ADMIN") and shows by its label. */
@Configuration
class RoleCodedField {

    @Bean
    CodedFields roleCodes() {
        return new CodedFields(AuditKind.USER, Map.of("role", name -> Arrays.stream(Role.values())
                .filter(role -> role.name().equals(name)).findFirst().map(role -> "users.role." + role.name())));
    }
}
