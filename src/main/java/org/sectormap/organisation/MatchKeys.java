package org.sectormap.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms of a record's name and contact details under which two records of one organisation
 * look the same: stored beside the record (and indexed) so duplicates are found by index lookups.
 * Public because the migration that fills the keys of records saved before them uses it too.
 */
public final class MatchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Dropped, not spaced: "O'Brien" and "C.V.S." read as one word each. */
    private static final Pattern JOINERS = Pattern.compile("['’‘`.]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Phrases written in full or short: "Council for Voluntary Service" is "CVS". */
    private static final Map<Pattern, String> PHRASES = Map.of(
            Pattern.compile("\\bcouncils? (for|of) voluntary services?\\b"), "cvs",
            Pattern.compile("\\bblack (and )?minority ethnic\\b"), "bme");
    /** Abbreviations people write for the same word: East Midlands counties, spellings, "Assoc". */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("leics", "leicestershire"), Map.entry("notts", "nottinghamshire"),
            Map.entry("northants", "northamptonshire"), Map.entry("lincs", "lincolnshire"),
            Map.entry("derbys", "derbyshire"), Map.entry("organization", "organisation"),
            Map.entry("org", "organisation"), Map.entry("center", "centre"), Map.entry("assoc", "association"),
            Map.entry("assn", "association"), Map.entry("intl", "international"));
    /** A legal form at the end says nothing about which organisation it is. */
    private static final Set<String> LEGAL_FORMS = Set.of("ltd", "limited", "cic", "plc", "llp", "inc", "cio");
    private static final int KEY_LENGTH = 300;
    // Compiled once: every row of an imported file has its keys worked out.
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern SPACE = Pattern.compile("\\s");
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern PATH = Pattern.compile("[/?#:]");
    private static final Pattern WWW = Pattern.compile("^www\\.");

    private MatchKeys() {
    }

    /** The words of a name as compared: folded, without accents, punctuation, "and", a leading "The" or a legal form. */
    public static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String text = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        text = NOT_WORD.matcher(JOINERS.matcher(text).replaceAll("")).replaceAll(" ").strip();
        for (Map.Entry<Pattern, String> phrase : PHRASES.entrySet()) {
            text = phrase.getKey().matcher(text).replaceAll(phrase.getValue());
        }
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (!word.isEmpty() && !word.equals("and")) {
                words.add(WORDS.getOrDefault(word, word));
            }
        }
        if (!words.isEmpty() && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (!words.isEmpty() && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return words;
    }

    /** The name as compared, or null when nothing of it is left to compare. */
    public static String name(String name) {
        return name(words(name));
    }

    /** As {@link #name(String)}, for a name already split into its {@link #words}. */
    static String name(List<String> words) {
        String key = String.join(" ", words);
        return key.isEmpty() ? null : cut(key);
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The website's host without "www.": "https://www.Example.org/about" is "example.org". */
    public static String website(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = SCHEME.matcher(website.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        host = WWW.matcher(PATH.split(host, 2)[0]).replaceFirst("");
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }

    /** Digits only, with the UK country code written the national way: "+44 (0)116 255" is "0116255". */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        String trimmed = phone.strip();
        if (trimmed.startsWith("+44") || trimmed.startsWith("0044")) {
            digits = digits.substring(trimmed.startsWith("+") ? 2 : 4);
            digits = digits.startsWith("0") ? digits : "0" + digits;
        }
        return digits.isEmpty() ? null : digits;
    }

    public static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String key = SPACE.matcher(postcode).replaceAll("").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    /**
     * Whether two names are probably one organisation's: every word of the one with fewer words is
     * in the other (a word of five letters or more may differ by one typing slip), and it has at
     * least half as many words. So "Derby Sikh Centre" is like "Derby Sikh Community Centre", but
     * "Derby Sikh Youth Group" is not like "Derby Sikh Women Group": a word put in is a longer name,
     * a word changed is another organisation.
     */
    public static boolean similarNames(String a, String b) {
        return similarWords(distinctWords(a), distinctWords(b));
    }

    /**
     * The words of a stored name key, each once: those of {@link #distinctWords} for its name, as the
     * key is the words joined by spaces, unless it was cut short.
     */
    static List<String> keyWords(String key) {
        return distinct(List.of(key.split(" ")));
    }

    /** Whether a stored name key may have been cut short, so that its words are not all the name's. */
    static boolean mayBeCut(String key) {
        return key.length() >= KEY_LENGTH;
    }

    /** The {@link #words} of a name, each once, as {@link #similarWords} compares them. */
    static List<String> distinctWords(String name) {
        return distinct(words(name));
    }

    /** The words, each once, in the order first met: a loop, as a stream costs more than a short name's words. */
    static List<String> distinct(List<String> words) {
        List<String> distinct = new ArrayList<>(words.size());
        for (String word : words) {
            if (!distinct.contains(word)) {
                distinct.add(word);
            }
        }
        return distinct;
    }

    /**
     * As {@link #similarNames}, for names already split into {@link #distinctWords}, which costs most
     * of a comparison: a name in a file is compared with many. Each word of the shorter name takes
     * the first unused equal word of the longer, else the first unused one a slip apart.
     */
    static boolean similarWords(List<String> first, List<String> second) {
        List<String> shorter = first.size() <= second.size() ? first : second;
        List<String> longer = shorter == first ? second : first;
        if (shorter.isEmpty() || shorter.size() * 2 < longer.size()) {
            return false;
        }
        boolean[] used = new boolean[longer.size()];
        for (String word : shorter) {
            int match = unused(longer, used, word, false);
            if (match < 0) {
                match = unused(longer, used, word, true);
            }
            if (match < 0) {
                return false;
            }
            used[match] = true;
        }
        return true;
    }

    /**
     * Each of a name's distinct words as the bits it sets in a 64-bit {@link #sketch}, from which
     * {@link #mayBeSimilar} tells most names that are not similar without comparing a letter. A word
     * shorter than a slip's five letters sets the bit of the whole word; a longer word sets the bits of
     * its first two letters and of its last two. A word one slip from it keeps one of those pairs: a
     * slip after the second letter leaves the first two as they were, and one within them leaves at
     * least the last three. Worked out once for a name, which is compared with many.
     */
    static long[] wordBits(List<String> distinctWords) {
        long[] bits = new long[distinctWords.size()];
        for (int i = 0; i < bits.length; i++) {
            String word = distinctWords.get(i);
            bits[i] = word.length() < SLIP_FROM ? wholeBit(word) : firstBit(word) | lastBit(word);
        }
        return bits;
    }

    /** The bits of all a name's words ({@link #wordBits}). */
    static long sketch(long[] wordBits) {
        long sketch = 0;
        for (long bits : wordBits) {
            sketch |= bits;
        }
        return sketch;
    }

    /**
     * False where {@link #similarWords}{@code (shorter, longer)} is certainly false: a word of the name
     * with fewer words has none of its bits ({@link #wordBits}) in the other's {@link #sketch}, so nothing
     * there is equal to it or a slip from it. A file's shared postcode puts each name beside hundreds of
     * others; this turns most of them away for a few operations each.
     */
    static boolean mayBeSimilar(long[] shorterWordBits, long longerSketch) {
        for (long bits : shorterWordBits) {
            if ((bits & longerSketch) == 0) {
                return false;
            }
        }
        return true;
    }

    private static final int SLIP_FROM = 5;

    private static long wholeBit(String word) {
        return bit(word.hashCode());
    }

    private static long firstBit(String word) {
        return bit(0x5bd1e995 ^ (word.charAt(0) << 16 | word.charAt(1)));
    }

    private static long lastBit(String word) {
        int n = word.length();
        return bit(0x27d4eb2d ^ (word.charAt(n - 2) << 16 | word.charAt(n - 1)));
    }

    /** One of 64 bits, chosen by the high bits of a multiplicative hash, which spread close values apart. */
    private static long bit(int value) {
        return 1L << ((value * 0x9E3779B9) >>> 26);
    }

    /** The first unused word equal to {@code word}, or one slip apart from it; no lambda, as this runs millions of times. */
    private static int unused(List<String> words, boolean[] used, String word, boolean slip) {
        for (int i = 0; i < words.size(); i++) {
            if (!used[i] && (slip ? oneSlipApart(word, words.get(i)) : word.equals(words.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** One letter added, dropped, changed or two swapped, in words long enough for that to be a slip. */
    static boolean oneSlipApart(String a, String b) {
        if (Math.min(a.length(), b.length()) < SLIP_FROM || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        // Compared in place rather than as substrings: a file's names are compared millions of times.
        if (a.length() == b.length()) {
            int after = Math.min(start + 1, a.length());
            boolean swapped = start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1)
                    && a.charAt(start + 1) == b.charAt(start)
                    && a.regionMatches(start + 2, b, start + 2, a.length() - start - 2);
            return a.regionMatches(after, b, after, a.length() - after) || swapped;
        }
        return a.length() > b.length() ? a.regionMatches(start + 1, b, start, b.length() - start)
                : b.regionMatches(start + 1, a, start, a.length() - start);
    }

    private static String cut(String key) {
        return key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
    }
}
