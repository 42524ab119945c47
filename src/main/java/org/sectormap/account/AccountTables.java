package org.sectormap.account;

import java.util.List;

import org.sectormap.shared.InstallationOnlyTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may sign in, their tokens, invitations and sessions belong to an installation: a register
 * moved to a server by backup and restore keeps the server's own people.
 */
@Configuration
class AccountTables {

    @Bean
    InstallationOnlyTables installationOnlyAccountTables() {
        return new InstallationOnlyTables(List.of("app_user", "api_token", "invitation", "setup_lock",
                "spring_session", "spring_session_attributes"));
    }
}
