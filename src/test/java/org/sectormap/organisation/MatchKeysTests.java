package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MatchKeysTests {

    @Test
    void shouldFoldCaseAccentsPunctuationAndTheWordsThatSayNothing() {
        assertThat(MatchKeys.name("The Derby Racial Equality Council Ltd.")).isEqualTo("derby racial equality council");
        assertThat(MatchKeys.name("  Café   Africa & Friends, LIMITED ")).isEqualTo("cafe africa friends");
        assertThat(MatchKeys.name("Nottingham Council for Voluntary Services")).isEqualTo("nottingham cvs");
        assertThat(MatchKeys.name("Leics Black and Minority Ethnic Network")).isEqualTo("leicestershire bme network");
        assertThat(MatchKeys.name("O'Brien's Centre")).isEqualTo(MatchKeys.name("OBriens Center"));
        assertThat(MatchKeys.name("Theatre Group")).isEqualTo("theatre group");
        assertThat(MatchKeys.name("The Ltd")).isNull();
    }

    @Test
    void shouldKeyContactDetailsTheWayTheyAreWrittenDifferently() {
        assertThat(MatchKeys.email(" Info@Example.ORG ")).isEqualTo("info@example.org");
        assertThat(MatchKeys.website("HTTPS://www.Example.org/about?x=1")).isEqualTo("example.org");
        assertThat(MatchKeys.website("example.org.")).isEqualTo("example.org");
        assertThat(MatchKeys.website("sub.example.org:8080/")).isEqualTo("sub.example.org");
        assertThat(MatchKeys.phone("+44 (0)116 255 1234")).isEqualTo("01162551234");
        assertThat(MatchKeys.phone("+44 116 255 1234")).isEqualTo("01162551234");
        assertThat(MatchKeys.phone("0044 116 255 1234")).isEqualTo("01162551234");
        assertThat(MatchKeys.phone("0116-255 1234")).isEqualTo("01162551234");
        assertThat(MatchKeys.postcode("le1 1aa")).isEqualTo("LE11AA");
        assertThat(MatchKeys.email(" ")).isNull();
        assertThat(MatchKeys.phone("none")).isNull();
    }

    @Test
    void shouldCallANameWithAWordPutInSimilarButNotOneWithAWordChanged() {
        assertThat(MatchKeys.similarNames("Derby Sikh Centre", "Derby Sikh Community Centre")).isTrue();
        assertThat(MatchKeys.similarNames("Corby Irish Community Group", "Irish Community Group, Corby")).isTrue();
        assertThat(MatchKeys.similarNames("Loughborough Welfare Association", "Loughborough Welfare Asociation")).isTrue();
        assertThat(MatchKeys.similarNames("Derby Sikh Youth Group", "Derby Sikh Women Group")).isFalse();
        assertThat(MatchKeys.similarNames("Derby Forum", "Derby Somali Women's Health Forum")).isFalse();
        assertThat(MatchKeys.similarNames("Derby Youth", "Derby Truth")).isFalse();
        assertThat(MatchKeys.similarNames("", "Derby")).isFalse();
    }

    @Test
    void shouldGiveAStoredNameKeyTheWordsOfItsNameUnlessItMayHaveBeenCutShort() {
        for (String name : new String[] {"The Derby Council for Voluntary Service Ltd", "Age UK & Age UK Notts",
                "Café O'Brien Assoc. Centre Centre", "Leics BME Forum"}) {
            String key = MatchKeys.name(name);
            assertThat(MatchKeys.mayBeCut(key)).isFalse();
            assertThat(MatchKeys.keyWords(key)).isEqualTo(MatchKeys.distinctWords(name));
        }
        assertThat(MatchKeys.mayBeCut(MatchKeys.name("word ".repeat(100)))).isTrue();
    }

    /**
     * The sketch may let a pair through that is not similar, never turn one away that is: every word
     * one slip from a word (each letter changed, dropped, put in, and each two swapped), and random
     * names built from a few words and their slips, the shorter name looked for in the longer's sketch
     * as similarWords pairs them.
     */
    @Test
    void shouldNeverTurnAwayBySketchANameThatIsSimilar() {
        Random random = new Random(2007);
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder word = new StringBuilder();
            for (int n = 2 + random.nextInt(9); n > 0; n--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            String w = word.toString();
            pool.add(w);
            for (String slip : slips(w, letters)) {
                assertThat(MatchKeys.mayBeSimilar(MatchKeys.wordBits(List.of(slip)),
                        MatchKeys.sketch(MatchKeys.wordBits(List.of(w)))))
                        .as("%s beside %s", slip, w).isEqualTo(true);
            }
        }
        int similar = 0;
        int turnedAway = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> a = name(random, pool);
            List<String> b = new ArrayList<>(a.size() > 1 && random.nextBoolean() ? a.subList(1, a.size()) : a);
            if (random.nextBoolean()) {
                int at = random.nextInt(b.size());
                List<String> slips = slips(b.get(at), letters);
                b.set(at, slips.isEmpty() ? b.get(at) : slips.get(random.nextInt(slips.size())));
            }
            List<String> other = random.nextInt(4) == 0 ? name(random, pool) : b.stream().distinct().toList();
            List<String> shorter = a.size() <= other.size() ? a : other;
            List<String> longer = shorter == a ? other : a;
            boolean may = MatchKeys.mayBeSimilar(MatchKeys.wordBits(shorter), MatchKeys.sketch(MatchKeys.wordBits(longer)));
            if (MatchKeys.similarWords(a, other)) {
                similar++;
                assertThat(may).as("%s and %s", a, other).isTrue();
            } else if (!may) {
                turnedAway++;
            }
        }
        assertThat(similar).as("pairs that were similar").isGreaterThan(5_000);
        assertThat(turnedAway).as("pairs the sketch turned away").isGreaterThan(1_000);
    }

    private static List<String> name(Random random, List<String> pool) {
        List<String> name = new ArrayList<>();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            name.add(pool.get(random.nextInt(pool.size())));
        }
        return name.stream().distinct().toList();
    }

    /** Every word one slip from the word that {@link MatchKeys#oneSlipApart} takes for one. */
    private static List<String> slips(String word, String letters) {
        List<String> slips = new ArrayList<>();
        for (int i = 0; i <= word.length(); i++) {
            for (char c : letters.toCharArray()) {
                slips.add(word.substring(0, i) + c + word.substring(i));
                if (i < word.length()) {
                    slips.add(word.substring(0, i) + c + word.substring(i + 1));
                }
            }
            if (i < word.length()) {
                slips.add(word.substring(0, i) + word.substring(i + 1));
            }
            if (i + 1 < word.length()) {
                slips.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
        }
        return slips.stream().filter(s -> !s.equals(word) && MatchKeys.oneSlipApart(s, word)).toList();
    }
}
