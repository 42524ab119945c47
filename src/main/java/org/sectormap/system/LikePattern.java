package org.sectormap.system;

import java.util.Locale;

/** A LIKE pattern matching text anywhere, case folded, with the user's % and _ taken literally. */
public final class LikePattern {

    /** Use with {@code ESCAPE '\'}. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private LikePattern() {
    }

    public static String containing(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
