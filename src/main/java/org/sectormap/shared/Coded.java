package org.sectormap.shared;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value stored and exchanged as a stable lower-case code (e.g. {@code bme-network}); its
 * human label lives in messages.properties under {@link #messageKey()}.
 */
public interface Coded {

    @JsonValue
    String code();

    String messageKey();

    static <E extends Coded> Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(type.cast(Codes.find(type, code.trim().toLowerCase(Locale.ROOT))));
    }

    static String codeOf(Enum<?> name) {
        return Codes.of(name);
    }
}
