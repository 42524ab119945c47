package org.sectormap.shared;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Each coded enum's codes, worked out once: an import looks up several codes in every row, and
 * lower-casing every constant's name for each look-up was a few per cent of a large file's preview.
 */
final class Codes {

    private static final ClassValue<String[]> BY_ORDINAL = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return codes;
        }
    };

    private static final ClassValue<Map<String, Object>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byCode = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                // The first constant with a code, as a search through them in order would find.
                byCode.putIfAbsent(((Coded) constant).code(), constant);
            }
            return Map.copyOf(byCode);
        }
    };

    private Codes() {
    }

    static String of(Enum<?> constant) {
        return BY_ORDINAL.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    static Object find(Class<?> type, String code) {
        return BY_CODE.get(type).get(code);
    }
}
