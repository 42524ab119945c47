package org.sectormap.organisation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.sectormap.shared.DatabaseFailure;
import org.sectormap.shared.Databases;
import org.sectormap.shared.RegisterReplaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, where a page deep in the records holding one of the commonest words of the register
 * starts, by name (by a group in {@link WordGroupMarks}), and how many records hold it, from the marks
 * V179 keeps: every thousandth entry of the word in organisation_word's key when last marked, with its
 * position then, and each entry added or deleted since as +1 or -1 at its key (moved to other groups,
 * both at its key, V193). As {@link OrderMarks} does for the list orders, a page starts
 * from the last mark before it and steps past fewer than a thousand entries, where OFFSET stepped past
 * every one (500,000 for page 20,000 of a word every record of a million holds).
 *
 * <p>The words marked are those the statistics of organisation_word name among its most common values
 * and that enough records hold; a word listed stays until it is held by half as many, so that the
 * statistics' sampling does not list and drop it by turns.
 */
@Repository
class WordMarks {

    private static final Logger log = LoggerFactory.getLogger(WordMarks.class);
    private final JdbcClient jdbc;
    /** The words marked when this instance last looked: null until it first looks. */
    private volatile Set<String> marked;
    /** Records holding a word, at least, for it to be listed. */
    private final int listedFrom;
    private final TransactionTemplate repeatableRead;
    private final TransactionTemplate readCommitted;
    private final boolean postgres;
    /** Reads a word's entries a batch at a time, within the marking's transaction. */
    private final JdbcTemplate streaming;

    /**
     * @param listedFrom records holding a word, at least, for it to be listed: 2,000 by default, as fewer
     *                   are stepped past in about a millisecond
     */
    WordMarks(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            @Value("${sectormap.search.common-word-from:2000}") int listedFrom) {
        this.jdbc = jdbc;
        this.listedFrom = listedFrom;
        this.postgres = !Databases.isH2(dataSource);
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readCommitted = new TransactionTemplate(transactions);
        this.streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(10_000);
    }

    /**
     * One word of the register whose marks can place a page, and the other words a searched word is
     * part of, beside it.
     *
     * @param records        how many records hold any of them now (outside contacts' names, where hidden)
     * @param contactsHidden whether the search is kept out of contacts' names: then an entry standing
     *                       only in a contact's name (V190) is none, and the positions and counts of the
     *                       entries outside them are read (V192)
     */
    record Marked(String word, List<String> others, long records, boolean contactsHidden) {
    }

    /**
     * Entries of the other words, at most, beside the marked one: each of their records is read, and
     * counted where it does not hold the marked word too.
     */
    static final int OTHERS_UP_TO = 1_000;

