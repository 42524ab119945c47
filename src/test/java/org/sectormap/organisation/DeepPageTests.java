package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page deep in the list (read on H2 from where its index's tree says it starts, elsewhere by its ids
 * first) holds the records the list has there, in its order: in either direction, filtered by a status,
 * an area or both, by a category or by a tick box, where the sorted value changes and where the records without one begin.
 */
@DatabaseTest
class DeepPageTests {

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    QueryParameters parameters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldGiveADeepPageTheRecordsTheWholeListHasThere() {
        Random random = new Random(7);
        List<OrganisationDetails> register = new ArrayList<>();
        int size = (int) OrganisationRepository.DEEP_OFFSET * 3;
        for (int i = 0; i < size; i++) {
            boolean interviewed = random.nextInt(4) != 0;
            // Few distinct names and dates, so ties are broken by id; most in one area, some in none.
            register.add(OrganisationDetails.of("Group " + random.nextInt(50),
                            interviewed ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED)
                    .with(OrganisationField.INTERVIEW_DATE, interviewed && random.nextBoolean()
                            ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(5)) : null)
                    .with(OrganisationField.AREA, random.nextInt(10) == 0 ? null : random.nextInt(5) == 0 ? "Derby city" : "Leicester")
                    .with(OrganisationField.CATEGORY, random.nextBoolean() ? null
                            : random.nextInt(4) == 0 ? Category.BME_NETWORK : Category.ACCESS_POINT)
                    .with(OrganisationField.FOLLOW_UP, random.nextInt(8) == 0 ? null : random.nextInt(3) != 0));
        }
        service.createAll(register, null);

