package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's page of a text search by name, read in name order from the words of the search text
 * that V147 keeps (organisation_word), rather than by walking the name index and reading each record's
 * text until a page holds the word: a word common in one stretch of names (a tenth of a million names,
 * all after the first 50,000) took that walk about 130 ms, and this read under a millisecond.
 *
 * <p>One searched word leads: the words of the register it is part of are looked up in search_word, and
 * the records holding any of them are read in name order, each branch from organisation_word's key,
 * merged. The other searched words and the filters are checked on each record read. A searched word
 * shorter than a trigram, longer than V147's pieces, or part of too many words to merge, cannot lead.
 */
final class SearchWords {

    /** search_word's trigram index finds no word from fewer characters. */
    static final int SHORTEST = 3;
    /** V147 keeps a longer run of characters as pieces within which any searched word this long lies whole. */
    static final int LONGEST = 100;
    /** More words than this, each a branch of the page's merge, and the search reads as before. */
    static final int MOST_WORDS = 64;
    /** Records counted for each candidate to lead, at most: enough to tell a rare word from a common one. */
    private static final int COUNTED = 10_000;

    private final JdbcClient jdbc;

    SearchWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A search's leading word, looked up when first needed and kept for the other statements of the same answer. */
    Lookup lookup(String search) {
        return new Lookup(search);
    }

    final class Lookup {

        private final String search;
        private Optional<Leading> leading;

        private Lookup(String search) {
            this.search = search;
        }

        Optional<Leading> leading() {
            if (leading == null) {
                leading = SearchWords.this.leading(search);
            }
            return leading;
        }
    }

    /**
     * The searched word that leads a search, with the words of the register it is part of and the other
     * searched words; empty when none can lead. Among several that can, the one held by fewest records.
     */
    private Optional<Leading> leading(String search) {
        List<String> searched = SearchText.words(search);
        List<Leading> candidates = new ArrayList<>();
        for (String word : searched) {
            int length = word.codePointCount(0, word.length());
            if (length < SHORTEST || length > LONGEST) {
                continue;
            }
            List<String> found = jdbc.sql("SELECT word FROM search_word WHERE word LIKE :pattern" + LikePattern.ESCAPE
                    + " FETCH FIRST " + (MOST_WORDS + 1) + " ROWS ONLY")
                    .param("pattern", LikePattern.containing(word)).query(String.class).list();
            if (found.size() <= MOST_WORDS) {
                List<String> others = new ArrayList<>(searched);
                others.remove(word);
                candidates.add(new Leading(jdbc, found, String.join(" ", others)));
            }
        }
        if (candidates.size() < 2) {
            return candidates.stream().findFirst();
        }
        return candidates.stream().min(Comparator.comparingLong(leading -> leading.held(COUNTED)));
    }

    /**
     * @param words  the words of the register holding the leading searched word
     * @param others the other searched words, as a search, to check on each record read
     */
    record Leading(JdbcClient jdbc, List<String> words, String others) {

        /**
         * How many records hold one of the words: exactly while fewer than {@code upTo}, else at least
         * {@code upTo}. A record holds each word once, so reading {@code upTo} entries a word finds that many records.
         */
        long held(int upTo) {
            if (words.isEmpty()) {
                return 0;
            }
            return jdbc.sql("SELECT COUNT(DISTINCT organisation_id) FROM (SELECT organisation_id FROM organisation_word"
                    + " WHERE word IN (:words) FETCH FIRST " + (long) upTo * words.size() + " ROWS ONLY) held")
                    .param("words", words).query(Long.class).single();
        }

        /**
         * The ids of a page, in name order, of the records holding one of the words and meeting the
         * condition on organisation's columns (or null for none), for an {@code IN} of the page's rows.
         */
        String ids(String condition, String direction, Map<String, Object> params, long offset, int size) {
            params.put("offset", offset);
            params.put("size", size);
            String page = " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
            if (words.isEmpty()) {
                return "SELECT organisation_id FROM organisation_word WHERE 1 = 0";
            }
            if (words.size() == 1) {
                return branch(0, "k.organisation_id", condition, direction, params) + page;
            }
            // Each branch reads at most as far as the page ends; a record holding two of the words is one match.
            params.put("reach", offset + size);
            String union = IntStream.range(0, words.size())
                    .mapToObj(i -> "(" + branch(i, "k.name_sort, k.organisation_id", condition, direction, params)
                            + " FETCH FIRST :reach ROWS ONLY)")
                    .collect(Collectors.joining(" UNION "));
            return "SELECT organisation_id FROM (" + union + ") m ORDER BY name_sort" + direction
                    + ", organisation_id" + direction + page;
        }

        private String branch(int i, String columns, String condition, String direction, Map<String, Object> params) {
            params.put("word" + i, words.get(i));
            String from = condition == null ? " FROM organisation_word k WHERE "
                    : " FROM organisation_word k JOIN organisation o ON o.id = k.organisation_id WHERE " + condition + " AND ";
            return "SELECT " + columns + from + "k.word = :word" + i + " ORDER BY k.name_sort" + direction
                    + ", k.organisation_id" + direction;
        }
    }
}
