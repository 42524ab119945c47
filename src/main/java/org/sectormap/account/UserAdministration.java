package org.sectormap.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's work on other users: invite, change role, disable. No email is sent: the
 * administrator passes the one-time link on. An administrator cannot change or disable themselves,
 * so an installation always keeps the administrator who is doing the work. A change of role or a
 * disabling ends the user's open sessions ({@link OpenSessions}), so it applies at their next request.
 */
@Service
@Transactional
class UserAdministration {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final String USERS = "users";

    private final UserRepository users;
    private final InvitationRepository invitations;
    private final PasswordRules passwordRules;
    private final PasswordEncoder encoder;
    private final Inputs inputs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    UserAdministration(UserRepository users, InvitationRepository invitations, PasswordRules passwordRules,
            PasswordEncoder encoder, Inputs inputs, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.invitations = invitations;
        this.passwordRules = passwordRules;
        this.encoder = encoder;
        this.inputs = inputs;
        this.clock = clock;
        this.events = events;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    @Transactional(readOnly = true)
    List<UserSummary> all() {
        return users.all();
    }

    /**
     * @return the one-time token for the invitation's link
     * @throws InvalidInputException naming each field in error
     */
    String invite(Map<String, String> form) {
        Input input = inputs.read("account", form);
        String email = AccountService.readEmail(input);
        Role role = readRole(input);
        if (email != null && users.findByEmail(email).isPresent()) {
            input.problem("email", "users.error.email.taken");
        }
        input.throwIfInvalid();
        // Nobody knows this password: the account opens only through the link.
        long id = users.insert(email, encoder.encode(Tokens.generate()), role, now());
        audit.created(audited(id), Map.of("email", UserRepository.normalised(email), "role", role.name()));
        String token = Tokens.generate();
        invitations.insert(id, Tokens.hash(token), now().plus(INVITATION_LIFETIME));
        return token;
    }

    /** @throws InvalidInputException naming {@code role} */
    void changeRole(String by, long id, String typedRole) {
        UserSummary user = other(by, id);
        Input input = inputs.read(field -> "role".equals(field) ? typedRole : null);
        Role role = readRole(input);
        input.throwIfInvalid();
        users.setRole(user.id(), role);
        audit.changed(audited(id), Map.of("role", user.role().name()), Map.of("role", role.name()));
        events.publishEvent(new OpenSessions.AccessChanged(user.email()));
    }

    void setEnabled(String by, long id, boolean enabled) {
        UserSummary user = other(by, id);
        users.setEnabled(user.id(), enabled);
        audit.changed(audited(id), Map.of("enabled", user.enabled()), Map.of("enabled", enabled));
        if (!enabled) {
            events.publishEvent(new OpenSessions.AccessChanged(user.email()));
        }
    }

    /** Users have no page each: their changes show on the users page. */
    static Audited audited(long id) {
        return Audited.of(AuditKind.USER, id).listedOn(USERS);
    }

    // On the primary (not read-only) even with a replica: a link just made, or just used up, counts at once.
    boolean invitationOpen(String token) {
        return invitations.userOf(Tokens.hash(token), now()).isPresent();
    }

    /**
     * Sets the password and uses the link up.
     *
     * @throws InvalidInputException naming {@code password}
     */
    void acceptInvitation(String token, String typedPassword) {
        long userId = invitations.userOf(Tokens.hash(token), now())
                .orElseThrow(() -> new NotFoundException("error.notFound.invitation"));
        Input input = inputs.read(Map.of());
        String password = passwordRules.read(input, "password", typedPassword);
        input.throwIfInvalid();
        if (!invitations.use(Tokens.hash(token), now())) {
            throw new NotFoundException("error.notFound.invitation");
        }
        users.setPassword(userId, encoder.encode(password));
        audit.changed(audited(userId), Map.of("invitation", "open"), Map.of("invitation", "accepted"));
    }

    private static Role readRole(Input input) {
        String typed = input.raw("role");
        if (typed == null) {
            input.problem("role", "users.error.role.required");
            return null;
        }
        // Any case, as every other choice is read; a value that is no role is told apart from none.
        try {
            return Role.valueOf(typed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            input.problem("role", "users.error.role.unknown");
            return null;
        }
    }

    /** Another user than the one acting, or not found. */
    private UserSummary other(String by, long id) {
        UserSummary user = users.all().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("error.notFound.user"));
        if (user.email().equals(UserRepository.normalised(by))) {
            throw new NotFoundException("error.notFound.user");
        }
        return user;
    }
}
