package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

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
}
