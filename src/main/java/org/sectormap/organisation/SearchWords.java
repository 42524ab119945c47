package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's page of a text search by name, read in name order from the words of the search text
 * that V147 keeps (organisation_word), rather than by walking the name index and reading each record's
 * text until a page holds the word: a word common in one stretch of names (a tenth of a million names,
 * all after the first 50,000) took that walk about 130 ms, and this read under a millisecond.
 *
 * <p>Each searched word that can lead is looked up in search_word, for the words of the register it is
 * part of. With one, the records holding any of those words are read in name order, each word a branch
 * from organisation_word's key, merged. With two or more, the records holding all of them are found by
 * leaping from one searched word's records to the next's (a leapfrog join, {@link #leap}). The searched
 * words that cannot lead and the filters are checked on each record found. A searched word shorter than
 * a trigram, longer than V147's pieces, or part of too many words to merge, cannot lead.
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
    /**
     * Seeks allowed beyond two leaps a record wanted, about 15 ms of them: words whose records alternate
     * in name order but seldom meet take a leap a record, each a seek a word of each searched word, and
     * dearer than reading a record's text.
     */
    private static final int SPARE_SEEKS = 2_000;

    private final JdbcClient jdbc;

    SearchWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A search's words, looked up when first needed and kept for the other statements of the same answer.
     * Where the search is kept out of contacts' names, a record holding a word only in its contact's name
     * is no match: the entries so noted (V190) are left out of every read of the words (see {@link Term#shown}).
     */
    Lookup lookup(String search, boolean contactsHidden) {
        return new Lookup(search, contactsHidden);
    }

    final class Lookup {

        private final String search;
        private final boolean contactsHidden;
        private Optional<Words> words;

        private Lookup(String search, boolean contactsHidden) {
            this.search = search;
            this.contactsHidden = contactsHidden;
        }

        Optional<Words> words() {
            if (words == null) {
                words = SearchWords.this.words(search, contactsHidden);
            }
            return words;
        }
    }

    /**
     * A searched word that can lead, the words of the register it is part of, and whether the search is
     * kept out of contacts' names.
     */
    record Term(String searched, List<String> words, boolean contactsHidden) {

        /**
         * The condition, as {@code AND} and a test or as nothing, on an entry of organisation_word (its
         * columns named after {@code alias}, a table's name and a dot, or empty) that leaves out a word
         * standing only in a contact's name where the search is kept out of them: read from the key index
         * alone (V191), where checking each record's text read every record walked (page 20,000 of a word
         * every record of a million holds, 1.28 s).
         */
        String shown(String alias) {
            return contactsHidden ? " AND " + alias + "contact_only = FALSE" : "";
        }
    }

    /**
     * @param terms  the searched words that can lead
     * @param others the other searched words, as a search, to check on each record found
     */
    record Words(List<Term> terms, String others) {

        /** One searched word alone leads, with nothing else to check: the records holding it are the matches. */
        Optional<Term> alone() {
            return terms.size() == 1 && others.isEmpty() ? Optional.of(terms.get(0)) : Optional.empty();
        }

        /** This term leading, the other searched words checked in each record's text. */
        Words ledBy(Term lead) {
            // Distinct, as a word searched twice is checked once.
            String rest = Stream.concat(terms.stream().filter(term -> term != lead).map(Term::searched),
                    Stream.of(others.split(" ")).filter(o -> !o.isEmpty())).distinct().collect(Collectors.joining(" "));
            return new Words(List.of(lead), rest);
        }
    }

    /**
     * The searched words that can lead a search, each with the words of the register it is part of, and
     * the other searched words; empty when none can lead.
     */
    private Optional<Words> words(String search, boolean contactsHidden) {
        List<Term> terms = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> searched = SearchText.words(search);
        for (String word : searched) {
            int length = word.codePointCount(0, word.length());
            List<String> found = length < SHORTEST || length > LONGEST ? null
                    : jdbc.sql("SELECT word FROM search_word WHERE word LIKE :pattern" + LikePattern.ESCAPE
                            + " FETCH FIRST " + (MOST_WORDS + 1) + " ROWS ONLY")
                            .param("pattern", LikePattern.containing(word)).query(String.class).list();
            if (found != null && found.size() <= MOST_WORDS) {
                terms.add(new Term(word, found, contactsHidden));
            } else {
                others.add(word);
            }
        }
        return terms.isEmpty() ? Optional.empty()
                : Optional.of(new Words(terms, String.join(" ", others)));
    }

    /**
     * Locks the list of the register's words against new ones until the transaction ends, for {@link
     * #forget}: a record saved meanwhile could hold one of the words it drops, unseen by it, and lose it
     * from the list. Taken before the transaction changes any record (whose words' trigger writes to the
     * list, so that taking it later would be an upgrade two erasures could deadlock on), and waited for
     * five seconds at most, as an import holds the list for its whole transaction.
     *
     * @throws org.springframework.dao.PessimisticLockingFailureException when it could not be taken in time
     */
    void lockList() {
        jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
        jdbc.sql("LOCK TABLE search_word IN SHARE ROW EXCLUSIVE MODE").update();
        jdbc.sql("SET LOCAL lock_timeout TO DEFAULT").update();
    }

    /**
     * Drops the register's words that hold a word of these texts and that no record holds any longer:
     * search_word keeps such words (V147), which after an erasure would keep the person's name. Words
     * shorter than a trigram are left: no index finds what holds them, and alone they name nobody.
     * Call {@link #lockList} first.
     */
    void forget(Collection<String> texts) {
        List<String> words = texts.stream().flatMap(text -> SearchText.words(text).stream())
                .filter(word -> word.codePointCount(0, word.length()) >= SHORTEST).distinct().toList();
        for (String word : words) {
            jdbc.sql("DELETE FROM search_word s WHERE s.word LIKE :pattern" + LikePattern.ESCAPE
                    + " AND NOT EXISTS (SELECT 1 FROM organisation_word w WHERE w.word = s.word)")
                    .param("pattern", LikePattern.containing(word)).update();
        }
    }

    /**
     * How many records hold one of a term's words: exactly while fewer than {@code upTo}, else at least
     * {@code upTo}. A record holds each word once, so reading {@code upTo} entries a word finds that many records.
     */
    long held(Term term, int upTo) {
        if (term.words().isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(DISTINCT organisation_id) FROM (SELECT organisation_id FROM organisation_word"
                + " WHERE word IN (:words)" + term.shown("") + " FETCH FIRST " + (long) upTo * term.words().size() + " ROWS ONLY) held")
                .param("words", term.words()).query(Long.class).single();
    }

    /** The same words led by the term held by the fewest records, the others checked in the text. */
    Words ledByRarest(Words words) {
        return words.ledBy(words.terms().stream().min(Comparator.comparingLong(term -> held(term, COUNTED))).orElseThrow());
    }

    /**
     * The ids of a page, in name order, of the records holding a word of one term, their entries meeting
     * {@code beside} (a condition on the columns V175 keeps beside each word, or null for none) and their
     * records {@code onRecord} (a condition on organisation's columns, or null), for an {@code IN} of the
     * page's rows. A condition on category, area or status alone is met from the words' entries, without
     * reading a record: "forum" within a category, in the middle of its 20,000, took 66 to 71 ms read
     * record by record at a million.
     */
    static String ids(Term term, String beside, String onRecord, String direction, Map<String, Object> params,
            long offset, int size) {
        params.put("offset", offset);
        params.put("size", size);
        String page = " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
        List<String> words = term.words();
        if (words.isEmpty()) {
            return "SELECT organisation_id FROM organisation_word WHERE 1 = 0";
        }
        if (words.size() == 1) {
            return branch(term, 0, "k.organisation_id", beside, onRecord, direction, params) + page;
        }
        /*
         * Each branch reads at most as far as the page ends. A record holding two of the words is one match,
         * its entries side by side in the merged order: so the branches are merged in order, their repeats
         * dropped as they pass, and the merge stops where the page does. A UNION sorted every entry the
         * branches read ("leicester", part of two words each in 90,000 records of a million, took 39 ms in
         * the middle of its pages, and 15 ms merged).
         */
        params.put("reach", offset + size);
        String merged = IntStream.range(0, words.size())
                .mapToObj(i -> "(" + branch(term, i, "k.name_sort, k.organisation_id", beside, onRecord,
                        direction, params) + " FETCH FIRST :reach ROWS ONLY)")
                .collect(Collectors.joining(" UNION ALL "));
        String order = " ORDER BY name_sort" + direction + ", organisation_id" + direction;
        return "SELECT organisation_id FROM (SELECT DISTINCT name_sort, organisation_id FROM (" + merged + ") u" + order
                + ") m" + order + page;
    }

    /**
     * The entries of the term's word i, in name order. They are read in a subquery showing only their key,
     * so that the columns of a condition on the record name organisation's, not the entries' alike-named ones.
     */
    private static String branch(Term term, int i, String columns, String beside, String onRecord, String direction,
            Map<String, Object> params) {
        params.put("word" + i, term.words().get(i));
        String entries = "(SELECT name_sort, organisation_id FROM organisation_word WHERE word = :word" + i
                + term.shown("") + (beside == null ? "" : " AND " + beside) + ") k";
        String from = onRecord == null ? " FROM " + entries
                : " FROM " + entries + " JOIN organisation o ON o.id = k.organisation_id WHERE " + onRecord;
        return "SELECT " + columns + from + " ORDER BY k.name_sort" + direction + ", k.organisation_id" + direction;
    }

    /**
     * The records holding a word of the term, their entries meeting {@code beside} (a condition on V175's
     * columns, or null for none), counted by the values of one of those columns: a statement giving each
     * value (null for none) and its count, in no order.
     */
    static String counted(Term term, String column, String beside, Map<String, Object> params) {
        params.put("termWords", term.words());
        // A record holds each word once: only a term of several words can meet a record twice.
        String count = term.words().size() == 1 ? "COUNT(*)" : "COUNT(DISTINCT organisation_id)";
        return "SELECT " + column + ", " + count + " FROM organisation_word WHERE word IN (:termWords)" + term.shown("")
                + (beside == null ? "" : " AND " + beside) + " GROUP BY " + column;
    }

    /**
     * The ids, by id from {@code :skip} on and at most {@code :size}, of the records holding a word of the
     * term whose entries meet {@code beside} (which names the value wanted), for an {@code IN}.
     */
    static String idsBeside(Term term, String beside, String direction, Map<String, Object> params) {
        params.put("termWords", term.words());
        return "SELECT organisation_id FROM organisation_word WHERE word IN (:termWords)" + term.shown("") + " AND " + beside
                + (term.words().size() == 1 ? "" : " GROUP BY organisation_id") + " ORDER BY organisation_id" + direction
                + " OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY";
    }

    /**
     * The ids, in name order, of the page's records (from the offset, at most {@code size}) holding a word
     * of every term and meeting the condition (or null for none); empty when the leaps ran out first, and the
     * search is better read another way (searching "forum derby", where the 12,500 records holding both come
     * after 50,000 holding "derby" alone, the leaps took half a millisecond and reading the records holding
     * "derby" until they held "forum" too 75 to 100 ms; but words whose records alternate without meeting
     * cost a leap a record).
     */
    Optional<List<Long>> leap(Words words, String condition, String direction, Map<String, Object> given, long offset,
            int size) {
        if (words.terms().stream().anyMatch(term -> term.words().isEmpty())) {
            return Optional.of(List.of());
        }
        Map<String, Object> params = new LinkedHashMap<>(given);
        params.put("offset", offset);
        params.put("size", size);
        params.put("leaps", allowedLeaps(words, offset + size));
        List<Object[]> rows = jdbc.sql(leapQuery(words, condition, direction, params)
                + " SELECT id, n = :leaps FROM hop WHERE hit OR n = :leaps OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2)}).list();
        // The last leap allowed is a row, hit or not: if it shows, or may be among the rows skipped, the leaps ran out.
        boolean outOfLeaps = rows.stream().anyMatch(row -> (Boolean) row[1]) || rows.isEmpty() && offset > 0;
        return outOfLeaps ? Optional.empty() : Optional.of(rows.stream().map(row -> (Long) row[0]).toList());
    }

    /**
     * The first {@code upTo} records holding a word of every term and meeting the condition (or null for
     * none) counted, or empty when the leaps ran out first.
     */
    Optional<Long> leapCount(Words words, String condition, Map<String, Object> given, int upTo) {
        if (words.terms().stream().anyMatch(term -> term.words().isEmpty())) {
            return Optional.of(0L);
        }
        Map<String, Object> params = new LinkedHashMap<>(given);
        params.put("leaps", allowedLeaps(words, upTo));
        long[] counted = jdbc.sql(leapQuery(words, condition, " ASC", params) + " SELECT COUNT(CASE WHEN hit THEN 1 END),"
                + " COUNT(CASE WHEN n = :leaps THEN 1 END) FROM (SELECT hit, n FROM hop WHERE hit OR n = :leaps FETCH FIRST "
                + upTo + " ROWS ONLY) m").params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return counted[1] > 0 ? Optional.empty() : Optional.of(counted[0]);
    }

    /** The leaps allowed for finding this many records holding every term. */
    private static long allowedLeaps(Words words, long wanted) {
        int seeks = words.terms().stream().mapToInt(term -> term.words().size()).sum();
        return 2 * wanted + SPARE_SEEKS / seeks;
    }

    /**
     * The recursive query {@code hop (ns, id, strict, hit, n)} finding the records holding every term, in
     * name order: each leap seeks the first key (name, id) at or after where it stands among the first
     * term's records, then from there among the second's, and so on. Where the last seek lands where the
     * first did, that record holds them all (a hit, if it meets the condition), and the next leap starts
     * just past it; else at where the last seek landed. Each leap gives one row, so the rows come in name
     * order and the query stops when its reader has the rows it wants, or after {@code :leaps} leaps.
     */
    private static String leapQuery(Words words, String condition, String direction, Map<String, Object> params) {
        List<Term> terms = words.terms();
        String after = direction.strip().equals("DESC") ? "<=" : ">=";
        for (int i = 0; i < terms.size(); i++) {
            params.put("term" + i, terms.get(i).words());
        }
        int last = terms.size() - 1;
        String met = "s" + last + ".name_sort = s0.name_sort AND s" + last + ".organisation_id = s0.organisation_id";
        StringBuilder step = new StringBuilder(" FROM hop h CROSS JOIN LATERAL ")
                .append(seek(terms, 0, "(k.name_sort, k.organisation_id) " + after + " (h.ns, h.id)"
                        + " AND NOT (h.strict AND k.name_sort = h.ns AND k.organisation_id = h.id)", direction))
                .append(" s0");
        for (int i = 1; i <= last; i++) {
            step.append(" CROSS JOIN LATERAL ").append(seek(terms, i, "(k.name_sort, k.organisation_id) " + after
                    + " (s" + (i - 1) + ".name_sort, s" + (i - 1) + ".organisation_id)", direction)).append(" s").append(i);
        }
        String hit = condition == null ? met : "CASE WHEN " + met + " THEN EXISTS (SELECT 1 FROM organisation o"
                + " WHERE o.id = s0.organisation_id AND " + condition + ") ELSE FALSE END";
        return "WITH RECURSIVE hop (ns, id, strict, hit, n) AS (SELECT CAST(s.name_sort AS VARCHAR), s.organisation_id,"
                + " FALSE, FALSE, 0 FROM " + seek(terms, 0, "TRUE", direction) + " s UNION ALL SELECT CAST(s" + last
                + ".name_sort AS VARCHAR), s" + last + ".organisation_id, " + met + ", " + hit + ", h.n + 1" + step
                + " WHERE h.n < :leaps)";
    }

    /** The first key, in the direction, among the records holding one of term i's words, from where the bound allows. */
    private static String seek(List<Term> terms, int i, String bound, String direction) {
        String order = " ORDER BY k.name_sort" + direction + ", k.organisation_id" + direction + " FETCH FIRST 1 ROWS ONLY";
        if (terms.get(i).words().size() == 1) {
            return "(SELECT k.name_sort, k.organisation_id FROM organisation_word k WHERE k.word IN (:term" + i
                    + ")" + terms.get(i).shown("k.") + " AND " + bound + order + ")";
        }
        // Each word's first key from its own stretch of the index, then the first of those.
        return "(SELECT k.name_sort, k.organisation_id FROM unnest(ARRAY[:term" + i + "]) w (word) CROSS JOIN LATERAL"
                + " (SELECT k.name_sort, k.organisation_id FROM organisation_word k WHERE k.word = w.word"
                + terms.get(i).shown("k.") + " AND " + bound + order + ") k" + order + ")";
    }
}
