package org.sectormap.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.sectormap.shared.Input;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length over composition rules, as NCSC and NIST advise: at least 12 characters, and not one of
 * the passwords attackers try first. The list is small because length already rules out most of it.
 * At most 72 bytes in UTF-8, as bcrypt hashes no more (Spring Security's refuses a longer one with an
 * exception): 72 letters of plain English, fewer accented letters, letters of other scripts or emoji.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 72;

    private final Set<String> common;

    PasswordRules() {
        try (InputStream in = new ClassPathResource("common-passwords.txt").getInputStream()) {
            common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("common-passwords.txt is missing from the build", e);
        }
    }

    /**
     * The password as typed, spaces and all (a passphrase may start or end with one), or null with a
     * problem recorded under the field.
     */
    String read(Input input, String field, String typed) {
        if (typed == null || typed.isEmpty()) {
            input.problem(field, "account.error.password.required");
            return null;
        }
        String password = input.checked(field, typed, MAX_LENGTH, false);
        if (password == null) {
            return null;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            input.problem(field, "account.error.password.tooLong", MAX_LENGTH);
            return null;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            input.problem(field, "account.error.password.tooShort", MIN_LENGTH);
            return null;
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            input.problem(field, "account.error.password.common");
            return null;
        }
        return password;
    }
}
