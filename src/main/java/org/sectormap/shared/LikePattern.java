package org.sectormap.shared;

/** A LIKE pattern matching text anywhere, case folded, with the user's % and _ taken literally. */
public final class LikePattern {

    /** Use with {@code ESCAPE '\'}. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private LikePattern() {
    }

    public static String containing(String text) {
        String escaped = fold(text.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * Lower case one character at a time. Unlike {@link String#toLowerCase}, which turns "İ" into
     * two characters, this never makes text longer, so folded text always fits beside the original.
     */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
