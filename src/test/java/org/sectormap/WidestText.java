package org.sectormap;

/**
 * Text at a field's limit in the characters most likely to overflow what stores it: "İ", whose
 * lower case is two characters, and an emoji, two UTF-16 units and four bytes of UTF-8.
 */
public final class WidestText {

    private WidestText() {
    }

    /** Exactly {@code length} UTF-16 units long, as the rules count. */
    public static String of(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() + 2 <= length) {
            text.append("\uD83D\uDE00").append(text.length() + 3 <= length ? "\u0130" : "");
        }
        while (text.length() < length) {
            text.append('\u0130');
        }
        return text.toString();
    }
}