        for (Map<String, String> order : List.of(Map.of("sort", "name"), Map.of("sort", "interview-date", "dir", "desc"),
                Map.of("sort", "interview-date"), Map.of("sort", "name", "status", "interviewed"),
                Map.of("sort", "name", "dir", "desc", "status", "interviewed"), Map.of("sort", "status", "dir", "desc"),
                Map.of("sort", "status"), Map.of("sort", "area"), Map.of("sort", "area", "dir", "desc"),
                Map.of("sort", "name", "dir", "desc", "status", "listed"), Map.of("sort", "name", "area", "Leicester"),
                Map.of("sort", "name", "dir", "desc", "area", "Leicester"),
                Map.of("sort", "name", "status", "interviewed", "area", "Leicester"),
                Map.of("sort", "name", "dir", "desc", "status", "interviewed", "area", "Leicester"),
                Map.of("sort", "name", "category", "access-point"),
                Map.of("sort", "name", "dir", "desc", "category", "access-point"),
                Map.of("sort", "name", "category", "access-point", "status", "interviewed"),
                Map.of("sort", "name", "dir", "desc", "category", "access-point", "status", "interviewed"),
                Map.of("sort", "name", "category", "unclassified"),
                Map.of("sort", "name", "dir", "desc", "category", "unclassified", "status", "interviewed"),
                Map.of("sort", "name", "followUp", "yes"), Map.of("sort", "name", "dir", "desc", "followUp", "yes"),
                Map.of("sort", "name", "followUp", "no"), Map.of("sort", "name", "dir", "desc", "followUp", "no"),
                Map.of("sort", "name", "followUp", "yes", "status", "interviewed"),
                Map.of("sort", "interview-date", "status", "interviewed"),
                Map.of("sort", "interview-date", "dir", "desc", "status", "interviewed"),
                Map.of("sort", "interview-date", "status", "listed"),
                Map.of("sort", "interview-date", "dir", "desc", "status", "listed"))) {
            List<Organisation> whole = new ArrayList<>();
            repository.forEach(parameters.read(order), whole::add);
            // Past the middle, a page is read from the other end and turned round; the last may be short.
            for (int at : List.of((int) OrganisationRepository.DEEP_OFFSET - 1, (int) OrganisationRepository.DEEP_OFFSET,
                    whole.size() / 2, whole.size() - 10, whole.size() - 7, whole.size() - 1).stream()
                    .filter(at -> at < whole.size()).toList()) {
                assertPage(order, at / 10 + 1, 10, whole);
            }
            // One record a page, as review mode reads: the last records holding the sorted value, where
            // the values change, and the first records without one.
            List<Integer> edges = new ArrayList<>();
            for (int at = (int) OrganisationRepository.DEEP_OFFSET; at < whole.size(); at++) {
                Object value = sorted(whole.get(at), order.get("sort"));
                if (!Objects.equals(value, sorted(whole.get(at - 1), order.get("sort")))) {
                    edges.addAll(List.of(at - 1, at, Math.min(at + 1, whole.size() - 1)));
                }
            }
            for (int at : edges.stream().distinct().limit(30).toList()) {
                assertPage(order, at + 1, 1, whole);
            }
        }
    }

    /**
     * Within two filters each read from an index in name order (on PostgreSQL the two indexes joined
     * as they are read), a page holds what the whole list has there: past the first thousand, in the
     * middle and near the end, in either direction. Most records share each filter's value, so that
     * every pair holds more than a thousand.
     */
    @Test
    void shouldGiveADeepPageWithinTwoFiltersTheRecordsTheWholeListHasThere() {
        fillCommon(5_000);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        Random random = new Random(11);
        List<Map<String, String>> orders = new ArrayList<>(List.of(Map.of("category", "access-point", "area", "Leicester"),
                Map.of("dir", "desc", "category", "access-point", "area", "Leicester"),
                Map.of("category", "access-point", "status", "interviewed"),
                Map.of("dir", "desc", "category", "access-point", "status", "interviewed"),
                Map.of("area", "Leicester", "followUp", "yes"),
                Map.of("dir", "desc", "status", "interviewed", "followUp", "yes"),
                Map.of("followUp", "yes", "fullInterview", "yes"),
                Map.of("category", "access-point", "status", "interviewed", "area", "Leicester"),
                Map.of("dir", "desc", "category", "access-point", "status", "interviewed", "area", "Leicester"),
                Map.of("dir", "desc", "status", "interviewed", "area", "Leicester", "followUp", "yes")));
        orders.addAll(H2_ONLY);
        for (Map<String, String> order : orders) {
            Map<String, String> byName = new HashMap<>(order);
            byName.put("sort", "name");
            List<Organisation> whole = new ArrayList<>();
            repository.forEach(parameters.read(byName), whole::add);
            assertThat(whole).as("the records of %s", order).hasSizeGreaterThan((int) OrganisationRepository.DEEP_OFFSET + 100);
            int deep = (int) OrganisationRepository.DEEP_OFFSET;
            int beyond = whole.size() - deep;
            for (int at : List.of(deep, deep + random.nextInt(beyond), whole.size() / 2, deep + random.nextInt(beyond),
                    whole.size() - 10, whole.size() - 1)) {
                assertPage(byName, at / 10 + 1, 10, whole);
            }
            OrganisationQuery deepPage = parameters.read(byName).atPage(deep / 10 + 1, 10);
            Optional<List<Organisation>> joined = transactions.execute(status -> repository.joined(deepPage, whole.size(), 10));
            assertThat(joined).as("%s joined from H2's indexes", order).matches(page -> page.isPresent() != postgres);
            assertThat(repository.mergedIds(deepPage, whole.size(), 10)).as("%s joined from PostgreSQL's indexes", order)
                    .matches(statement -> statement.isPresent() == (postgres && !H2_ONLY.contains(order)));
        }
        // No index holds free text in name order.
        OrganisationQuery text = parameters.read(Map.of("sort", "name", "q", "group", "area", "Leicester")).atPage(151, 10);
        assertThat(repository.mergedIds(text, 5_000, 10)).isEmpty();
        Optional<List<Organisation>> joinedText = transactions.execute(status -> repository.joined(text, 5_000, 10));
        assertThat(joinedText).isEmpty();
    }

    /**
     * Filters whose records only H2 joins from its indexes: PostgreSQL's boxes hold only the ticked
     * (V160), and it joins two indexes, not three.
     */
    private static final List<Map<String, String>> H2_ONLY = List.of(Map.of("area", "Leicester", "fullInterview", "no"),
            Map.of("area", "Leicester", "followUp", "yes", "fullInterview", "yes"));

    /**
     * Sorted by status, area, category or interview date within any filters the tally counts (from the
     * tally's count of each sorted value, then that value's records by id: on H2 within one filter on
     * another of them from the pair's index, a date's from the date's index, otherwise from the block of
     * ids the block tally puts the page in), a page holds what the whole list has there: deep, where the
     * sorted value changes, and where the records without one begin. The records lie in many blocks, each
     * reaching into the next.
     */
    @Test
    void shouldGiveADeepPageSortedByAGroupWithinAnyFiltersTheRecordsTheWholeListHasThere() {
        fillCommon(5_000);
        Random random = new Random(13);
        for (Map<String, String> order : List.of(Map.of("sort", "category", "status", "interviewed"),
                Map.of("sort", "category", "dir", "desc", "status", "interviewed"),
                Map.of("sort", "status", "category", "access-point"),
                Map.of("sort", "status", "dir", "desc", "category", "access-point"),
                Map.of("sort", "area", "status", "interviewed"),
                Map.of("sort", "area", "dir", "desc", "status", "interviewed"),
                Map.of("sort", "category", "dir", "desc", "area", "Leicester"),
                Map.of("sort", "status", "followUp", "yes"),
                Map.of("sort", "area", "dir", "desc", "fullInterview", "no"),
                Map.of("sort", "category", "status", "interviewed", "followUp", "yes"),
                Map.of("sort", "status", "dir", "desc", "area", "Leicester", "followUp", "yes", "fullInterview", "yes"),
                Map.of("sort", "area", "category", "unclassified"),
                Map.of("sort", "status", "dir", "desc", "status", "interviewed"),
                Map.of("sort", "category"),
                Map.of("sort", "interview-date", "followUp", "yes"),
                Map.of("sort", "interview-date", "dir", "desc", "fullInterview", "no"),
                Map.of("sort", "interview-date", "area", "Leicester", "category", "unclassified"),
                Map.of("sort", "interview-date", "dir", "desc", "status", "interviewed"))) {
            List<Organisation> whole = new ArrayList<>();
            repository.forEach(parameters.read(order), whole::add);
            int deep = (int) OrganisationRepository.DEEP_OFFSET;
            assertThat(whole).as("the records of %s", order).hasSizeGreaterThan(deep + 100);
            List<Integer> at = new ArrayList<>(List.of(deep, deep + random.nextInt(whole.size() - deep),
                    whole.size() / 2, whole.size() - 10, whole.size() - 1));
            at.addAll(aroundChanges(whole, order.get("sort"), deep, whole.size()));
            at.addAll(aroundBlocks(whole, deep));
            for (int position : at) {
                int page = Math.max(position, deep) / 10 + 1;
                assertPage(order, page, 10, whole);
                // Read by its groups itself, not only by whichever way the list answers first.
                OrganisationQuery deepPage = parameters.read(order).atPage(page, 10);
                Optional<List<Organisation>> grouped = transactions.execute(status -> repository.grouped(deepPage, 10));
                int from = (page - 1) * 10;
                assertThat(grouped.orElseThrow().stream().map(Organisation::id).toList())
                        .as("page %d of %s read by its groups", page, order)
                        .isEqualTo(whole.subList(from, Math.min(whole.size(), from + 10)).stream().map(Organisation::id)
                                .toList());
            }
        }
    }

    /**
     * A deep page of one searched word's matches sorted by status, area, category or interview date,
     * within filters of those columns or none (on PostgreSQL counted and read from the words' entries,
     * V175), holds what the whole list has there: past the first thousand, in the middle, near the end and
     * around every change of the sorted value, in either direction. "group" is part of two words
     * ("group" in every name, "groups" in two descriptions of three), so a record holding both is one
     * match; "groups" is one word. With a tick box, or for "group" past
     * {@link OrganisationRepository#GROUPED_BY_WORD_MOST} matches, the page is read as before, and is the same.
     */
    @Test
    void shouldGiveADeepPageOfAWordsMatchesSortedByAGroupTheRecordsTheWholeListHasThere() {
        fillCommon(7_500, i -> i % 3 == 0 ? "Meets monthly" : "Two groups meet");
        boolean postgres = url.startsWith("jdbc:postgresql:");
        int deep = (int) OrganisationRepository.DEEP_OFFSET;
        List<Map<String, String>> filters = List.of(Map.of(), Map.of("category", "access-point"),
                Map.of("category", "unclassified", "status", "interviewed"), Map.of("area", "Leicester"),
                Map.of("followUp", "yes"));
        Map<Map<String, String>, Integer> deepLists = new HashMap<>();
        for (String search : List.of("group", "groups")) {
            for (String sort : List.of("category", "area", "status", "interview-date")) {
                for (Map<String, String> filter : filters) {
                    for (String dir : List.of("asc", "desc")) {
                        Map<String, String> order = new HashMap<>(filter);
                        order.putAll(Map.of("q", search, "sort", sort, "dir", dir));
                        List<Organisation> whole = new ArrayList<>();
                        repository.forEach(parameters.read(order), whole::add);
                        if (whole.size() <= deep) {
                            continue;
                        }
                        deepLists.merge(filter, 1, Integer::sum);
                        List<Integer> at = new ArrayList<>(List.of(deep, whole.size() / 2, whole.size() - 1));
                        at.addAll(aroundChanges(whole, sort, deep, whole.size()));
                        for (int position : at) {
                            assertPage(order, Math.max(position, deep) / 10 + 1, 10, whole);
                        }
                        // Read from the words' entries itself, not only by whichever way the list answers first.
                        int page = (deep + whole.size()) / 20 + 1;
                        OrganisationQuery middle = parameters.read(order).atPage(page, 10);
                        Optional<List<Organisation>> read = transactions.execute(
                                status -> repository.groupedByWord(middle, whole.size()));
                        assertThat(read).as("%s read from the words' entries", order)
                                .matches(ids -> ids.isPresent() == (postgres && !filter.containsKey("followUp")));
                        read.ifPresent(items -> assertThat(items.stream().map(Organisation::id).toList())
                                .as("page %d of %s read from the words' entries", page, order)
                                .isEqualTo(whole.subList((page - 1) * 10, Math.min(whole.size(), page * 10)).stream()
                                        .map(Organisation::id).toList()));
                    }
                }
            }
        }
        assertThat(deepLists.keySet()).as("filters with lists past the first thousand").hasSameSizeAs(filters);
        // Past so many matches, counting each record once by group, for a searched word that is part of
        // several of the register's words, is slower than sorting them: read as before; one word alone not.
        for (String search : List.of("group", "groups")) {
            OrganisationQuery many = parameters.read(Map.of("q", search, "sort", "status")).atPage(101, 10);
            Optional<List<Organisation>> past = transactions.execute(status -> repository.groupedByWord(many,
                    OrganisationRepository.GROUPED_BY_WORD_MOST + 1));
            assertThat(past).as(search).matches(page -> page.isPresent() == (postgres && search.equals("groups")));
        }
    }

    /** For each record from {@code from} on whose block of ids differs from the one before's: it, and five before. */
    private static List<Integer> aroundBlocks(List<Organisation> whole, int from) {
        List<Integer> at = new ArrayList<>();
        for (int i = from; i < whole.size(); i++) {
            if (whole.get(i).id() / OrganisationTally.BLOCK != whole.get(i - 1).id() / OrganisationTally.BLOCK) {
                at.addAll(List.of(i - 5, i));
            }
        }
        return at;
    }

    /**
     * Sorted by status, area or category within any filters the tally counts (on PostgreSQL read by the
     * groups the tally says hold some), an early page holds what the whole list has there: the first,
     * and around every change of the sorted value.
     */
    @Test
    void shouldGiveAnEarlyPageSortedByAGroupWithinAnyFiltersTheRecordsTheWholeListHasThere() {
        fillCommon(2_000);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        for (Map<String, String> order : List.of(Map.of("sort", "status", "followUp", "yes"),
                Map.of("sort", "status", "dir", "desc", "followUp", "no"),
                Map.of("sort", "status", "area", "Leicester", "followUp", "yes", "fullInterview", "yes"),
                Map.of("sort", "area", "category", "unclassified"),
                Map.of("sort", "category", "dir", "desc", "status", "interviewed", "followUp", "no"))) {
            List<Organisation> whole = new ArrayList<>();
            repository.forEach(parameters.read(order), whole::add);
            assertThat(whole).as("the records of %s", order).hasSizeGreaterThan(100);
            List<Integer> at = new ArrayList<>(List.of(0, 10, whole.size() - 1));
            at.addAll(aroundChanges(whole, order.get("sort"), 1, Math.min(whole.size(), (int) OrganisationRepository.DEEP_OFFSET)));
            for (int position : at) {
                if (position < OrganisationRepository.DEEP_OFFSET) {
                    assertPage(order, position / 10 + 1, 10, whole);
                }
            }
            OrganisationQuery first = parameters.read(order).atPage(1, 10);
            Optional<List<Organisation>> grouped = transactions.execute(status -> repository.grouped(first, 10));
            assertThat(grouped).as("%s read by its groups", order).matches(page -> page.isPresent() == postgres);
        }
    }

    /**
     * On PostgreSQL, such a page's ids (one category or the unclassified, in one area) come from one
     * group's name index alone and already in name order (two ticked boxes' from their two indexes side
     * by side), a group's deep page within filters no index holds in name order from its name index
     * alone (V172 to V174), and a date's matches within a filter from V171's index
     * alone: no row of organisation read for them, nothing sorted (with what the planner would rather do
     * on a test's few rows forbidden, as the other plan tests do).
     */
    @Test
    void shouldReadTheIdsOfADeepPageFromIndexesAloneOnPostgreSql() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2 reads such a page from its search index");
        fillCommon(5_000);
        Vacuum.settle(jdbc);
        List.of("access-point", "unclassified").forEach(category -> {
            OrganisationQuery query = parameters.read(Map.of("sort", "name", "category", category, "area", "Leicester"))
                    .atPage(101, 10);
            // Nearer the end of the matches, the page is read from there: the indexes backward.
            OrganisationRepository.Statement statement = repository.mergedIds(query, repository.count(query), 10)
                    .orElseThrow();
            String ids = statement.sql().substring(statement.sql().indexOf("(SELECT a.name_sort") + 1,
                    statement.sql().indexOf(") p CROSS JOIN"));
            // One group's name index alone, the other filter tested from the columns it holds (V172, V173).
            assertThat(Plans.indexOnly(transactions, named, ids, statement.params()))
                    .as("%s, with organisation's pages and those all-visible %s", category,
                            jdbc.queryForList("SELECT relpages, relallvisible FROM pg_class WHERE oid = 'organisation'::regclass"))
                    .containsPattern("Index Only Scan (Backward )?using organisation_(category|area)_name")
                    .doesNotContain("Join").doesNotContain("Sort").doesNotContain("Seq Scan");
        });
        // Two ticked boxes, no group: their two partial indexes side by side.
        OrganisationQuery boxes = parameters.read(Map.of("sort", "name", "followUp", "yes", "fullInterview", "yes"))
                .atPage(101, 10);
        OrganisationRepository.Statement twoBoxes = repository.mergedIds(boxes, repository.count(boxes), 10).orElseThrow();
        String boxIds = twoBoxes.sql().substring(twoBoxes.sql().indexOf("(SELECT a.name_sort") + 1,
                twoBoxes.sql().indexOf(") p CROSS JOIN"));
        assertThat(Plans.indexOnly(transactions, named, boxIds, twoBoxes.params())).contains("Merge Join")
                .containsPattern("Index Only Scan (Backward )?using organisation_follow_up_name")
                .containsPattern("Index Only Scan (Backward )?using organisation_full_interview_name")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
        // One interview date's matches by id, within a filter, from V171's index alone.
        OrganisationRepository.Statement datePage = OrganisationRepository.datePage(
                parameters.read(Map.of("sort", "interview-date", "followUp", "yes")), LocalDate.of(2007, 7, 3), 100, 10);
        String ids = datePage.sql().substring(datePage.sql().indexOf("(SELECT id") + 1, datePage.sql().lastIndexOf(")"));
        assertThat(Plans.indexOnly(transactions, named, ids, datePage.params()))
                .contains("Index Only Scan using organisation_dated_filters")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
        // A group's name index holds the other filters' columns (V172 to V174): a deep page by name within
        // an area and a box not ticked, a category and the other box, or a status, is read from it alone.
        Map<String, String> within = Map.of("area = 'Derby city' AND follow_up = FALSE", "organisation_area_name",
                "category = 'access-point' AND full_interview = TRUE AND area = 'Leicester'", "organisation_category_name",
                "status = 'listed' AND follow_up = FALSE AND category IS NULL", "organisation_status_name");
        within.forEach((filters, index) -> {
            String page = "SELECT id FROM organisation WHERE " + filters
                    + " ORDER BY name_sort, id OFFSET 200 ROWS FETCH NEXT 10 ROWS ONLY";
            assertThat(Plans.indexOnly(transactions, named, page, Map.of())).as(filters)
                    .contains("Index Only Scan using " + index).doesNotContain("Sort").doesNotContain("Seq Scan");
        });
        // A group's blocks of ids are summed from the block tally's rows of that group alone (V176 to V178).
        Map.of("area", "Leicester", "category", "access-point", "status", "interviewed").forEach((column, value) -> {
            String blocks = "SELECT block, SUM(organisations) FROM organisation_block_tally WHERE " + column + " = '"
                    + value + "' AND follow_up = TRUE GROUP BY block HAVING SUM(organisations) > 0 ORDER BY block DESC";
            String plan = transactions.execute(status -> {
                jdbc.execute("SET LOCAL enable_seqscan = off");
                jdbc.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                return String.join("\n", jdbc.queryForList("EXPLAIN " + blocks, String.class));
            });
            assertThat(plan).as(column).contains("organisation_block_tally_" + column).doesNotContain("Seq Scan");
        });
    }

    /**
     * Most records of one category, in one area, interviewed and keen for follow-up; a third unclassified,
     * half fully interviewed. Their ids reach across many blocks of the block tally.
     */
    private void fillCommon(int size) {
        fillCommon(size, i -> null);
    }

    private void fillCommon(int size, IntFunction<String> description) {
        Random random = new Random(2007);
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean interviewed = random.nextInt(5) != 0;
            register.add(OrganisationDetails.of("Group " + random.nextInt(60),
                            interviewed ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED)
                    .with(OrganisationField.AREA, random.nextInt(6) == 0 ? "Derby city" : "Leicester")
                    .with(OrganisationField.CATEGORY, random.nextInt(3) == 0 ? null
                            : random.nextInt(8) == 0 ? Category.BME_NETWORK : Category.ACCESS_POINT)
                    .with(OrganisationField.FOLLOW_UP, random.nextInt(8) == 0 ? null : random.nextInt(5) != 0)
                    .with(OrganisationField.FULL_INTERVIEW, random.nextInt(2) != 0)
                    .with(OrganisationField.INTERVIEW_DATE, interviewed && random.nextInt(10) != 0
                            ? LocalDate.of(2007, 7, 1 + random.nextInt(6)) : null)
                    .with(OrganisationField.DESCRIPTION, description.apply(i)));
        }
        // In runs of 250 ids, each from just before a block of ids (V168) into it.
        for (int from = 0; from < size; from += 250) {
            Ids.nextAt(jdbc, (from / 250 + 1) * OrganisationTally.BLOCK - 100);
            service.createAll(register.subList(from, Math.min(size, from + 250)), null);
        }
    }

    private void assertPage(Map<String, String> order, int page, int size, List<Organisation> whole) {
        Map<String, String> params = new HashMap<>(order);
        params.put("page", String.valueOf(page));
        params.put("size", String.valueOf(size));
        List<Long> ids = service.search(parameters.read(params)).items().stream().map(Organisation::id).toList();
        int from = (page - 1) * size;
        assertThat(ids).as("page %d of %d of %s", page, size, order)
                .isEqualTo(whole.subList(from, Math.min(whole.size(), from + size)).stream().map(Organisation::id).toList());
    }

    /** For each record from {@code from} to before {@code to} whose sorted value differs from the one before: it, and five before. */
    private static List<Integer> aroundChanges(List<Organisation> whole, String sort, int from, int to) {
        List<Integer> at = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!Objects.equals(sorted(whole.get(i), sort), sorted(whole.get(i - 1), sort))) {
                at.addAll(List.of(Math.max(i - 5, 0), i));
            }
        }
        return at;
    }

    private static Object sorted(Organisation o, String sort) {
        return switch (sort) {
            case "category" -> o.details().get(OrganisationField.CATEGORY);
            case "interview-date" -> o.details().get(OrganisationField.INTERVIEW_DATE);
            case "status" -> o.details().status();
            case "area" -> o.details().get(OrganisationField.AREA);
            default -> o.details().name();
        };
    }
}
