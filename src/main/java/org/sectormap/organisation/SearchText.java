package org.sectormap.organisation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.sectormap.shared.LikePattern;

/**
 * What free-text search looks in, and for: lower case and without accents, so "societe" finds
 * "Société", and each word of a search found anywhere, in any order. A character becomes one
 * character at most, so the folded text always fits its column beside the original.
 */
public final class SearchText {

    /** More words than anyone types into a search box; the rest are not looked for. */
    static final int MOST_WORDS = 8;

    private SearchText() {
    }

    /** The text of a record's name, coverage, description and contact, folded, a line each. */
    public static String of(String... values) {
        return Arrays.stream(values).filter(Objects::nonNull).map(SearchText::fold).collect(Collectors.joining("\n"));
    }

    static String of(OrganisationDetails d) {
        return of((String) d.get(OrganisationField.NAME), (String) d.get(OrganisationField.COVERAGE),
                (String) d.get(OrganisationField.DESCRIPTION), (String) d.get(OrganisationField.CONTACT_NAME));
    }

    /** The LIKE patterns of a search: one for each of its first {@value #MOST_WORDS} words. */
    static List<String> patterns(String search) {
        return words(search).stream().map(LikePattern::containing).toList();
    }

    /**
     * The words a search looks for, each exactly as its LIKE pattern has it once unescaped, so that
     * H2's search index finds what LIKE finds; a word that was only spaces is empty and finds anything.
     */
    static List<String> words(String search) {
        return Arrays.stream(search.strip().split("\\s+")).filter(word -> !word.isEmpty()).limit(MOST_WORDS)
                .map(word -> LikePattern.fold(fold(word).strip())).toList();
    }

    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().map(SearchText::plain).forEach(folded::appendCodePoint);
        return folded.toString();
    }

    /** A letter without its accents, in lower case; a character that is more than a letter and marks stays itself. */
    private static int plain(int codePoint) {
        if (codePoint < 0x80) {
            return Character.toLowerCase(codePoint);
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        boolean marksOnly = decomposed.codePoints().skip(1)
                .allMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK);
        return Character.toLowerCase(marksOnly ? base : codePoint);
    }
}
