package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * PostgreSQL reads a page deep in the records holding one of its commonest words, and counts them, from
 * the marks V179 keeps: each mark stays at its position as records holding the word are added, renamed,
 * given another text and deleted, and every page so read, either way, before the changes are taken in
 * and after, is the whole search's, by name, for those who may see contacts' names and for those who
 * may not (V192), whose search finds no record holding the word only in its contact's name.
 */
@DatabaseTest
@TestPropertySource(properties = "sectormap.search.common-word-from=" + WordMarksTests.LISTED_FROM)
class WordMarksTests {

    private static final int REGISTER = 4_000;
    static final int LISTED_FROM = 2_000;

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    WordMarks marks;

    @Autowired
    QueryParameters parameters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String url;

    private final Random random = new Random(17);

    @BeforeEach
    void onPostgres() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "The marks are PostgreSQL's; H2's search index places pages itself");
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < REGISTER; i++) {
            register.add(details(i % 4 != 0));
        }
        service.createAll(register, null);
        // The words are listed from the statistics, as autovacuum would have gathered them by now.
        jdbc.execute("ANALYZE organisation_word");
        assertThat(marks.mark()).contains("organisation", "forum");
    }

    @Test
    void shouldMarkEveryThousandthEntryOfTheCommonestWordsAtItsPosition() {
        assertThat(jdbc.queryForList("SELECT position FROM common_word_mark WHERE word = 'organisation' ORDER BY position",
                Long.class)).containsExactly(0L, 1_000L, 2_000L, 3_000L);
        assertThat(jdbc.queryForObject("SELECT records FROM common_word WHERE word = 'organisation'", Long.class))
                .isEqualTo(REGISTER);
        assertThat(jdbc.queryForObject("SELECT shown_records FROM common_word WHERE word = 'forum'", Long.class))
                .as("outside contacts' names").isEqualTo(whole("forum", true).size()).isLessThan(whole("forum", false).size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM common_word WHERE word = 'rare'", Long.class))
                .as("a word too few records hold").isZero();
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldKeepEveryMarkInPlaceAsRecordsChange() {
        change();

        assertThat(changes()).isPositive();
        assertMarksInPlace();
        marks.mark();
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldNoteARecordMovedToAnotherGroupAsChangesThatLeaveItsPlaceByName() {
        Organisation o = repository.findAll(List.of(firstId())).get(0);

        service.update(o.id(), o.version(), o.details().with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 11)));
        assertThat(changes()).as("a change of interview date alone").isZero();

        o = repository.findAll(List.of(o.id())).get(0);
        service.update(o.id(), o.version(), o.details().with(OrganisationField.STATUS, OutreachStatus.UNREACHABLE));

        List<Map<String, Object>> noted = jdbc.queryForList("SELECT status, SUM(organisations) AS n FROM common_word_change"
                + " WHERE word = 'organisation' GROUP BY status ORDER BY status");
        assertThat(noted).extracting(row -> row.get("status"), row -> ((Number) row.get("n")).longValue())
                .containsExactly(tuple(((OutreachStatus) o.details().get(OrganisationField.STATUS)).code(), -1L),
                        tuple("unreachable", 1L));
        assertThat(jdbc.queryForObject("SELECT SUM(organisations) FROM common_word_change", Long.class))
                .as("in name order, nothing moved").isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldMarkAgainOnlyOnceManyEntriesMovedToOtherGroupsWait() {
        Long[] moving = whole("organisation", false).subList(0, 200).toArray(Long[]::new);
        jdbc.update("UPDATE organisation SET status = 'unreachable' WHERE id = ANY (?)", (Object) moving);
        long moved = changes();
        assertThat(moved).as("as many as make a marking due of other changes").isGreaterThanOrEqualTo(OrderMarks.MARK_FROM)
                .isLessThan(WordMarks.MOVED_FROM);

        marks.markWhenDue();
        assertThat(changes()).isEqualTo(moved);
        assertEveryDeepPage();

        while (changes() < WordMarks.MOVED_FROM) {
            jdbc.update("UPDATE organisation SET status = CASE WHEN status = 'unreachable' THEN 'listed' ELSE 'unreachable'"
                    + " END WHERE id = ANY (?)", (Object) moving);
        }
        marks.markWhenDue();
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldGiveADeepPageAndTheTotalTheWholeSearchHasBeforeAndAfterTheChangesAreTakenIn() {
        assertEveryDeepPage();
        change();
        assertEveryDeepPage();
        marks.mark();
        assertEveryDeepPage();
    }

    @Test
    void shouldReadADeepPageAndTheTotalFromTheMarks() {
        List<Long> whole = whole("organisation", false);
        List<Long> shown = whole("forum", true);
        // Marks moved on by two records each, and five records more held: a page read from them starts
        // two records early, and the total is five more. Those outside contacts' names moved on by three.
        jdbc.update("UPDATE common_word_mark SET position = position + 2 WHERE position > 0");
        jdbc.update("UPDATE common_word SET records = records + 5");
        jdbc.update("UPDATE common_word_mark SET shown_position = shown_position + 3 WHERE shown_position > 0");
        jdbc.update("UPDATE common_word SET shown_records = shown_records + 7");

        assertThat(ids("organisation", Map.of(), 151, 10, false)).isEqualTo(whole.subList(1_498, 1_508));
        assertThat(total("organisation", Map.of(), false)).isEqualTo(REGISTER + 5);
        assertThat(total("organisation", Map.of("status", "interviewed"), false)).as("under a filter, not from the marks")
                .isLessThan(REGISTER);
        assertThat(ids("forum", Map.of(), 151, 10, true)).as("for a viewer").isEqualTo(shown.subList(1_497, 1_507));
        assertThat(total("forum", Map.of(), true)).as("for a viewer").isEqualTo(shown.size() + 7);
    }

    @Test
    void shouldReadADeepPageByGroupFromTheGroupsMarks() {
        List<Long> byStatus = byGroup("organisation", "status", false, false);
        List<Long> descending = byGroup("organisation", "status", true, true);
        assertThat(jdbc.queryForList("SELECT position FROM common_word_group_mark WHERE word = 'organisation'"
                + " AND grouped_by = 'status' AND value = 'interviewed' ORDER BY position", Long.class))
                .as("every thousandth of a group every record of which holds the word").startsWith(0L, 1_000L);
        // Marks moved on by two records each: a page read from them starts two records early. Those
        // outside contacts' names moved on by three.
        jdbc.update("UPDATE common_word_group_mark SET position = position + 2, shown_position = shown_position + 3"
                + " WHERE position > 0");
        long interviewed = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE status = 'interviewed'", Long.class);
        assertThat(interviewed).isGreaterThan(1_510);

        assertThat(ids("organisation", Map.of("sort", "status"), 151, 10, false)).isEqualTo(byStatus.subList(1_498, 1_508));
        assertThat(ids("forum", Map.of("sort", "status"), 151, 10, false)).as("a word part of others, read as before")
                .isEqualTo(byGroup("forum", "status", false, false).subList(1_500, 1_510));
        // Descending, a page is read as the ascending one as far from its group's end: about 1,200 records
        // from the end of the interviewed, past the mark at 1,000, it starts three records early going up,
        // so three records late going down.
        long listed = shown("listed");
        long offset = (listed + shown("interviewed") - 1_210 + 9) / 10 * 10;
        assertThat(ids("organisation", Map.of("sort", "status", "dir", "desc"), (int) offset / 10 + 1, 10, true))
                .as("for a viewer, descending").isEqualTo(descending.subList((int) offset + 3, (int) offset + 13));
    }

    /** How many records of the status hold "organisation" outside contacts' names, by the groups' count. */
    private long shown(String status) {
        return jdbc.queryForObject("SELECT shown_records FROM common_word_group WHERE word = 'organisation'"
                + " AND grouped_by = 'status' AND value = ?", Long.class, status);
    }

    @Test
    void shouldGiveAnEmptyPagePastTheEndWhereRecordsWentAfterTheTotalWasRead() {
        WordMarks.Marked marked = marked(List.of("organisation")).orElseThrow();
        delete(whole("organisation", false).subList(0, 30));

        for (boolean descending : new boolean[] {false, true}) {
            OrganisationRepository.Statement page = WordMarks.page("id", marked, descending, marked.records() - 10, 25);
            assertThat(new NamedParameterJdbcTemplate(jdbc).queryForList(page.sql(), page.params(), Long.class))
                    .as(descending ? "descending" : "ascending").isEmpty();
        }
    }

    @Test
    void shouldReadByOffsetWhileTooManyChangesWaitToBeTakenIn() {
        List<Long> whole = whole("organisation", false);
        jdbc.update("UPDATE common_word_mark SET position = position + 2 WHERE position > 0");
        jdbc.update("INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only) "
                + "SELECT 'organisation', 'zz', -x, 1, FALSE FROM generate_series(1, ?) x", OrderMarks.READ_UP_TO / 2);
        jdbc.update("INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only) "
                + "SELECT 'organisation', 'zz', -x, -1, FALSE FROM generate_series(1, ?) x", OrderMarks.READ_UP_TO / 2 + 1);

        assertThat(records("organisation")).isEmpty();
        assertThat(ids("organisation", Map.of(), 151, 10, false)).isEqualTo(whole.subList(1_500, 1_510));
    }

    @Test
    void shouldListAWordOnlyWhileNoneWritesItsEntries() throws Exception {
        jdbc.update("DELETE FROM common_word_mark WHERE word = 'organisation'");
        jdbc.update("DELETE FROM common_word WHERE word = 'organisation'");
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement insert = writer.createStatement()) {
                // Written before the word is listed, so noted as no change: it must be in its first marking.
                insert.executeUpdate("INSERT INTO organisation_word (word, name_sort, organisation_id, status) "
                        + "VALUES ('organisation', 'group 1', -1, 'listed')");
            }

            assertThatThrownBy(marks::mark).as("waiting for the writer").isInstanceOf(DataAccessException.class);
            assertThat(records("organisation")).isEmpty();
            writer.commit();
        }

        assertThat(marks.mark()).contains("organisation");
        assertThat(records("organisation")).hasValue(REGISTER + 1L);
        assertMarksInPlace();
    }

    @Test
    void shouldPlaceNoPageWhereTheOtherWordsBesideTheMarkedOneAreHeldByMany() {
        assertThat(marked(List.of("forum", "forumx"))).isPresent();
        jdbc.update("INSERT INTO organisation_word (word, name_sort, organisation_id, status) "
                + "SELECT 'forumx', 'zz', -x, 'listed' FROM generate_series(1, ?) x", WordMarks.OTHERS_UP_TO + 1);

        assertThat(marked(List.of("forum", "forumx"))).isEmpty();
        assertThat(marked(List.of("forum", "organisation"))).as("two words marked").isEmpty();
    }

    @Test
    void shouldKeepAWordListedUntilHalfAsManyRecordsHoldItAsListingTakes() {
        List<Long> forum = jdbc.queryForList("SELECT organisation_id FROM organisation_word WHERE word = 'forum'"
                + " ORDER BY organisation_id", Long.class);
        int heldBetween = (LISTED_FROM / 2 + LISTED_FROM) / 2;
        delete(forum.subList(heldBetween, forum.size()));
        jdbc.execute("ANALYZE organisation_word");
        marks.mark();
        // With the records holding "forumson" in their contact's name alone, beside it.
        assertThat(records("forum")).hasValue((long) whole("forum", false).size());

        delete(forum.subList(LISTED_FROM / 2 - 1, heldBetween));
        marks.mark();

        assertThat(records("forum")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM common_word_mark WHERE word = 'forum'", Long.class)).isZero();
        List<Long> whole = whole("forum", false);
        assertThat(ids("forum", Map.of(), 40, 25, false)).isEqualTo(whole.subList(975, Math.min(whole.size(), 1_000)));
    }

    @Test
    void shouldForgetEveryMarkWhenTheRegisterIsEmptied() {
        jdbc.execute("TRUNCATE organisation CASCADE");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM common_word", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM common_word_mark", Long.class)).isZero();
        assertThat(marks.mark()).isEmpty();
    }

    /**
     * Few distinct names, so that marks fall among records of one name, told apart by id; every record
     * holds "organisation", three in four "forum", a few "rare"; a contact's name may hold "forum",
     * "organisation" or "forumson", where the rest of the record may not.
     */
    private OrganisationDetails details(boolean forum) {
        return OrganisationDetails.of("Group " + random.nextInt(40), random.nextBoolean() ? OutreachStatus.INTERVIEWED
                        : OutreachStatus.LISTED)
                .with(OrganisationField.DESCRIPTION, "A community organisation" + (forum ? " and forum" : "")
                        + (random.nextInt(100) == 0 ? " rare" : ""))
                .with(OrganisationField.CONTACT_NAME, CONTACTS.get(random.nextInt(CONTACTS.size())))
                .with(OrganisationField.CATEGORY, CATEGORIES.get(random.nextInt(CATEGORIES.size())))
                .with(OrganisationField.AREA, AREAS.get(random.nextInt(AREAS.size())));
    }

    private static final List<String> CONTACTS = Arrays.asList(null, null, "Ann Forum", "Ben Organisation",
            "Cy Forumson");
    /** A few records in each, and more without one. */
    private static final List<Category> CATEGORIES = Arrays.asList(null, null, null, Category.BME_NETWORK,
            Category.ACCESS_POINT);
    private static final List<String> AREAS = Arrays.asList(null, "Derby city", "Leicester", "Leicester");
    private static final List<String> GROUPED_BY = List.of("category", "area", "status");

    /**
     * Records added one by one and as an import does, renamed, given another text, moved to other groups,
     * and deleted.
     */
    private void change() {
        List<OrganisationDetails> added = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            added.add(details(random.nextBoolean()));
        }
        service.createAll(added, null);
        service.create(OrganisationDetails.of("AAA first of all", OutreachStatus.LISTED)
                .with(OrganisationField.DESCRIPTION, "An organisation"));
        List<Organisation> all = new ArrayList<>();
        repository.forEach(parameters.read(Map.of("sort", "name")), all::add);
        for (int i = 0; i < 200; i++) {
            Organisation o = all.remove(random.nextInt(all.size()));
            OrganisationDetails d = o.details();
            switch (i % 5) {
                case 0 -> service.update(o.id(), o.version(), d.with(OrganisationField.NAME, "Renamed " + random.nextInt(40)));
                case 1 -> service.update(o.id(), o.version(), d.with(OrganisationField.DESCRIPTION, "A community group"));
                case 2 -> service.update(o.id(), o.version(), d.with(OrganisationField.DESCRIPTION,
                        "An organisation and forum, newly described"));
                case 3 -> service.update(o.id(), o.version(), d.with(OrganisationField.STATUS, OutreachStatus.UNREACHABLE)
                        .with(OrganisationField.AREA, AREAS.get(random.nextInt(AREAS.size()))));
                default -> service.delete(o.id(), o.version());
            }
        }
    }

    /** Deleted in one statement, as an erasure of many records is. */
    private void delete(List<Long> ids) {
        jdbc.update("DELETE FROM organisation WHERE id = ANY (?)", (Object) ids.toArray(Long[]::new));
    }

    /**
     * Each mark's position, with the changes before it, is the number of the word's entries before it,
     * and its shown position the number of those not standing only in a contact's name, by their text.
     */
    private void assertMarksInPlace() {
        for (Map<String, Object> mark : jdbc.queryForList("SELECT * FROM common_word_mark")) {
            Object[] at = {mark.get("word"), mark.get("name_sort"), mark.get("organisation_id")};
            long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word WHERE word = ?"
                    + " AND (name_sort, organisation_id) < (?, ?)", Long.class, at);
            long changed = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change"
                    + " WHERE word = ? AND (name_sort, organisation_id) < (?, ?)", Long.class, at);
            assertThat((Long) mark.get("position") + changed).as("mark %s", mark).isEqualTo(before);
            // An entry a test wrote without its record is told by its note.
            long shownBefore = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word k LEFT JOIN organisation o"
                    + " ON o.id = k.organisation_id WHERE k.word = ? AND (k.name_sort, k.organisation_id) < (?, ?) AND "
                    + "CASE WHEN o.id IS NULL THEN NOT k.contact_only ELSE " + SHOWN_TEXT
                    + " ~ ('(^|\\s)' || k.word || '(\\s|$)') END", Long.class, at);
            long shownChanged = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change"
                    + " WHERE word = ? AND (name_sort, organisation_id) < (?, ?) AND NOT contact_only", Long.class, at);
            assertThat((Long) mark.get("shown_position") + shownChanged).as("mark %s outside contacts' names", mark)
                    .isEqualTo(shownBefore);
        }
        assertGroupMarksInPlace();
    }

    /**
     * Each group's count, with the changes in it, is the number of the word's entries in the group, and
     * each of its marks' positions, with the changes before it, the number of those before it by id.
     */
    private void assertGroupMarksInPlace() {
        for (Map<String, Object> group : jdbc.queryForList("SELECT * FROM common_word_group")) {
            String in = " WHERE word = ? AND " + group.get("grouped_by") + (group.get("value") == null ? " IS NULL" : " = ?");
            List<Object> args = new ArrayList<>(Arrays.asList(group.get("word"), group.get("value")));
            args.removeIf(Objects::isNull);
            long held = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word" + in, Long.class, args.toArray());
            long changed = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change" + in,
                    Long.class, args.toArray());
            assertThat((Long) group.get("records") + changed).as("group %s", group).isEqualTo(held);
            long shownHeld = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word" + in + " AND NOT contact_only",
                    Long.class, args.toArray());
            long shownChanged = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change" + in
                    + " AND NOT contact_only", Long.class, args.toArray());
            assertThat((Long) group.get("shown_records") + shownChanged).as("group %s outside contacts' names", group)
                    .isEqualTo(shownHeld);
            List<Object> ofGroup = new ArrayList<>(args);
            ofGroup.add(1, group.get("grouped_by"));
            for (Map<String, Object> mark : jdbc.queryForList("SELECT * FROM common_word_group_mark WHERE word = ?"
                    + " AND grouped_by = ? AND value" + (group.get("value") == null ? " IS NULL" : " = ?"), ofGroup.toArray())) {
                List<Object> at = new ArrayList<>(args);
                at.add(mark.get("organisation_id"));
                long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word" + in + " AND organisation_id < ?",
                        Long.class, at.toArray());
                long changedBefore = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change"
                        + in + " AND organisation_id < ?", Long.class, at.toArray());
                assertThat((Long) mark.get("position") + changedBefore).as("mark %s", mark).isEqualTo(before);
                long shownBefore = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word" + in
                        + " AND organisation_id < ? AND NOT contact_only", Long.class, at.toArray());
                long shownChangedBefore = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM common_word_change"
                        + in + " AND organisation_id < ? AND NOT contact_only", Long.class, at.toArray());
                assertThat((Long) mark.get("shown_position") + shownChangedBefore).as("mark %s outside contacts' names", mark)
                        .isEqualTo(shownBefore);
            }
        }
    }

    /** A record's search text before its contact's name, its last line. */
    private static final String SHOWN_TEXT = "CASE WHEN o.contact_name IS NULL THEN o.search_text"
            + " ELSE LEFT(o.search_text, LENGTH(o.search_text) - LENGTH(o.contact_name) - 1) END";

    private void assertEveryDeepPage() {
        for (String word : List.of("organisation", "forum")) {
            for (boolean viewer : new boolean[] {false, true}) {
                assertEveryDeepPage(word, viewer);
            }
        }
    }

    private void assertEveryDeepPage(String word, boolean viewer) {
        String as = word + (viewer ? " for a viewer" : "");
        assertThat(records(word, viewer)).as(as).isPresent();
        List<Long> whole = whole(word, viewer);
        assertThat(total(word, Map.of(), viewer)).as(as).isEqualTo(whole.size());
        assertThat(search(word, Map.of(), viewer).exact()).as("counted, not estimated").isTrue();
        for (Map<String, String> direction : List.of(Map.<String, String>of(), Map.of("dir", "desc"))) {
            List<Long> ordered = new ArrayList<>(whole);
            if (!direction.isEmpty()) {
                Collections.reverse(ordered);
            }
            for (int size : new int[] {1, 7, 25}) {
                for (int page = (int) OrganisationRepository.DEEP_OFFSET / size; (page - 1) * size < whole.size();
                        page += 1 + random.nextInt(size == 1 ? 120 : 30)) {
                    int from = (page - 1) * size;
                    assertThat(ids(word, direction, page, size, viewer)).as("page %d of %d of %s %s", page, size, as, direction)
                            .isEqualTo(ordered.subList(from, Math.min(ordered.size(), from + size)));
                }
                // The last page, which may be short.
                int last = (whole.size() - 1) / size + 1;
                assertThat(ids(word, direction, last, size, viewer)).isEqualTo(ordered.subList((last - 1) * size, ordered.size()));
            }
        }
        for (String column : GROUPED_BY) {
            for (boolean descending : new boolean[] {false, true}) {
                List<Long> ordered = byGroup(word, column, descending, viewer);
                Map<String, String> list = Map.of("sort", column, "dir", descending ? "desc" : "asc");
                for (int size : new int[] {7, 25}) {
                    for (int page = (int) OrganisationRepository.DEEP_OFFSET / size; (page - 1) * size < ordered.size();
                            page += 1 + random.nextInt(20)) {
                        int from = (page - 1) * size;
                        assertThat(ids(word, list, page, size, viewer)).as("page %d of %d of %s by %s", page, size, as, list)
                                .isEqualTo(ordered.subList(from, Math.min(ordered.size(), from + size)));
                    }
                    int last = (ordered.size() - 1) / size + 1;
                    assertThat(ids(word, list, last, size, viewer)).as("the last page of %s by %s", as, list)
                            .isEqualTo(ordered.subList((last - 1) * size, ordered.size()));
                }
            }
        }
    }

    /**
     * The records holding the word by a group, as SQL reads them from their text: by the column's value,
     * compared by code point, those without one last, then by id, each in the direction.
     */
    private List<Long> byGroup(String word, String column, boolean descending, boolean viewer) {
        String direction = descending ? " DESC" : " ASC";
        return jdbc.queryForList("SELECT id FROM organisation o WHERE " + (viewer ? SHOWN_TEXT : "search_text")
                + " LIKE ? ORDER BY " + column + " IS NULL, " + column + " COLLATE \"C\"" + direction + ", id" + direction,
                Long.class, "%" + word + "%");
    }

    /** How many records hold a word the searched word is part of, where marks can place a page of them. */
    private Optional<Long> records(String searched) {
        return records(searched, false);
    }

    private Optional<Long> records(String searched, boolean viewer) {
        return marked(jdbc.queryForList("SELECT word FROM search_word WHERE word LIKE ?", String.class,
                "%" + searched + "%"), viewer).map(WordMarks.Marked::records);
    }

    private Optional<WordMarks.Marked> marked(List<String> words) {
        return marked(words, false);
    }

    private Optional<WordMarks.Marked> marked(List<String> words, boolean viewer) {
        return marks.marked(new SearchWords.Term(words.get(0), words, viewer));
    }

    private long changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM common_word_change", Long.class);
    }

    private long firstId() {
        return jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class);
    }

    /** The records holding the word, by name, as SQL reads them from their text (before the contact's name, for a viewer). */
    private List<Long> whole(String word, boolean viewer) {
        return jdbc.queryForList("SELECT id FROM organisation o WHERE " + (viewer ? SHOWN_TEXT : "search_text")
                + " LIKE ? ORDER BY name_sort, id", Long.class, "%" + word + "%");
    }

    private List<Long> ids(String word, Map<String, String> list, int page, int size, boolean viewer) {
        Map<String, String> params = new HashMap<>(list);
        params.put("page", String.valueOf(page));
        params.put("size", String.valueOf(size));
        return search(word, params, viewer).items().stream().map(Organisation::id).toList();
    }

    private long total(String word, Map<String, String> filters, boolean viewer) {
        return search(word, filters, viewer).total();
    }

    private OrganisationService.Page search(String word, Map<String, String> list, boolean viewer) {
        Map<String, String> params = new HashMap<>(list);
        params.put("q", word);
        OrganisationQuery query = parameters.read(params);
        return service.search(viewer ? query.withContactsHidden() : query);
    }
}
