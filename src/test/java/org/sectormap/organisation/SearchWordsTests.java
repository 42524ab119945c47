package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.shared.LikePattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL reads a page of a text search by name from the words of the search text (V147): every
 * page so read is the page LIKE gives, in either direction, deep or not, with filters and other words,
 * for a word met in punctuation, accents, a long run of characters, or only as part of other words.
 */
@DatabaseTest
class SearchWordsTests {

    private static final String LONG_RUN = "x".repeat(150) + "needle" + "y".repeat(200);

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    @BeforeEach
    void onPostgres() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "The words of the search text are PostgreSQL's; H2 has Lucene");
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            // Names that begin with their town put each word's records together, as the benchmark's do.
            String name = i < 700 ? "Ashfield Hall " + i : i < 1_300 ? "Wollaton Forum " + i : "Société Forum's " + i;
            OutreachStatus status = i % 3 == 0 ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED;
            register.add(OrganisationDetails.of(name, status)
                    .with(OrganisationField.DESCRIPTION, i % 2 == 0 ? "Meets weekly;\t" + LONG_RUN + i : "Trust fund")
                    .with(OrganisationField.AREA, i % 5 == 0 ? "Derby" : null));
        }
        service.createAll(register, null);
    }

    @Test
    void shouldReadEachPageAsLikeWouldFromTheWordsInNameOrder() {
        for (String search : List.of("forum", "FORUM", "orum", "forum's", "societe", "needle", "weekly; needle",
                "hall 1", "forum 12", "trust forum", "ashfield", "orum trust", "wollaton trust forum", "ashfield forum",
                "trust 12 orum")) {
            for (boolean descending : new boolean[] {false, true}) {
                for (int page : new int[] {1, 2, 15}) {
                    OrganisationQuery query = query(search, null, null, descending, page, 20);
                    assertThat(ids(query)).as("%s, page %d, descending %b", search, page, descending)
                            .isEqualTo(like(query));
                    assertThat(service.search(query).total()).as("%s: total", search).isEqualTo(likeTotal(query));
                }
            }
        }
    }

    @Test
    void shouldReadFromTheWordsWhenAWordCanLeadAndFromTheTextWhenNoneCan() {
        assertThat(statement(query("forum", null, null, false, 1, 25))).contains("organisation_word");
        assertThat(statement(query("needle", null, null, true, 3, 25))).contains("organisation_word");
        // Two or more that can lead: the records holding all of them are found by leaping from one's to the other's.
        assertThat(statement(query("weekly; needle", null, null, false, 1, 25))).contains("id IN (:leapt)");
        assertThat(statement(query("weekly; ll", null, null, false, 1, 25))).doesNotContain(":leapt")
                .contains("organisation_word");
        // Shorter than a trigram, or longer than V147's pieces: the text is read as before, and still right.
        for (String search : List.of("fo", "x".repeat(120) + "needle")) {
            OrganisationQuery query = query(search, null, null, false, 1, 25);
            assertThat(statement(query)).doesNotContain("organisation_word");
            assertThat(ids(query)).isEqualTo(like(query));
        }
    }

    /**
     * A viewer's search is kept out of contacts' names: the words still lead, from the entries of words
     * standing outside the contact's name (V190), as the list of the 400 records named "Kestrel", whose
     * only "forum" is their contact's, comes before most of those holding it in their own text.
     */
    @Test
    void shouldLeadAViewersSearchFromTheWordsAndFindNoRecordByItsContactsNameAlone() {
        service.createAll(IntStream.range(0, 800).mapToObj(i -> OrganisationDetails.of("Kestrel Hall " + i,
                OutreachStatus.LISTED).with(OrganisationField.CONTACT_NAME, i % 2 == 0 ? "Forum Keeper" : "Needle Smith"))
                .toList(), null);
        assertThat(statement(query("forum", null, null, false, 1, 25).withContactsHidden())).contains("organisation_word");
        for (String search : List.of("forum", "needle", "keeper", "forum 12", "hall forum", "kestrel smith",
                "weekly; needle", "orum trust")) {
            for (boolean descending : new boolean[] {false, true}) {
                for (int page : new int[] {1, 2, 30}) {
                    OrganisationQuery query = query(search, null, null, descending, page, 20).withContactsHidden();
                    List<Long> outside = outsideContacts(query);
                    assertThat(ids(query)).as("%s, page %d, descending %b", search, page, descending)
                            .isEqualTo(page(outside, query));
                    if (outside.size() <= OrganisationRepository.EXACT_COUNT) {
                        assertThat(service.search(query).total()).as("%s: total", search).isEqualTo(outside.size());
                    }
                }
            }
        }
    }

    /**
     * The search text joins a record's fields by lines, so a description's last line moved into the
     * contact's name, or back, leaves the same text: a viewer's search still finds the record by the
     * word only while it stands outside the contact's name.
     */
    @Test
    void shouldFindARecordForAViewerByAWordMovedIntoOrOutOfTheContactsNameWhereTheTextStaysTheSame() {
        service.createAll(IntStream.range(0, 600).mapToObj(i -> OrganisationDetails.of("Kite " + i, OutreachStatus.LISTED)
                .with(OrganisationField.DESCRIPTION, i % 2 == 0 ? "Youth work\nZmithers" : "Zjonesy")
                .with(OrganisationField.CONTACT_NAME, i % 2 == 0 ? null : "Kestrel")).toList(), null);
        for (Organisation o : repository.findAll(jdbc.queryForList("SELECT id FROM organisation", Long.class))) {
            OrganisationDetails d = o.details();
            service.update(o.id(), o.version(), "Zjonesy".equals(d.get(OrganisationField.DESCRIPTION))
                    // "kestrel" from the contact's name into the description's last line, and "zjonesy" out.
                    ? d.with(OrganisationField.DESCRIPTION, "Zjonesy\nKestrel").with(OrganisationField.CONTACT_NAME, null)
                    : d.with(OrganisationField.DESCRIPTION, "Youth work").with(OrganisationField.CONTACT_NAME, "Zmithers"));
        }

        assertThat(stale(jdbc)).isEmpty();
        for (String search : List.of("zmithers", "kestrel", "zjonesy")) {
            OrganisationQuery query = query(search, null, null, false, 1, 25).withContactsHidden();
            List<Long> outside = outsideContacts(query);
            assertThat(outside).as(search).hasSize("zmithers".equals(search) ? 0 : 300);
            assertThat(ids(query)).as(search).isEqualTo(page(outside, query));
            assertThat(service.search(query).total()).as("%s: total", search).isEqualTo(outside.size());
        }
    }

    /** Every record holding each of the query's words in its text but its contact's name, in the list's order. */
    private List<Long> outsideContacts(OrganisationQuery query) {
        List<String> words = SearchText.words(query.text());
        String direction = query.descending() ? " DESC" : "";
        return jdbc.query("SELECT id, name, coverage, description FROM organisation ORDER BY name_sort" + direction
                + ", id" + direction, (rs, n) -> {
                    String text = SearchText.of(rs.getString("name"), rs.getString("coverage"), rs.getString("description"));
                    return words.stream().allMatch(text::contains) ? rs.getLong("id") : null;
                }).stream().filter(Objects::nonNull).toList();
    }

    private static List<Long> page(List<Long> all, OrganisationQuery query) {
        return all.subList((int) Math.min(all.size(), query.offset()),
                (int) Math.min(all.size(), query.offset() + query.size()));
    }

    /**
     * A searched part of several words ("orum", of "forum" and "forum's") is read from each word's entries
     * in name order, merged, a record holding two of them kept once as they pass: none of them sorted.
     */
    @Test
    void shouldMergeTheEntriesOfAPartOfSeveralWordsInNameOrderWithoutSortingThem() {
        OrganisationQuery query = query("orum", null, null, true, 30, 20);
        OrganisationRepository.Statement page = repository.firstPart(query, service.search(query).total());
        String plan = Plans.indexOnly(transactions, named, page.sql(), page.params());
        assertThat(plan).contains("Merge Append").contains("Unique").doesNotContain("HashAggregate");
        assertThat(ids(query)).hasSize(20).isEqualTo(like(query));
    }

    /**
     * A page led by a searched word, with another too short to lead looked for in each record's text, is
     * planned for its words each time, as a page searching the text alone is (OrganisationSearchTests).
     */
    @Test
    void shouldPlanAPageCheckingOtherWordsInTheTextForItsWordsEachTime() {
        OrganisationQuery query = query("forum fo", null, null, false, 2, 20);
        List<String> prepared = transactions.execute(status -> {
            for (int i = 0; i < 8; i++) {
                assertThat(ids(query)).isEqualTo(like(query));
            }
            return jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
        });
        assertThat(statement(query)).contains("organisation_word").contains("search_text LIKE");
        assertThat(prepared).noneMatch(sql -> OrganisationSearchTests.page(sql) && sql.contains("search_text LIKE"));
    }

    @Test
    void shouldReadAsBeforeWhenTheWordsAlternateLongBeforeTheyMeet() {
        List<OrganisationDetails> alternating = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String description = i >= 2_400 ? "amber beryl" : i % 2 == 0 ? "amber" : "beryl";
            alternating.add(OrganisationDetails.of(String.format("Kestrel %04d", i), OutreachStatus.LISTED)
                    .with(OrganisationField.DESCRIPTION, description));
        }
        service.createAll(alternating, null);
        for (boolean descending : new boolean[] {false, true}) {
            OrganisationQuery query = query("amber beryl", null, null, descending, 1, 25);
            // Descending, the 600 records holding both come first, found by leaps; ascending, after 1,200 leaps.
            assertThat(statement(query)).contains(descending ? ":leapt" : "organisation_word");
            assertThat(ids(query)).hasSize(25).isEqualTo(like(query));
            assertThat(service.search(query).total()).isEqualTo(600);
        }
    }

    @Test
    void shouldAnalyseTheRegisterWhenAnInsertOutgrowsItsStatistics() {
        // Autovacuum would analyse the tables too, at a moment of its own choosing.
        jdbc.execute("ALTER TABLE organisation SET (autovacuum_enabled = off)");
        jdbc.execute("ALTER TABLE organisation_word SET (autovacuum_enabled = off)");
        try {
            addManyThenOne();
        } finally {
            jdbc.execute("ALTER TABLE organisation RESET (autovacuum_enabled)");
            jdbc.execute("ALTER TABLE organisation_word RESET (autovacuum_enabled)");
        }
    }

    private void addManyThenOne() {
        service.createAll(IntStream.range(0, 3_000).mapToObj(i -> OrganisationDetails.of("Merlin " + i,
                OutreachStatus.LISTED).with(OrganisationField.DESCRIPTION, "amber beryl " + i)).toList(), null);
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        long words = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word", Long.class);
        // Small enough for ANALYZE to read every page, so it counts the rows exactly.
        assertThat(counted("organisation")).isEqualTo(records);
        assertThat(counted("organisation_word")).isEqualTo(words);
        // A few more are left to autovacuum.
        service.createAll(List.of(OrganisationDetails.of("Merlin extra", OutreachStatus.LISTED)), null);
        assertThat(counted("organisation")).isEqualTo(records);
    }

    private long counted(String table) {
        return jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = ?::regclass", Double.class, table)
                .longValue();
    }

    @Test
    void shouldMeetAGroupFilterFromTheWordsEntriesAndOtherConditionsFromTheRecords() {
        // More matches within the filters than SQL sorts whole, so that the page is read from the words.
        service.createAll(IntStream.range(0, 1_000).mapToObj(i -> OrganisationDetails.of("Heron Forum " + i,
                OutreachStatus.LISTED).with(OrganisationField.AREA, "Derby")).toList(), null);
        // A status and an area are held beside each word (V175): no record is read to test them.
        OrganisationQuery groups = query("forum", OutreachStatus.LISTED, "Derby", false, 2, 10);
        assertThat(statement(groups)).contains("organisation_word").doesNotContain("JOIN organisation o");
        assertThat(ids(groups)).isEqualTo(like(groups));
        // A searched word too short to lead is tested in the record's text.
        OrganisationQuery text = query("forum fo", OutreachStatus.LISTED, "Derby", false, 1, 10);
        assertThat(statement(text)).contains("JOIN organisation o");
        assertThat(ids(text)).isEqualTo(like(text));
    }

    @Test
    void shouldCheckTheFiltersOnEachRecordReadFromTheWords() {
        for (OrganisationQuery query : List.of(query("forum", OutreachStatus.INTERVIEWED, null, false, 1, 25),
                query("forum", OutreachStatus.INTERVIEWED, "Derby", true, 2, 10),
                query("needle forum", null, "Derby", false, 1, 25),
                query("trust orum", OutreachStatus.INTERVIEWED, null, true, 3, 20),
                query("trust wollaton", OutreachStatus.LISTED, "Derby", false, 1, 25))) {
            assertThat(ids(query)).isEqualTo(like(query));
            assertThat(service.search(query).total()).as("%s: total", query).isEqualTo(likeTotal(query));
        }
    }

    @Test
    void shouldKeepTheWordsInStepWithEveryChange() {
        long id = jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class);
        Organisation before = service.get(id);
        service.update(id, before.version(), before.details().with(OrganisationField.NAME, "Zephyr Forum")
                .with(OrganisationField.DESCRIPTION, null));
        long other = jdbc.queryForObject("SELECT MAX(id) FROM organisation", Long.class);
        service.delete(other, service.get(other).version());
        // A change leaving the name and the text alone leaves the words alone.
        jdbc.update("UPDATE organisation SET version = version + 1 WHERE id <> ?", id);
        assertThat(stale(jdbc)).isEmpty();
        // A change of the groups alone rewrites the words' entries in place; with the text, anew.
        Organisation derby = service.get(other - 1);
        service.update(derby.id(), derby.version(), derby.details().with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK));
        jdbc.update("UPDATE organisation SET status = 'unreachable' WHERE MOD(id, 4) = 1");
        jdbc.update("UPDATE organisation SET interview_date = DATE '2007-06-01', area = NULL WHERE MOD(id, 4) = 2");
        jdbc.update("UPDATE organisation SET category = 'access-point', search_text = search_text || ' wren'"
                + " WHERE MOD(id, 4) = 3");
        assertThat(stale(jdbc)).isEmpty();
        jdbc.update("UPDATE organisation SET search_text = search_text || ' quill', name_sort = name_sort || 'q'"
                + " WHERE MOD(id, 2) = 0");
        jdbc.update("UPDATE organisation SET name_sort = 'a ' || name_sort WHERE MOD(id, 3) = 0");
        assertThat(stale(jdbc)).isEmpty();
        OrganisationQuery quill = query("quill", null, null, true, 2, 25);
        assertThat(ids(quill)).hasSize(25).isEqualTo(like(quill));
        OrganisationQuery zephyr = query("zephyr", null, null, false, 1, 25);
        assertThat(ids(zephyr)).containsExactly(id);
    }

    @Test
    void shouldKeepTheWordsInStepWithDeletesOfManyRecordsAndWithEmptyingTheRegister() {
        List<OrganisationDetails> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(OrganisationDetails.of("Heron Trust " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.DESCRIPTION, "Meets on the " + (i % 28 + 1) + "th"));
        }
        service.createAll(many, null);
        // Enough records at once for the trigger to ask whether any are left, with some left.
        jdbc.update("DELETE FROM organisation WHERE id NOT IN (SELECT MIN(id) FROM organisation)"
                + " AND id NOT IN (SELECT MAX(id) FROM organisation)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(2);
        assertThat(stale(jdbc)).isEmpty();
        // And enough again that leave none.
        service.createAll(many, null);
        jdbc.update("DELETE FROM organisation");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_word", Long.class)).isZero();
        service.createAll(many.subList(0, 10), null);
        assertThat(stale(jdbc)).isEmpty();
    }

    /**
     * Rows of organisation_word that are not the words of organisation's rows now, with their groups
     * (V175), and words missing from it.
     */
    static List<String> stale(JdbcTemplate jdbc) {
        String words = "SELECT e.word AS w, o.name_sort, o.id, o.category, o.area, o.status, o.interview_date, e.contact_only"
                + " FROM organisation o CROSS JOIN LATERAL organisation_search_entries(o.search_text, LENGTH(o.contact_name)) e";
        String kept = "SELECT word, name_sort, organisation_id, category, area, status, interview_date, contact_only"
                + " FROM organisation_word";
        List<String> rows = new ArrayList<>(jdbc.queryForList("SELECT 'kept ' || word FROM (" + kept + " EXCEPT "
                + words + ") s", String.class));
        rows.addAll(jdbc.queryForList("SELECT 'missing ' || w FROM (" + words + " EXCEPT " + kept + ") s", String.class));
        return rows;
    }

    private static OrganisationQuery query(String text, OutreachStatus status, String area, boolean descending,
            int page, int size) {
        return new OrganisationQuery(text, null, false, area, status, null, null, null, null,
                OrganisationQuery.Sort.NAME, descending, page, size);
    }

    private List<Long> ids(OrganisationQuery query) {
        return service.search(query).items().stream().map(Organisation::id).toList();
    }

    private String statement(OrganisationQuery query) {
        return repository.firstPart(query, service.search(query).total()).sql();
    }

    private long likeTotal(OrganisationQuery query) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE " + clauses(query, args), Long.class,
                args.toArray());
    }

    /** The page as LIKE alone gives it. */
    private List<Long> like(OrganisationQuery query) {
        List<Object> args = new ArrayList<>();
        String where = clauses(query, args);
        String direction = query.descending() ? " DESC" : "";
        args.add(query.offset());
        args.add(query.size());
        return jdbc.queryForList("SELECT id FROM organisation WHERE " + where + " ORDER BY name_sort" + direction
                + ", id" + direction + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", Long.class, args.toArray());
    }

    /** The query's words and filters as LIKE and equality, their values added to the arguments. */
    private static String clauses(OrganisationQuery query, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        for (String pattern : SearchText.patterns(query.text())) {
            clauses.add("search_text LIKE ?" + LikePattern.ESCAPE);
            args.add(pattern);
        }
        if (query.status() != null) {
            clauses.add("status = ?");
            args.add(query.status().code());
        }
        if (query.area() != null) {
            clauses.add("area = ?");
            args.add(query.area());
        }
        return String.join(" AND ", clauses);
    }
}
