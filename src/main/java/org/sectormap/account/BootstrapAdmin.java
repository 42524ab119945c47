package org.sectormap.account;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.sectormap.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator the bootstrap settings name, at start-up and only while nobody exists;
 * once anyone does, the settings are ignored, so leaving them in a script is harmless.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminSettings settings;
    private final AccountService accounts;

    BootstrapAdmin(BootstrapAdminSettings settings, AccountService accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.given()) {
            return;
        }
        if (accounts.anyUser()) {
            log.info("Bootstrap administrator settings ignored: users exist already");
            return;
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("email", settings.bootstrapAdminEmail());
        typed.put("password", settings.bootstrapAdminPassword());
        String token = settings.bootstrapAdminToken() == null || settings.bootstrapAdminToken().isBlank() ? null
                : settings.bootstrapAdminToken().strip();
        try {
            accounts.createFirstAdmin(typed, token);
            log.info("Bootstrap administrator created");
        } catch (InvalidInputException e) {
            // Field and rule only: the values are an email and a password.
            throw new IllegalStateException("The sectormap.bootstrap-admin-* settings are not usable: "
                    + e.problems().stream().map(p -> p.field() + " (" + p.messageKey() + ")")
                            .collect(Collectors.joining(", ")));
        } catch (SetupDoneException e) {
            log.info("Bootstrap administrator settings ignored: another instance created the first user");
        }
    }
}
