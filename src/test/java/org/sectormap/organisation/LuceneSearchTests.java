package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On H2 the list's free-text search goes through the Lucene index, and so do filters whose matches
 * SQL would read and sort whole; SQL, which answers while the index is behind, must give the same
 * page and total for any search, filter and sort.
 */
@DatabaseTest
class LuceneSearchTests {

    /** Pieces of names: accents, case, LIKE's wildcards and escape, punctuation, one- and two-letter words. */
    private static final String[] PIECES = {"Café", "CAFE", "cafe\u0301", "Zoë", "Łódź", "100%", "a_b", "back\\slash",
            "O'Brien", "ab", "x", "St.", "Ünal", "İstanbul", "Straße", "NETWORK", "net", "work", "Networkers", "&",
            "Ñandú", "aaaa", "ÉÉ", "Ω", "20% off", "_", "\\", "Contact", "Derby", "déjà vu"};

    private static final OutreachStatus[] STATUSES = OutreachStatus.values();

    @Autowired
    OrganisationRepository repository;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    OrganisationTally tally;

    @Autowired
    OrderMarks marks;

    @Autowired
    WordMarks wordMarks;

    @Autowired
    PublishedOrganisations published;

    private OrganisationRepository like;

    @BeforeEach
    void onH2() {
        assumeTrue(index.enabled(), "The search index is H2's; PostgreSQL searches through its trigram index");
        // The same table read through SQL alone: an index for no database at all.
        like = new OrganisationRepository(JdbcClient.create(dataSource), dataSource, Clock.systemUTC(), tally,
                SearchIndexes.provided(new SearchIndex(jdbc, "jdbc:none")),
                new ContactPeopleRepository(JdbcClient.create(dataSource), dataSource), marks, wordMarks,
                Duration.ZERO);
    }

    @Test
    void shouldGiveTheSamePageAndTotalAsLikeForRandomSearchesFiltersAndSorts() {
        Random random = new Random(10);
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            register.add(randomRecord(random, i));
        }
        repository.insertAll(register, null);
        SearchIndexes.awaitCurrent(index);

