package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first page of each filter of the list, alone and combined, under each sort in both directions,
 * and a page halfway down the whole list, are read through an index and never by reading the whole
 * table: the plans each database chooses for a register of 10,000 records with up-to-date statistics,
 * asked exactly as a page asks (both parts of a sort on a column that may be empty). On H2, which costs
 * a plan as if it read every row, the first page of a filter matching many records is read in the
 * sort's order. A page deep in a filter that keeps most records may read the table: reading most of it
 * through an index costs more. On H2, each part of a deep page positioned from the index's tree reads
 * the index in order from where it starts.
 */
@DatabaseTest
class ListPlanTests {

    private static final int SIZE = 10_000;

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    SearchIndex index;

    @Autowired
    Areas areas;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrderMarks marks;

    @Value("${spring.datasource.url}")
    String url;

    private void takeInTheChanges() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!marks.usable()) {
            assertThat(System.nanoTime()).as("the orders marked within 30 s").isLessThan(until);
            try {
                marks.mark();
            } catch (DataAccessException markingBeside) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    @Test
    void shouldReadEveryFilteredAndSortedPageThroughAnIndex() {
        fill();
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            Vacuum.settle(jdbc);
            // As the marking a minute after the fill leaves them: taken here, as one at start-up may have
            // failed beside another test context's scheduled marking, leaving the fill's changes and the
            // emptied register's before them, too many to read, and a deep page read by OFFSET.
            takeInTheChanges();
        }
        String area = areas.areas().get(1);
        List<OrganisationQuery> filters = List.of(
                query(null, false, null, null, null, null),
                query(Category.values()[0], false, null, null, null, null),
                query(null, true, null, null, null, null),
                query(null, false, area, null, null, null),
                query(null, false, null, OutreachStatus.INTERVIEWED, null, null),
                query(null, false, null, OutreachStatus.EXCLUDED, null, null),
                query(null, false, null, null, true, null),
                query(null, false, null, null, null, false),
                query(Category.values()[1], false, area, OutreachStatus.INTERVIEWED, null, null),
                query(null, false, null, OutreachStatus.INTERVIEWED, true, null));

        List<String> scans = new ArrayList<>();
        List<String> unsorted = new ArrayList<>();
        for (OrganisationQuery filter : filters) {
            for (OrganisationQuery.Sort sort : OrganisationQuery.Sort.values()) {
                for (boolean descending : new boolean[] {false, true}) {
                    OrganisationQuery first = new OrganisationQuery(null, filter.category(), filter.unclassified(),
                            filter.area(), filter.status(), null, filter.followUp(), null, filter.wellInformed(), sort,
                            descending, 1, OrganisationQuery.DEFAULT_SIZE);
                    long total = repository.count(first);
                    List<OrganisationRepository.Statement> statements = new ArrayList<>(List.of(repository.firstPart(first, total)));
                    if (filter.equals(filters.get(0))) {
                        statements.add(repository.firstPart(first.atPage(SIZE / 50, OrganisationQuery.DEFAULT_SIZE), total));
                    } else if (!postgres && total * 4 >= SIZE) {
                        // Matches common enough that a page of them is met sooner along the sort's index than
                        // they could all be read and sorted, however they spread along it.
                        String plan = plan(statements.get(0));
                        if (!plan.contains("/* index sorted */")) {
                            unsorted.add(first + " (" + total + " matches):\n" + plan);
                        }
                    }
                    if (sort.nullable()) {
                        statements.add(repository.emptyPart(first, 0, 25));
                    }
                    for (OrganisationRepository.Statement statement : statements) {
                        String plan = plan(statement);
                        boolean wholeTable = postgres ? plan.contains("Seq Scan on organisation")
                                : plan.contains(".tableScan");
                        if (wholeTable) {
                            scans.add(first + " offset " + statement.params().get("offset") + ":\n" + plan);
                        }
                    }
                }
            }
        }
        assertThat(scans).as("pages read by scanning the whole table").isEmpty();
        assertThat(unsorted).as("first pages of common matches sorted rather than read in order").isEmpty();
        if (!postgres) {
            // One area is a tenth of the register: its records may lie together anywhere along the name
            // index (names often begin with their town), so they are read through the area's index.
            OrganisationQuery oneArea = query(null, false, area, null, null, null);
            assertThat(plan(repository.firstPart(oneArea, repository.count(oneArea))).toUpperCase())
                    .containsAnyOf("ORGANISATION_AREA_ORDER", "ORGANISATION_AREA_NAME")
                    .doesNotContain("ORGANISATION_NAME_SORT_IDX");
            // A category is a fifth of the register: read through its own index it was read whole and
            // sorted; by the name index, its names may come after most others'. Its index holds them by name.
            for (boolean descending : new boolean[] {false, true}) {
                for (Category category : new Category[] {Category.values()[0], null}) {
                    OrganisationQuery oneCategory = new OrganisationQuery(null, category, category == null, null, null,
                            null, null, null, null, OrganisationQuery.Sort.NAME, descending, 1, OrganisationQuery.DEFAULT_SIZE);
                    assertThat(plan(repository.firstPart(oneCategory, repository.count(oneCategory))))
                            .as(oneCategory.toString()).contains("ORGANISATION_CATEGORY_NAME").contains("/* index sorted */");
                }
            }
            // One category's interviewed, or the interviewed keen for follow-up, are most of the records of
            // the category's or the tick box's index: a page of them is met along it in name order.
            Map<OrganisationQuery, String> partly = Map.of(
                    query(Category.values()[1], false, null, OutreachStatus.INTERVIEWED, null, null), "ORGANISATION_CATEGORY_NAME",
                    query(null, false, null, OutreachStatus.INTERVIEWED, true, null), "ORGANISATION_FOLLOW_UP_NAME",
                    query(null, true, null, OutreachStatus.INTERVIEWED, null, null), "ORGANISATION_CATEGORY_NAME");
            partly.forEach((filter, index) -> {
                for (boolean descending : new boolean[] {false, true}) {
                    OrganisationQuery first = new OrganisationQuery(null, filter.category(), filter.unclassified(), null, filter.status(),
                            null, filter.followUp(), null, null, OrganisationQuery.Sort.NAME, descending, 1,
                            OrganisationQuery.DEFAULT_SIZE);
                    assertThat(plan(repository.firstPart(first, repository.count(first)))).as(first.toString())
                            .contains(index).contains("/* index sorted */");
                }
            });
        }
    }

    /**
     * On PostgreSQL, a status sorted by interview date, either way, is read from V166's indexes: its
     * dated records by date, then its undated by id, each index holding just those, in order (with
     * sorting, bitmaps and reading the table forbidden: on a test's few rows the planner would sort). Without them the
     * listed (none of whom has a date) walked the date's index past every dated record.
     */
    @Test
    void shouldReadAStatusByInterviewDateFromItsDatedAndUndatedIndexesOnPostgreSql() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "PostgreSQL only: H2's V165 indexes each status by date");
        fill();
        Vacuum.settle(jdbc);
        for (boolean descending : new boolean[] {false, true}) {
            OrganisationQuery byDate = new OrganisationQuery(null, null, false, null, OutreachStatus.LISTED, null, null,
                    null, null, OrganisationQuery.Sort.INTERVIEW_DATE, descending, 1, OrganisationQuery.DEFAULT_SIZE);
            long total = repository.count(byDate);
            assertThat(unsortedPlan(repository.firstPart(byDate, total))).as(byDate.toString())
                    .contains("organisation_status_dated").doesNotContain("Sort");
            // Past the first thousand, where the page's ids are read first (about 1,500 of the 10,000 are listed).
            assertThat(unsortedPlan(repository.emptyPart(byDate, total - 100, 25))).as(byDate.toString())
                    .contains("organisation_status_undated").doesNotContain("Sort");
        }
    }

    /**
     * H2 reads a page in order from an index only when the ORDER BY starts with its columns: a page deep
     * in the interviewed, in one area or in both, by name either way, is read from the index that holds
     * those matches in name order, whatever their number, not by walking the whole name index.
     */
    @Test
    void shouldReadADeepPageByNameWithinAStatusOrAnAreaInOrderFromItsIndexOnH2() {
        assumeFalse(url.startsWith("jdbc:postgresql:"), "H2's planner only: PostgreSQL drops fixed columns from an order itself");
        String area = areas.areas().get(1);
        Map<OrganisationQuery, String> indexes = Map.of(
                query(null, false, null, OutreachStatus.INTERVIEWED, null, null), "ORGANISATION_STATUS_NAME",
                query(null, false, area, null, null, null), "ORGANISATION_AREA_NAME",
                query(null, false, area, OutreachStatus.INTERVIEWED, null, null), "ORGANISATION_APPENDIX",
                query(Category.values()[2], false, null, null, null, null), "ORGANISATION_CATEGORY_NAME",
                query(null, false, null, null, true, null), "ORGANISATION_FOLLOW_UP_NAME",
                query(null, false, null, null, null, false), "ORGANISATION_WELL_INFORMED_NAME");
        indexes.forEach((query, index) -> {
            for (boolean descending : new boolean[] {false, true}) {
                OrganisationQuery deep = new OrganisationQuery(null, query.category(), false, query.area(), query.status(), null,
                        query.followUp(), null, query.wellInformed(), OrganisationQuery.Sort.NAME, descending, 12_000,
                        OrganisationQuery.DEFAULT_SIZE);
                String plan = plan(repository.firstPart(deep, 600_000));
                assertThat(plan).as(deep.toString()).contains(index).contains("/* index sorted */");
            }
        });
        // And the interviewed by interview date, from the status's index by date (V165).
        for (boolean descending : new boolean[] {false, true}) {
            OrganisationQuery byDate = new OrganisationQuery(null, null, false, null, OutreachStatus.INTERVIEWED, null, null,
                    null, null, OrganisationQuery.Sort.INTERVIEW_DATE, descending, 12_000, OrganisationQuery.DEFAULT_SIZE);
            assertThat(plan(repository.firstPart(byDate, 600_000))).as(byDate.toString())
                    .contains("ORGANISATION_STATUS_INTERVIEW_DATE").contains("/* index sorted */");
            // The listed, none of whom has a date, by id after the status in the same index, not read and
            // sorted (1.5 s for the first page of a million's 150,000 listed).
            OrganisationQuery undated = new OrganisationQuery(null, null, false, null, OutreachStatus.LISTED, null, null,
                    null, null, OrganisationQuery.Sort.INTERVIEW_DATE, descending, 1, OrganisationQuery.DEFAULT_SIZE);
            assertThat(plan(repository.emptyPart(undated, 0, 25))).as(undated.toString())
                    .contains("ORGANISATION_STATUS_INTERVIEW_DATE").contains("/* index sorted */");
        }
    }

    @Test
    void shouldReadEveryPartOfAPositionedPageInItsIndexOrderOnH2() {
        assumeFalse(url.startsWith("jdbc:postgresql:"), "H2 only: pages are positioned from H2's own tree");
        fill();
        String area = areas.areas().get(1);
        List<OrganisationQuery> lists = new ArrayList<>();
        for (OrganisationQuery.Sort sort : OrganisationQuery.Sort.values()) {
            lists.add(new OrganisationQuery(null, null, false, null, null, null, null, null, null, sort, false, 1,
                    OrganisationQuery.DEFAULT_SIZE));
        }
        lists.add(query(null, false, null, OutreachStatus.INTERVIEWED, null, null));
        lists.add(query(null, false, area, null, null, null));
        lists.add(query(null, false, area, OutreachStatus.INTERVIEWED, null, null));
        lists.add(query(Category.values()[0], false, null, null, null, null));
        lists.add(query(null, false, null, null, true, null));
        lists.add(query(null, false, null, null, null, false));
        lists.add(new OrganisationQuery(null, null, false, null, OutreachStatus.INTERVIEWED, null, null, null, null,
                OrganisationQuery.Sort.INTERVIEW_DATE, false, 1, OrganisationQuery.DEFAULT_SIZE));
        for (OrganisationQuery list : lists) {
            for (boolean descending : new boolean[] {false, true}) {
                OrganisationQuery deep = new OrganisationQuery(null, list.category(), false, list.area(), list.status(), null,
                        list.followUp(), null, list.wellInformed(), list.sort(), descending, 400, OrganisationQuery.DEFAULT_SIZE);
                Object value = list.sort() == OrganisationQuery.Sort.INTERVIEW_DATE ? LocalDate.of(2007, 7, 1) : "m";
                List<OrganisationRepository.Statement> parts = new ArrayList<>(
                        repository.positionedParts(deep, new IndexPositions.Start(value, SIZE / 2, value)));
                parts.addAll(repository.positionedParts(deep, new IndexPositions.Start(null, SIZE / 2, null)));
                for (OrganisationRepository.Statement part : parts) {
                    // The index read in order from where the part starts: no sort, and no OFFSET to step through.
                    assertThat(plan(part)).as("%s: %s", deep, part.sql()).contains("/* index sorted */")
                            .doesNotContain("OFFSET");
                }
            }
        }
    }

    /**
     * One category's interviewed are most of the records of the category's index: SQL walks it to the
     * page, rather than the search index answering, which it can once it has taken in the records.
     */
    @Test
    void shouldWalkTheIndexHoldingMostOfAFiltersMatchesRatherThanAskTheSearchIndexOnH2() {
        assumeFalse(url.startsWith("jdbc:postgresql:"), "H2 only: PostgreSQL's planner chooses its index itself");
        fill();
        SearchIndexes.awaitCurrent(index);
        assertWalked(query(Category.values()[1], false, null, OutreachStatus.INTERVIEWED, null, null),
                "organisation_category_name");
    }

    /**
     * A filter on the sorted column starts the walk of the sort's index at its value, where only that
     * value's records lie: one category's first page by category, alone or with a status, is read from
     * there rather than from the search index's hundreds of matches.
     */
    @Test
    void shouldWalkTheSortIndexFromTheSortedColumnsFilteredValueOnH2() {
        assumeFalse(url.startsWith("jdbc:postgresql:"), "H2 only: PostgreSQL's planner chooses its index itself");
        fill();
        SearchIndexes.awaitCurrent(index);
        for (OutreachStatus status : Arrays.asList(null, OutreachStatus.INTERVIEWED)) {
            assertWalked(new OrganisationQuery(null, Category.values()[1], false, null, status, null, null, null, null,
                    OrganisationQuery.Sort.CATEGORY, false, 1, OrganisationQuery.DEFAULT_SIZE), "organisation_category_order");
        }
    }

    /** The first page is the list's, and read by SQL walking this index, though the search index could answer. */
    private void assertWalked(OrganisationQuery query, String walked) {
        assertThat(index.filter(query)).as("the search index could answer").isPresent();
        List<Long> whole = new ArrayList<>();
        repository.forEach(query, o -> whole.add(o.id()));
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            List<Long> page = repository.search(query).items().stream().map(Organisation::id).toList();
            assertThat(page).isEqualTo(whole.subList(0, OrganisationQuery.DEFAULT_SIZE));
            assertThat(jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class))
                    .as("%s", query).anyMatch(sql -> sql.contains("USE INDEX (" + walked + ")"));
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    private String unsortedPlan(OrganisationRepository.Statement statement) {
        return transactions.execute(status -> {
            for (String setting : List.of("enable_sort", "enable_bitmapscan", "enable_seqscan")) {
                jdbc.execute("SET LOCAL " + setting + " = off");
            }
            return plan(statement);
        });
    }

    private String plan(OrganisationRepository.Statement statement) {
        return String.join("\n", named.queryForList("EXPLAIN " + statement.sql(), statement.params(), String.class));
    }

    private static OrganisationQuery query(Category category, boolean unclassified, String area, OutreachStatus status,
            Boolean followUp, Boolean wellInformed) {
        return new OrganisationQuery(null, category, unclassified, area, status, null, followUp, null, wellInformed,
                OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE);
    }

    /** Spread as the 2007 mapping's register was: most interviewed or listed, some excluded, a tenth unclassified. */
    private void fill() {
        Random random = new Random(74);
        List<String> areaNames = areas.areas();
        Category[] categories = Category.values();
        List<OrganisationDetails> batch = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            int roll = random.nextInt(100);
            OutreachStatus status = roll < 60 ? OutreachStatus.INTERVIEWED : roll < 75 ? OutreachStatus.LISTED
                    : roll < 95 ? OutreachStatus.EXCLUDED : OutreachStatus.UNREACHABLE;
            boolean interviewed = status == OutreachStatus.INTERVIEWED;
            batch.add(OrganisationDetails.of("Organisation " + random.nextInt(SIZE), status)
                    .with(OrganisationField.CATEGORY, random.nextInt(10) == 0 ? null : categories[random.nextInt(categories.length)])
                    .with(OrganisationField.AREA, random.nextInt(10) == 0 ? null : areaNames.get(random.nextInt(areaNames.size())))
                    .with(OrganisationField.EXCLUSION_REASON, status == OutreachStatus.EXCLUDED ? ExclusionReason.values()[0] : null)
                    .with(OrganisationField.INTERVIEW_DATE, interviewed ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(60)) : null)
                    .with(OrganisationField.FOLLOW_UP, interviewed ? random.nextInt(3) == 0 : null)
                    .with(OrganisationField.WELL_INFORMED, interviewed ? random.nextBoolean() : null));
            if (batch.size() == 5_000) {
                service.createAll(batch, null);
                batch.clear();
            }
        }
    }
}
