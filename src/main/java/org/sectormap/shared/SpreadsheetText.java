package org.sectormap.shared;

/**
 * Spreadsheet programs run a cell that starts with =, +, -, @, tab or carriage return as a
 * formula, so text we write to CSV is guarded with a leading apostrophe (OWASP's advice), which
 * the spreadsheet shows as a text marker and drops when saving. Reading a CSV back removes the
 * marker again, so a name such as "-Youth Voice" survives an export and re-import exactly.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String guard(String text) {
        return text != null && startsLikeFormula(text, 0) ? "'" + text : text;
    }

    public static String unguard(String text) {
        return text != null && text.startsWith("'") && startsLikeFormula(text, 1) ? text.substring(1) : text;
    }

    private static boolean startsLikeFormula(String text, int at) {
        return text.length() > at && "=+-@\t\r".indexOf(text.charAt(at)) >= 0;
    }
}