        int answeredByIndex = 0;
        int found = 0;
        int keptOutOfContacts = 0;
        for (int i = 0; i < 600; i++) {
            OrganisationQuery query = randomQuery(random);
            // Half of them a viewer's, kept out of contacts' names, which SQL tells by where the word stands.
            if (i % 2 == 1) {
                long withContacts = like.search(query).total();
                query = query.withContactsHidden();
                keptOutOfContacts += like.search(query).total() < withContacts ? 1 : 0;
            }
            assertThat(index.find(query)).as("the index answers %s", query).isPresent();
            answeredByIndex++;
            OrganisationRepository.Found fromIndex = repository.search(query);
            OrganisationRepository.Found fromLike = like.search(query);
            assertThat(ids(fromIndex)).as("page of %s", query).isEqualTo(ids(fromLike));
            assertThat(fromIndex.total()).as("total of %s", query).isEqualTo(fromLike.total());
            found += fromLike.total() > 0 ? 1 : 0;
        }
        // Comparing means something only if most searches find records.
        assertThat(answeredByIndex).isEqualTo(600);
        assertThat(found).isGreaterThan(200);
        assertThat(keptOutOfContacts).as("viewers' searches finding fewer for the contacts' names").isGreaterThan(20);
    }

    @Test
    void shouldGiveTheSamePageAndTotalAsSqlForRandomFiltersWithoutWords() {
        Random random = new Random(11);
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            register.add(randomRecord(random, i));
        }
        repository.insertAll(register, null);
        SearchIndexes.awaitCurrent(index);

        int fromIndex = 0;
        for (int i = 0; i < 300; i++) {
            OrganisationQuery query = randomFilters(random);
            OrganisationRepository.Found sql = like.search(query);
            SearchIndex.Hits hits = index.filter(query).orElseThrow();
            assertThat(hits.ids()).as("page of %s", query).isEqualTo(ids(sql));
            assertThat(hits.total()).as("total of %s", query).isEqualTo(sql.total());
            OrganisationRepository.Found found = repository.search(query);
            assertThat(ids(found)).as("the list's page of %s", query).isEqualTo(ids(sql));
            assertThat(found.total()).isEqualTo(sql.total());
            fromIndex += sql.total() > OrganisationRepository.SORTED_IN_SQL ? 1 : 0;
        }
        // The list itself asks the index only past a few hundred matches: enough of them to mean something.
        assertThat(fromIndex).isGreaterThan(30);
    }

    @Test
    void shouldFindTheSameFeedSearchThroughTheIndexAsByReadingEveryPublishedRecord() {
        Random random = new Random(12);
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            register.add(randomRecord(random, i).with(OrganisationField.PUBLISH, random.nextInt(4) > 0));
        }
        repository.insertAll(register, null);
        SearchIndexes.awaitCurrent(index);
        PublishedOrganisations scanning = new PublishedOrganisations(JdbcClient.create(dataSource), dataSource,
                SearchIndexes.provided(new SearchIndex(jdbc, "jdbc:none")));

        // The same index's ids in arrays of seven, to join many as a search held by 65,537 or more would.
        PublishedOrganisations inSevens = new PublishedOrganisations(JdbcClient.create(dataSource), dataSource,
                SearchIndexes.provided(index), 7);

        int throughIndex = 0;
        int found = 0;
        for (int i = 0; i < 300; i++) {
            OrganisationQuery words = randomQuery(random);
            // The feed looks for its text whole, spaces and all, so a piece of one record's text at times.
            String text = random.nextBoolean() ? words.text()
                    : register.get(random.nextInt(register.size())).name().substring(random.nextInt(3));
            PublishedOrganisations.Filter filter = new PublishedOrganisations.Filter(text, words.category(),
                    words.category() == null && random.nextInt(4) == 0, null);
            throughIndex += published.held(filter).isPresent() ? 1 : 0;
            long total = scanning.count(filter);
            long offset = random.nextInt(3) == 0 ? Math.max(0, total - 2) : 0;
            int size = 1 + random.nextInt(20);
            for (PublishedOrganisations through : List.of(published, inSevens)) {
                assertThat(through.count(filter)).as("total of %s", filter).isEqualTo(total);
                assertThat(through.page(filter, offset, size)).as("page of %s", filter)
                        .isEqualTo(scanning.page(filter, offset, size));
            }
            found += total > 0 ? 1 : 0;
        }
        // Text beyond ASCII is searched by reading the records, so a third or more come through the index;
        // and enough find something for the comparison to mean something.
        assertThat(throughIndex).isGreaterThan(100);
        assertThat(found).isGreaterThan(60);
    }

    @Test
    void shouldFindAFeedPageBeyondTheFirstRecordsHoldingTheText() {
        // The interviewed come first in the feed's order: 400 of them hold the word and are not published.
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            register.add(OrganisationDetails.of("Unpublished Network " + i, OutreachStatus.INTERVIEWED));
        }
        for (int i = 0; i < 30; i++) {
            register.add(OrganisationDetails.of("Published Network " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.PUBLISH, true));
        }
        repository.insertAll(register, null);
        SearchIndexes.awaitCurrent(index);
        PublishedOrganisations.Filter network = new PublishedOrganisations.Filter("network", null, false, null);

        assertThat(published.held(network)).hasValueSatisfying(ids -> assertThat(ids).hasSize(430));
        assertThat(published.count(network)).isEqualTo(30);
        assertThat(published.page(network, 10, 10)).extracting(p -> p.organisation().details().name())
                .containsExactlyElementsOf(IntStream.range(10, 20).mapToObj(i -> "Published Network " + i).toList());
    }

    @Test
    void shouldLeaveAFeedSearchToSqlWhenMoreRecordsHoldItThanItMayTake() {
        repository.insertAll(List.of(OrganisationDetails.of("Network One", OutreachStatus.LISTED),
                OrganisationDetails.of("Network Two", OutreachStatus.INTERVIEWED),
                OrganisationDetails.of("Network Three", OutreachStatus.UNREACHABLE)), null);
        SearchIndexes.awaitCurrent(index);

        assertThat(index.holding("NETWORK", null, false, 2)).hasValueSatisfying(ids -> assertThat(ids).hasSize(2));
        assertThat(index.holding("network", null, false, 1)).isEmpty();
        assertThat(index.holding("work tw", null, false, 1)).hasValueSatisfying(ids -> assertThat(ids).hasSize(1));
    }

    /**
     * A page ending past the first thousand hits is selected across the index's segments (SortedHits):
     * the records go in over several commits and a tenth are saved again, so that every order's hits lie
     * in several segments, interleaved, some of them deleted.
     */
    @Test
    void shouldGiveTheSameDeepPageAsSqlFromHitsInSeveralSegments() {
        Random random = new Random(12);
        for (int batch = 0; batch < 4; batch++) {
            List<OrganisationDetails> register = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                register.add(randomRecord(random, batch * 1_000 + i));
            }
            List<Long> ids = repository.insertAll(register, null);
            SearchIndexes.awaitCurrent(index);
            for (int i = 0; i < 100; i++) {
                Organisation saved = repository.find(ids.get(random.nextInt(ids.size()))).orElseThrow();
                repository.update(saved.id(), saved.version(), randomRecord(random, random.nextInt(4_000)));
            }
            SearchIndexes.awaitCurrent(index);
        }

        String[] texts = {null, null, "a", "e", "c"};
        int deep = 0;
        for (int i = 0; i < 150; i++) {
            OrganisationQuery filters = random.nextBoolean() ? randomFilters(random) : randomQuery(random);
            boolean oneFilter = random.nextBoolean();
            int size = 1 + random.nextInt(30);
            OrganisationQuery counted = new OrganisationQuery(texts[random.nextInt(texts.length)], null, false, null,
                    oneFilter ? filters.status() : null, null, oneFilter ? filters.followUp() : null, null, null,
                    filters.sort(), filters.descending(), 1, size);
            long total = like.search(counted).total();
            int page = (int) ((SearchIndex.QUEUED + random.nextLong(Math.max(total - SearchIndex.QUEUED + size, 1))) / size) + 1;
            OrganisationQuery query = new OrganisationQuery(counted.text(), null, false, null, counted.status(), null,
                    counted.followUp(), null, null, counted.sort(), counted.descending(), page, size);
            OrganisationRepository.Found sql = like.search(query);
            SearchIndex.Hits hits = (query.text() == null ? index.filter(query) : index.find(query)).orElseThrow();
            assertThat(hits.ids()).as("page of %s", query).isEqualTo(ids(sql));
            assertThat(hits.total()).as("total of %s", query).isEqualTo(sql.total());
            assertThat(ids(repository.search(query))).as("the list's page of %s", query).isEqualTo(ids(sql));
            deep += query.offset() + size > SearchIndex.QUEUED && !sql.items().isEmpty() ? 1 : 0;
        }
        assertThat(deep).as("deep pages holding records").isGreaterThan(100);
    }

    /** At least one filter, no words; every sort both ways, on the first pages and now and then one past the end. */
    private static OrganisationQuery randomFilters(Random random) {
        OrganisationQuery query;
        do {
            OrganisationQuery words = randomQuery(random);
            query = new OrganisationQuery(null, words.category(), words.unclassified(),
                    random.nextInt(3) == 0 ? words.area() : null, random.nextBoolean() ? words.status() : null,
                    words.fullInterview(), words.followUp(), words.cypBoard(), words.wellInformed(), words.sort(),
                    words.descending(), random.nextInt(10) == 0 ? 70 : 1 + random.nextInt(3), words.size());
        } while (query.category() == null && !query.unclassified() && query.area() == null && query.status() == null
                && query.fullInterview() == null && query.followUp() == null && query.cypBoard() == null
                && query.wellInformed() == null);
        return query;
    }

    @Test
    void shouldFindOneAndTwoLetterWordsAndWordsAcrossPunctuationExactly() {
        repository.insertAll(List.of(OrganisationDetails.of("Ab & Co. 100% (x_y)", OutreachStatus.LISTED),
                OrganisationDetails.of("Abc Trust", OutreachStatus.LISTED),
                OrganisationDetails.of("Société Générale", OutreachStatus.LISTED)), null);
        SearchIndexes.awaitCurrent(index);

        assertThat(names("b &")).containsExactly("Ab & Co. 100% (x_y)");
        assertThat(names("bc")).containsExactly("Abc Trust");
        assertThat(names("ab")).containsExactly("Ab & Co. 100% (x_y)", "Abc Trust");
        assertThat(names("0% (x_y")).containsExactly("Ab & Co. 100% (x_y)");
        assertThat(names("x%y")).isEmpty();
        assertThat(names("SOCIETE gen")).containsExactly("Société Générale");
        assertThat(names("té gé")).containsExactly("Société Générale");
        assertThat(names("e g")).containsExactly("Société Générale");
    }

    private List<String> names(String text) {
        OrganisationQuery query = new OrganisationQuery(text, null, false, null, null, null, null, null, null,
                OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE);
        assertThat(index.find(query)).isPresent();
        return repository.search(query).items().stream().map(o -> o.details().name()).toList();
    }

    private static List<Long> ids(OrganisationRepository.Found found) {
        return found.items().stream().map(Organisation::id).toList();
    }

    private static OrganisationDetails randomRecord(Random random, int i) {
        OutreachStatus status = STATUSES[random.nextInt(STATUSES.length)];
        Category[] categories = Category.values();
        Boolean[] ticks = {null, true, false};
        return OrganisationDetails.of(words(random, 1 + random.nextInt(3)) + (i % 5 == 0 ? "" : " " + i), status)
                .with(OrganisationField.EXCLUSION_REASON, status == OutreachStatus.EXCLUDED
                        ? ExclusionReason.values()[random.nextInt(ExclusionReason.values().length)] : null)
                .with(OrganisationField.CATEGORY, random.nextInt(5) == 0 ? null : categories[random.nextInt(categories.length)])
                .with(OrganisationField.AREA, random.nextInt(4) == 0 ? null : PIECES[random.nextInt(6)])
                .with(OrganisationField.COVERAGE, random.nextBoolean() ? words(random, 2) : null)
                .with(OrganisationField.DESCRIPTION, random.nextInt(3) == 0 ? words(random, 4) : null)
                .with(OrganisationField.CONTACT_NAME, random.nextInt(3) == 0 ? "Contact " + words(random, 1) : null)
                // Ten days either side of 1 January 1970, where the index's day numbers change sign.
                .with(OrganisationField.INTERVIEW_DATE, random.nextBoolean()
                        ? LocalDate.of(1969, 12, 22).plusDays(random.nextInt(20)) : null)
                .with(OrganisationField.FULL_INTERVIEW, ticks[random.nextInt(3)])
                .with(OrganisationField.FOLLOW_UP, ticks[random.nextInt(3)])
                .with(OrganisationField.CYP_BOARD, ticks[random.nextInt(3)])
                .with(OrganisationField.WELL_INFORMED, ticks[random.nextInt(3)]);
    }

    private static String words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(PIECES[random.nextInt(PIECES.length)]);
        }
        return String.join(random.nextBoolean() ? " " : "-", words);
    }

    /** One to three words, each a piece, part of one, or two run together, in any case; filters now and then. */
    private static OrganisationQuery randomQuery(Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)].replace(" ", "");
            String word = switch (random.nextInt(4)) {
                case 0 -> piece;
                case 1 -> piece.substring(random.nextInt(piece.length()));
                case 2 -> piece.substring(0, 1 + random.nextInt(piece.length()));
                default -> piece + PIECES[random.nextInt(PIECES.length)].replace(" ", "");
            };
            words.add(random.nextBoolean() ? word.toUpperCase() : word);
        }
        OrganisationQuery.Sort[] sorts = OrganisationQuery.Sort.values();
        Boolean[] ticks = {null, null, null, null, null, true, false};
        boolean unclassified = random.nextInt(8) == 0;
        Category[] categories = Category.values();
        OutreachStatus[] statuses = STATUSES;
        int[] sizes = {1, 5, 25};
        return new OrganisationQuery(String.join(random.nextBoolean() ? " " : "   ", words),
                !unclassified && random.nextInt(4) == 0 ? categories[random.nextInt(categories.length)] : null,
                unclassified, random.nextInt(5) == 0 ? PIECES[random.nextInt(6)] : null,
                random.nextInt(4) == 0 ? statuses[random.nextInt(statuses.length)] : null,
                ticks[random.nextInt(ticks.length)], ticks[random.nextInt(ticks.length)], ticks[random.nextInt(ticks.length)], ticks[random.nextInt(ticks.length)],
                sorts[random.nextInt(sorts.length)], random.nextBoolean(), 1 + random.nextInt(3),
                sizes[random.nextInt(sizes.length)]);
    }
}
