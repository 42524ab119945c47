package org.sectormap.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sectormap.audit.AuditKind;
import org.sectormap.audit.AuditTrail;
import org.sectormap.audit.Audited;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AccountService {

    static final int MAX_FAILED_SIGN_INS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    /**
     * A sign-in name: something, an @, and a domain with a dot, none holding spaces or the characters
     * that wrap or list addresses ({@code <>()[],;:"\}), so that "Jo &lt;jo@example.org&gt;" or two
     * addresses in one are refused. Stricter than an organisation's email, which keeps what a file held.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]+@[^@\\s<>()\\[\\],;:\"\\\\]+"
            + "\\.[^@\\s<>()\\[\\],;:\"\\\\]+");
    private static final int EMAIL_LENGTH = 254;
    private static final int TOKEN_NAME_LENGTH = 100;

    private final UserRepository users;
    private final TokenRepository tokens;
    private final PasswordRules passwordRules;
    private final PasswordEncoder encoder;
    private final Inputs inputs;
    private final Clock clock;
    private final AuditTrail audit;

    AccountService(UserRepository users, TokenRepository tokens, PasswordRules passwordRules, PasswordEncoder encoder,
            Inputs inputs, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.tokens = tokens;
        this.passwordRules = passwordRules;
        this.encoder = encoder;
        this.inputs = inputs;
        this.clock = clock;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    // On the primary (not read-only) even with a replica, as setup must not open again for a moment.
    boolean anyUser() {
        return users.any();
    }

    // Not read-only, so on the primary even with a replica: who may sign in, and with which token, must
    // not lag behind a disabling or a revoked token.
    Optional<AppUser> find(String email) {
        return users.findByEmail(email);
    }

    // On the primary (not read-only), as find is.
    Optional<TokenRepository.Holder> tokenHolder(String token) {
        return tokens.holderOfLiveToken(Tokens.hash(token));
    }

    @Transactional(readOnly = true)
    boolean locked(AppUser user) {
        return user.lockedAt(now());
    }

    /**
     * The first administrator, from the setup page or the bootstrap properties. Refused once anyone
     * exists, so a second setup cannot take over an installation; two at the same moment, on one
     * instance or two, create one administrator between them ({@link UserRepository#lockSetup}).
     *
     * @throws InvalidInputException naming each field in error, when nobody is created
     */
    void createFirstAdmin(Map<String, String> form, String token) {
        Input input = inputs.read("account", form);
        String email = readEmail(input);
        String password = passwordRules.read(input, "password", form.get("password"));
        if (token != null && (token.length() < 20 || token.length() > 200 || !token.matches("[\\x21-\\x7e]+"))) {
            input.problem("token", "account.error.token.invalid");
        }
        input.throwIfInvalid();
        // Hashed before the lock, which a concurrent setup waits on until this one commits.
        String hash = encoder.encode(password);
        users.lockSetup();
        if (users.any()) {
            throw new SetupDoneException();
        }
        long id = users.insert(email, hash, Role.ADMIN, now());
        audit.created(UserAdministration.audited(id), Map.of("email", UserRepository.normalised(email),
                "role", Role.ADMIN.name()));
        if (token != null) {
            addToken(id, "bootstrap", token);
        }
    }

    /** An email address that must be there, as a sign-in name. */
    static String readEmail(Input input) {
        String email = input.required("email", EMAIL_LENGTH, "account.error.email.required");
        if (email != null && !EMAIL.matcher(email).matches()) {
            input.problem("email", "error.email.invalid", email);
            return null;
        }
        return email;
    }

    @Transactional(readOnly = true)
    List<ApiToken> tokensOf(String email) {
        return tokens.liveOf(user(email).id());
    }

    /**
     * @return the token, to be shown once
     * @throws InvalidInputException naming {@code tokenName}
     */
    String createToken(String email, Map<String, String> form) {
        Input input = inputs.read(form);
        String name = input.required("tokenName", TOKEN_NAME_LENGTH, "account.error.tokenName.required");
        input.throwIfInvalid();
        String token = Tokens.generate();
        addToken(user(email).id(), name, token);
        return token;
    }

    /** The trail keeps a token's name, never the token. */
    private void addToken(long userId, String name, String token) {
        long id = tokens.insert(userId, name, Tokens.hash(token), now());
        audit.created(token(userId, id), Map.of("name", name));
    }

    boolean revokeToken(String email, long id) {
        long userId = user(email).id();
        boolean revoked = tokens.revoke(userId, id, now());
        if (revoked) {
            audit.changed(token(userId, id), Map.of("revoked", false), Map.of("revoked", true));
        }
        return revoked;
    }

    private static Audited token(long userId, long id) {
        return Audited.of(AuditKind.API_TOKEN, id).partOf(UserAdministration.audited(userId));
    }

    /** The signed-in user, who may have been removed since signing in. */
    private AppUser user(String email) {
        return users.findByEmail(email).orElseThrow(() -> new NotFoundException("error.notFound.account"));
    }

    /**
     * Counts a wrong password against a known account and locks it for {@link #LOCKOUT} at the
     * {@value #MAX_FAILED_SIGN_INS}th; an unknown email has nothing to count.
     */
    void signInFailed(String email) {
        if (email == null) {
            return;
        }
        users.findByEmail(email).filter(user -> !user.lockedAt(now())).ifPresent(user -> {
            int failures = user.failedSignIns() + 1;
            if (failures >= MAX_FAILED_SIGN_INS) {
                users.recordFailure(user.id(), 0, now().plus(LOCKOUT));
            } else {
                users.recordFailure(user.id(), failures, null);
            }
        });
    }

    void signedIn(String email) {
        users.findByEmail(email).ifPresent(user -> users.clearFailures(user.id()));
    }
}