    /**
     * The words a searched word is part of, where marks can place a page of the records holding any of
     * them: on PostgreSQL, one of them marked, with few enough changes since the last marking, and the
     * others held by few records ("forum" and "forum," beside it, or "forums"). A record holding one of
     * the others and not the marked word comes among the marked word's as a change does.
     */
    Optional<Marked> marked(SearchWords.Term term) {
        List<String> words = term.words();
        if (!postgres) {
            return Optional.empty();
        }
        // Which word leads is told by the words marked when this instance last looked, without asking
        // the database each search (most words are not marked): the records are counted right whichever
        // leads, and a word no longer marked gives none.
        Set<String> known = marked == null ? lookAgain() : marked;
        List<String> hinted = words.stream().filter(known::contains).toList();
        if (hinted.size() != 1) {
            return Optional.empty();
        }
        String word = hinted.get(0);
        List<String> others = words.stream().filter(other -> !other.equals(word)).toList();
        if (!others.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM organisation_word WHERE word IN (:others)"
                        + " FETCH FIRST :upTo ROWS ONLY) k").param("others", others).param("upTo", OTHERS_UP_TO + 1)
                .query(Long.class).single() > OTHERS_UP_TO) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("upTo", OrderMarks.READ_UP_TO + 1);
        params.put("most", OrderMarks.READ_UP_TO);
        // The word's own changes counted, through V189's index, as only they are summed for its pages.
        Marked candidate = new Marked(word, others, 0, term.contactsHidden()); // its records not yet read
        return jdbc.sql(withOthers(candidate, params) + " SELECT " + held(candidate) + " FROM common_word c"
                        + " WHERE c.word = :markedWord AND c.records IS NOT NULL AND (SELECT COUNT(*) FROM (SELECT 1"
                        + " FROM common_word_change WHERE word = :markedWord FETCH FIRST :upTo ROWS ONLY) m) <= :most")
                .params(params).query(Long.class).optional()
                .map(records -> new Marked(word, others, records, term.contactsHidden()));
    }

    /**
     * The records holding the marked word or another, in the statement's snapshot: the marked word's as
     * marked and changed since, and the others' records not holding it.
     */
    private static String held(Marked marked) {
        return (marked.contactsHidden() ? "c.shown_records" : "c.records")
                + " + COALESCE((SELECT SUM(organisations) FROM common_word_change WHERE word = :markedWord"
                + shown(marked, "") + "), 0) + (SELECT COUNT(*) FROM others)";
    }

    /** As {@link SearchWords.Term#shown}, for an entry of organisation_word or a change of common_word_change. */
    private static String shown(Marked marked, String alias) {
        return marked.contactsHidden() ? " AND " + alias + "contact_only = FALSE" : "";
    }

    /** The statement's start: the keys of the records holding another word and not the marked one, as others. */
    private static String withOthers(Marked marked, Map<String, Object> params) {
        params.put("markedWord", marked.word());
        params.put("otherWords", marked.others().isEmpty() ? List.of("") : marked.others());
        // A record holds each word once, but may hold two of the others.
        return "WITH others AS MATERIALIZED (SELECT DISTINCT k.name_sort, k.organisation_id FROM organisation_word k"
                + " WHERE k.word IN (:otherWords)" + shown(marked, "k.") + (marked.others().isEmpty() ? " AND FALSE" : "")
                + " AND NOT EXISTS (SELECT 1 FROM organisation_word w WHERE w.word = :markedWord" + shown(marked, "w.")
                + " AND w.name_sort = k.name_sort AND w.organisation_id = k.organisation_id))";
    }

    /**
     * The page {@code offset} records from the first, in the direction, of those holding a word of
     * {@link #marked}, by name, of the given columns: empty past their end, where records deleted since
     * the total was read have left it. One statement, so one snapshot: exact while records change around it.
     */
    static OrganisationRepository.Statement page(String columns, Marked marked, boolean descending, long offset,
            int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        // Each record read by its id, whatever the planner guesses of the page: it cannot tell how many
        // rows the page's size, worked out in the statement, gives, guessed a tenth of the word's, and
        // joined them to every record of a million by hash (half a second). OFFSET 0 keeps the lateral
        // subquery from being flattened into that join.
        String direction = descending ? " DESC" : " ASC";
        return new OrganisationRepository.Statement("SELECT o.* FROM (" + keys(marked, descending, params, offset, size)
                + ") p CROSS JOIN LATERAL (SELECT " + columns + " FROM organisation WHERE id = p.organisation_id OFFSET 0) o"
                + " ORDER BY p.name_sort" + direction + ", p.organisation_id" + direction, params);
    }

    private static String keys(Marked marked, boolean descending, Map<String, Object> params, long offset, int size) {
        params.put("descending", descending);
        params.put("offset", offset);
        params.put("size", size);
        String key = "(name_sort, organisation_id) >= (SELECT name_sort, id FROM start)";
        // Each step is materialised, so that the changes are summed once, not once a mark.
        return withOthers(marked, params)
                + ", wanted AS MATERIALIZED (SELECT CASE WHEN :descending THEN GREATEST(n - :offset - :size, 0)"
                + " ELSE :offset END AS position, CASE WHEN :descending THEN GREATEST(LEAST(:size, n - :offset), 0) ELSE :size END AS size"
                + " FROM (SELECT " + held(marked) + " AS n FROM common_word c WHERE c.word = :markedWord) held"
                + "), marks AS ("
                + " SELECT name_sort, id, kind, position"
                + " + SUM(organisations) OVER (ORDER BY name_sort, id, kind ROWS UNBOUNDED PRECEDING) AS before"
                // The mark ('', 0) stands before every entry; a change at a mark's key comes after it.
                + " FROM (SELECT CAST('' AS VARCHAR(300)) COLLATE \"C\" AS name_sort, CAST(0 AS BIGINT) AS id,"
                + " CAST(0 AS BIGINT) AS position, 0 AS organisations, 0 AS kind"
                + " UNION ALL SELECT name_sort, organisation_id, " + (marked.contactsHidden() ? "shown_position" : "position")
                + ", 0, 0 FROM common_word_mark WHERE word = :markedWord"
                + " UNION ALL SELECT name_sort, organisation_id, 0, organisations, 1 FROM common_word_change"
                + " WHERE word = :markedWord" + shown(marked, "")
                + " UNION ALL SELECT name_sort, organisation_id, 0, 1, 1 FROM others) a"
                + "), start AS MATERIALIZED ("
                + " SELECT m.name_sort, m.id, w.position - m.before AS skip, w.size FROM marks m, wanted w"
                + " WHERE m.kind = 0 AND m.before <= w.position ORDER BY m.name_sort DESC, m.id DESC FETCH FIRST 1 ROWS ONLY"
                + ") SELECT name_sort, organisation_id FROM ((SELECT name_sort, organisation_id FROM organisation_word"
                + " WHERE word = :markedWord" + shown(marked, "") + " AND " + key + " ORDER BY name_sort, organisation_id"
                + " FETCH FIRST (SELECT skip + size FROM start) ROWS ONLY)"
                + " UNION ALL SELECT name_sort, organisation_id FROM others WHERE " + key + ") u"
                + " ORDER BY name_sort, organisation_id OFFSET (SELECT skip FROM start) ROWS"
                + " FETCH NEXT (SELECT size FROM start) ROWS ONLY";
    }

    /**
     * Lists the commonest words afresh and marks again each listed word not yet marked or changed
     * since, all in one repeatable-read snapshot, so that a change committed meanwhile stays a change.
     *
     * @return the words marked: none on H2
     */
    List<String> mark() {
        if (!postgres) {
            return List.of();
        }
        list(common());
        return markListed();
    }

    private List<String> markListed() {
        List<String> marking = repeatableRead.execute(status -> {
            List<String> due = jdbc.sql("SELECT word FROM common_word c WHERE c.records IS NULL"
                    + " OR EXISTS (SELECT 1 FROM common_word_change x WHERE x.word = c.word)").query(String.class).list();
            for (String word : due) {
                jdbc.sql("DELETE FROM common_word_mark WHERE word = :word").param("word", word).update();
                // A mark's shown position counts the entries before it outside contacts' names, not itself.
                jdbc.sql("INSERT INTO common_word_mark (word, name_sort, organisation_id, position, shown_position)"
                        + " SELECT :word, k.name_sort, k.organisation_id, k.n - 1, k.shown FROM (SELECT name_sort,"
                        + " organisation_id, ROW_NUMBER() OVER entries AS n, COUNT(CASE WHEN NOT contact_only THEN 1 END)"
                        + " OVER entries - CASE WHEN contact_only THEN 0 ELSE 1 END AS shown FROM organisation_word"
                        + " WHERE word = :word WINDOW entries AS (ORDER BY name_sort, organisation_id ROWS UNBOUNDED PRECEDING))"
                        + " k WHERE MOD(k.n - 1, :spacing) = 0")
                        .param("word", word).param("spacing", OrderMarks.SPACING).update();
                jdbc.sql("UPDATE common_word SET (records, shown_records) = (SELECT COUNT(*),"
                        + " COUNT(CASE WHEN NOT contact_only THEN 1 END) FROM organisation_word WHERE word = :word)"
                        + " WHERE word = :word").param("word", word).update();
                WordGroupMarks.mark(streaming, word);
                jdbc.sql("DELETE FROM common_word_change WHERE word = :word").param("word", word).update();
            }
            return due;
        });
        lookAgain();
        return marking;
    }

    /** Notes the words marked now. */
    private Set<String> lookAgain() {
        Set<String> now = Set.copyOf(jdbc.sql("SELECT word FROM common_word WHERE records IS NOT NULL")
                .query(String.class).list());
        marked = now;
        return now;
    }

    /**
     * The words to list: those listed that half as many records as listing takes still hold, and those
     * the statistics name among the most common that enough records hold.
     */
    private Set<String> common() {
        Set<String> common = new LinkedHashSet<>();
        for (String word : jdbc.sql("SELECT word FROM common_word ORDER BY word").query(String.class).list()) {
            if (held(word, listedFrom / 2) >= listedFrom / 2) {
                common.add(word);
            }
        }
        // Only those the statistics say half as many hold are counted: a count reads as many entries as it needs.
        for (String word : jdbc.sql("SELECT m.v FROM pg_stats s CROSS JOIN LATERAL unnest(CAST(CAST(s.most_common_vals"
                        + " AS TEXT) AS TEXT[]), s.most_common_freqs) AS m (v, f) WHERE s.schemaname = current_schema()"
                        + " AND s.tablename = 'organisation_word' AND s.attname = 'word' AND m.f * (SELECT reltuples"
                        + " FROM pg_class WHERE oid = CAST('organisation_word' AS REGCLASS)) >= :half ORDER BY m.v")
                .param("half", listedFrom / 2).query(String.class).list()) {
            if (held(word, listedFrom) >= listedFrom) {
                common.add(word);
            }
        }
        return common;
    }

    /** How many entries of the word there are, counted up to {@code upTo}. */
    private long held(String word, int upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM organisation_word WHERE word = :word FETCH FIRST :upTo"
                + " ROWS ONLY) k").param("word", word).param("upTo", upTo).query(Long.class).single();
    }

    /**
     * Lists these words, where the list differs. A writer of organisation_word notes a change only of a
     * word listed when it wrote, so the list changes while none writes (the lock waits for those under
     * way): a word listed is then followed by every writer after, and its first marking, in a snapshot
     * taken later, holds every entry written before. Writers queue behind the lock while it waits, so
     * it waits a fifth of a second at most (an import holds off a listing until it ends, and a word
     * listed a minute later has its pages read by OFFSET meanwhile).
     */
    private void list(Set<String> common) {
        Set<String> listed = new LinkedHashSet<>(jdbc.sql("SELECT word FROM common_word ORDER BY word")
                .query(String.class).list());
        if (listed.equals(common)) {
            return;
        }
        readCommitted.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '200ms'").update();
            jdbc.sql("LOCK TABLE organisation_word IN SHARE MODE").update();
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("words", common.isEmpty() ? List.of("") : List.copyOf(common));
            for (String table : List.of("common_word_group_mark", "common_word_group", "common_word_mark",
                    "common_word_change", "common_word")) {
                jdbc.sql("DELETE FROM " + table + " WHERE word NOT IN (:words)").params(params).update();
            }
            for (String word : common) {
                if (!listed.contains(word)) {
                    jdbc.sql("INSERT INTO common_word (word) VALUES (:word)").param("word", word).update();
                }
            }
        });
    }

    /**
     * Due once a thousand changes have piled up, or ten thousand counting entries moved to other groups,
     * or when a word is listed, or to be, and not yet marked.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void markWhenDue() {
        if (postgres) {
            markOrLeave(false);
        }
    }

    /** After a restore, or a test's emptying every table, past the triggers: marked afresh at once. */
    @EventListener
    void on(RegisterReplaced replaced) {
        if (postgres) {
            markOrLeave(true);
        }
    }

    private void markOrLeave(boolean always) {
        try {
            list(common());
            if (always || due()) {
                markListed();
            } else {
                lookAgain();
            }
        } catch (DataAccessException e) {
            log.info("common_word_mark not marked this time: {}", DatabaseFailure.describe(e));
        }
    }

    /**
     * Entries moved to other groups that wait, at least, for a marking to be due from them alone: a page
     * sums up to 20,000 changes of its word ({@link OrderMarks#READ_UP_TO}), and a status change notes
     * two for each common word its record holds (about thirty), where marking every word of a million
     * afresh took 83 s.
     */
    static final int MOVED_FROM = OrderMarks.READ_UP_TO / 2;

    private boolean due() {
        return waiting(" WHERE NOT moved", OrderMarks.MARK_FROM) || waiting("", MOVED_FROM)
                || jdbc.sql("SELECT COUNT(*) FROM common_word WHERE records IS NULL").query(Long.class).single() > 0;
    }

    /** Whether this many changes, at least, wait that meet the condition. */
    private boolean waiting(String condition, int upTo) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM common_word_change" + condition
                        + " ORDER BY word, name_sort, organisation_id FETCH FIRST :upTo ROWS ONLY) c")
                .param("upTo", upTo).query(Long.class).single() >= upTo;
    }
}
