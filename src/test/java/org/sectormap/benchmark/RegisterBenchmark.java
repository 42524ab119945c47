package org.sectormap.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Tag;
import org.sectormap.comment.ThemeService;
import org.junit.jupiter.api.Test;
import org.sectormap.organisation.Areas;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.organisation.InterviewMode;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.organisation.QueryParameters;
import org.sectormap.organisation.SearchIndexes;
import org.sectormap.report.ReportService;
import org.sectormap.shared.DerivedTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.sectormap.shared.RegisterReplaced;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fills the register with 100,000 organisations and prints the median time of the list's
 * searches and of each report, with each figure's ratio to a baseline measured in the same run:
 * loading the whole table, which is what a page of the list must never do. Not a timed test:
 * it prints figures and asserts only that the results are right. Run it with
 * {@code ./mvnw -Pbenchmark test} (add {@code -Dbenchmark.url=jdbc:postgresql://...} and
 * {@code -Dbenchmark.user/-Dbenchmark.password} for PostgreSQL).
 */
@Tag("benchmark")
// Each run's search is timed as a first visit would find it: an estimated total kept from a run before
// would time a lookup in memory, not the search (bench/http times the app as it runs, totals kept).
@SpringBootTest(properties = {"sectormap.search.estimate-kept=0s", "sectormap.search.common-word-from=2000"})
@AutoConfigureMockMvc
@WithMockUser(roles = "ADMIN")
@Import(SentStatements.Recording.class)
class RegisterBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("benchmark.organisations", 100_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 25);
    private static final int WARM_UP = 5;
    /**
     * Each operation is also run before it is timed until this long has passed: a server answers a search
     * from its code compiled, and five runs left it interpreted (a word's first page took 2.4 ms over
     * five runs of warming, 0.8 ms after thousands). Its few arguments are used in turn.
     */
    private static final long WARM_UP_NANOS = Long.getLong("benchmark.warmUpMillis", 2_000) * 1_000_000;
    /** Times only the operations whose name holds this (and the baseline), for a long run at 1,000,000. */
    private static final String ONLY = System.getProperty("benchmark.only", "");
    /** Also times every filter set with every sort (ListSweep): some minutes at 1,000,000. */
    private static final boolean SWEEP = Boolean.getBoolean("benchmark.sweep");
    /**
     * Over how many days from 1 July 2007 the interviews fall: the 2007 mapping's three weeks by default,
     * more for a register built up over years (each day a group of the date tally).
     */
    private static final int INTERVIEW_DAYS = Integer.getInteger("benchmark.interviewDays", 21);
    private static final List<String> TALLIES = List.of("organisation_tally", "organisation_block_tally",
            "organisation_date_tally");

    @Autowired
    OrganisationService organisations;

    @Autowired
    QueryParameters parameters;

    @Autowired
    ReportService reports;

    @Autowired
    ThemeService themes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Areas areas;

    @Autowired
    MockMvc mvc;

    @Autowired
    List<DerivedTables> derived;

    @Autowired
    ApplicationContext spring;

    @Test
    void benchmarkTheListAndTheReports() throws Exception {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        double loadBefore = loadAverage();
        ResearchRecords research = new ResearchRecords(jdbc);
        // A run at a million fills for half an hour: a later run may measure the register an earlier one left.
        // OpenReferralBenchmark, run after it by the same command, fills its own register in its place; the
        // comments, linked to no organisation, outlive that, but not the contact attempts.
        boolean reuse = Boolean.getBoolean("benchmark.reuse") && organisations.count() == ORGANISATIONS
                && jdbc.queryForObject("SELECT COUNT(*) FROM comment_theme", Long.class) > 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Long.class) > 0;
        long fillMillis = reuse ? 0 : fill();
        long researchStart = System.nanoTime();
        long researchRows = 0;
        if (reuse) {
            research.reuse();
        } else {
            researchRows = research.fill(ORGANISATIONS);
            // Written below the app, so counted afresh as a restore counts them.
            derived.forEach(tables -> tables.recount().forEach(jdbc::update));
        }
        long researchMillis = (System.nanoTime() - researchStart) / 1_000_000;
        long indexStart = System.nanoTime();
        boolean indexed = SearchIndexes.enabled(spring);
        if (indexed) {
            // H2's search index takes a large fill in in the background; until then LIKE answers.
            SearchIndexes.awaitCurrent(spring);
        }
        long indexMillis = (System.nanoTime() - indexStart) / 1_000_000;
        long marksMillis = indexed ? 0 : awaitMarks();
        if (database.startsWith("PostgreSQL")) {
            // What autovacuum does to a table once its inserts settle: index-only scans read only
            // the index on pages it has marked all-visible.
            for (String table : List.of("organisation", "organisation_tally", "contact_attempt", "interview",
                    "anonymous_comment", "comment_theme", "organisation_word", "search_word")) {
                jdbc.execute("VACUUM ANALYZE " + table);
            }
        }
        assertThat(organisations.count()).isEqualTo(ORGANISATIONS);
        long themeId = jdbc.queryForObject("SELECT theme_id FROM comment_theme GROUP BY theme_id "
                + "ORDER BY COUNT(*) DESC, theme_id FETCH FIRST 1 ROWS ONLY", Long.class);

        // Each run varies its parameters, so no database can answer it from a cached result.
        String[] areaNames = areas.areas().toArray(String[]::new);
        String[] words = {"network", "forum", "partnership", "council", "trust"};
        String[] categories = Arrays.stream(Category.values()).map(Category::code).toArray(String[]::new);
        Map<String, IntConsumer> operations = new LinkedHashMap<>();
        operations.put("baseline: load the whole table", this::loadWholeTable);
        operations.put("list, first page (25, by name)", run -> page(Map.of("page", String.valueOf(1 + run % 3))));
        operations.put("search a word, first page", run -> page(Map.of("q", words[run % words.length])));
        operations.put(SEARCH_ALONE, alone(indexed, run -> Map.of("q", words[run % words.length]), words.length));
        operations.put("search a word with filters, first page", run -> page(searchFiltered(words, run)));
        operations.put(FILTERED_ALONE, alone(indexed, run -> searchFiltered(words, run), words.length));
        // A viewer's search is kept out of contacts' names, which the search text holds.
        operations.put("a viewer's search for a word, first page",
                run -> viewerPage(Map.of("q", words[run % words.length])));
        operations.put("a viewer's search with filters, first page", run -> viewerPage(searchFiltered(words, run)));
        operations.put("filtered page 3 (category, area, status)",
                run -> page(Map.of("category", "bme-infrastructure", "area", areaNames[run % areaNames.length],
                        "status", "interviewed", "page", "3")));
        operations.put("filtered by tick boxes, sorted by date desc",
                run -> page(Map.of("status", "interviewed", "followUp", run % 2 == 0 ? "yes" : "no",
                        "sort", "interview-date", "dir", "desc")));
        // Every sort both ways, alone and under a filter keeping most records (which H2 used to read and sort whole).
        for (String sort : new String[] {"category", "area", "status", "interview-date"}) {
            for (String dir : new String[] {"asc", "desc"}) {
                operations.put("by " + sort + " " + dir + ", first page", run -> page(Map.of("sort", sort, "dir", dir)));
                operations.put("interviewed, by " + sort + " " + dir + ", first page",
                        run -> page(Map.of("status", "interviewed", "sort", sort, "dir", dir)));
            }
        }
        operations.put("one area, by name desc, first page",
                run -> page(Map.of("area", areaNames[run % areaNames.length], "dir", "desc")));
        operations.put("follow-up yes, by name, first page", run -> page(Map.of("followUp", "yes")));
        operations.put("one category, by name, first page",
                run -> page(Map.of("category", categories[run % categories.length], "dir", run % 2 == 0 ? "asc" : "desc")));
        operations.put("one category's interviewed, by name, first page",
                run -> page(Map.of("category", categories[run % categories.length], "status", "interviewed",
                        "dir", run % 2 == 0 ? "asc" : "desc")));
        operations.put("one category keen for follow-up, by name, first page",
                run -> page(Map.of("category", categories[run % categories.length], "followUp", "yes")));
        // Every combination of two or more of the commonest filters, by name: H2 read and sorted the
        // matches of any that no index holds in name order.
        String[] filters = {"category", "area", "status", "followUp"};
        for (int mask = 1; mask < 1 << filters.length; mask++) {
            if (Integer.bitCount(mask) < 2) {
                continue;
            }
            int chosen = mask;
            List<String> names = IntStream.range(0, filters.length).filter(i -> (chosen & 1 << i) != 0)
                    .mapToObj(i -> filters[i]).toList();
            operations.put("by name within " + String.join(" + ", names) + ", first page", run -> {
                Map<String, String> params = new HashMap<>();
                for (String name : names) {
                    params.put(name, switch (name) {
                        case "category" -> categories[run % categories.length];
                        case "area" -> areaNames[run % areaNames.length];
                        case "status" -> "interviewed";
                        default -> "yes";
                    });
                }
                page(params);
            });
        }
        // A category holds about a sixth of the register in the generated spread.
        int categoryMiddle = ORGANISATIONS / 6 / 25 / 2;
        operations.put(String.format("one category, deep page %,d (by name)", categoryMiddle),
                run -> page(Map.of("category", categories[run % categories.length],
                        "page", String.valueOf(categoryMiddle + run))));
        operations.put("unclassified, by interview date desc, first page",
                run -> page(Map.of("category", "unclassified", "sort", "interview-date", "dir", "desc")));
        int middlePage = ORGANISATIONS / 25 / 2;
        // Every description holds "organisation": on H2, pages past the thousandth hit are selected across
        // the search index's segments (SortedHits), the first thousand taken through a queue.
        for (int wordPage : new int[] {39, 41, 400, middlePage}) {
            operations.put(String.format("a word in every record, deep page %,d (by name)", wordPage),
                    run -> page(Map.of("q", "organisation", "page", String.valueOf(wordPage + run % 2))));
        }
        // A viewer's search, whose words' entries standing only in contacts' names are left out (V190),
        // its deep page placed by marks of their own (V192); and a sort by a group, placed by the marks
        // of the word's groups (V195).
        operations.put(String.format("a word in every record, viewer, deep page %,d (by name)", middlePage),
                run -> viewerPage(Map.of("q", "organisation", "page", String.valueOf(middlePage + run % 2))));
        operations.put(String.format("a word in every record, deep page %,d (by status)", middlePage),
                run -> page(Map.of("q", "organisation", "sort", "status", "page", String.valueOf(middlePage + run % 2))));
        operations.put(String.format("deep page %,d (by name)", middlePage),
                run -> page(Map.of("page", String.valueOf(middlePage + run))));
        int interviewedMiddle = ORGANISATIONS * 6 / 10 / 25 / 2;
        operations.put(String.format("interviewed, deep page %,d (by name)", interviewedMiddle),
                run -> page(Map.of("status", "interviewed", "page", String.valueOf(interviewedMiddle + run))));
        operations.put(String.format("deep page %,d (by name, descending)", middlePage),
                run -> page(Map.of("dir", "desc", "page", String.valueOf(middlePage + run))));
        for (String sort : List.of("status", "area", "category")) {
            // Past the middle of those holding a value, a page is read from the other end.
            int sortedMiddle = ORGANISATIONS / 25 / 3;
            operations.put(String.format("by %s, deep page %,d", sort, sortedMiddle),
                    run -> page(Map.of("sort", sort, "page", String.valueOf(sortedMiddle + run))));
        }
        // Three in five are interviewed, on one of 21 days, and only they have an interview date: the rest
        // follow them by id, in either direction.
        int datedThird = ORGANISATIONS / 25 / 3;
        int undatedMiddle = ORGANISATIONS * 4 / 5 / 25;
        for (String dir : List.of("asc", "desc")) {
            operations.put(String.format("by interview-date %s, deep page %,d", dir, datedThird),
                    run -> page(Map.of("sort", "interview-date", "dir", dir, "page", String.valueOf(datedThird + run))));
            operations.put(String.format("by interview-date %s, deep page %,d (undated)", dir, undatedMiddle),
                    run -> page(Map.of("sort", "interview-date", "dir", dir, "page", String.valueOf(undatedMiddle + run))));
        }
        // Only the interviewed have an interview date in the generated spread: the listed follow by id.
        operations.put("listed, by interview-date desc, first page",
                run -> page(Map.of("status", "listed", "sort", "interview-date", "dir", "desc")));
        // The same within an area or a category: the status's undated part there, by id.
        operations.put("one area's listed, by interview-date desc, first page",
                run -> page(Map.of("status", "listed", "area", areaNames[run % areaNames.length],
                        "sort", "interview-date", "dir", "desc")));
        operations.put("one category's listed, by interview-date desc, first page",
                run -> page(Map.of("status", "listed", "category", categories[run % categories.length],
                        "sort", "interview-date", "dir", "desc")));
        int listedMiddle = ORGANISATIONS * 3 / 20 / 25 / 2;
        operations.put(String.format("listed, by interview-date, deep page %,d", listedMiddle),
                run -> page(Map.of("status", "listed", "sort", "interview-date", "page", String.valueOf(listedMiddle + run))));
        operations.put(String.format("interviewed, by interview-date, deep page %,d", interviewedMiddle),
                run -> page(Map.of("status", "interviewed", "sort", "interview-date",
                        "page", String.valueOf(interviewedMiddle + run))));
        // A tick box holds a fifth of the register in the generated spread; no index holds its records by name.
        int tickedMiddle = ORGANISATIONS / 5 / 25 / 2;
        operations.put(String.format("keen for follow-up, deep page %,d (by name)", tickedMiddle),
                run -> page(Map.of("followUp", "yes", "page", String.valueOf(tickedMiddle + run))));
        int untickedMiddle = ORGANISATIONS * 4 / 5 / 25 / 2;
        operations.put(String.format("not keen for follow-up, deep page %,d (by name)", untickedMiddle),
                run -> page(Map.of("followUp", "no", "page", String.valueOf(untickedMiddle + run))));
        // One in ten has no category.
        int unclassifiedMiddle = ORGANISATIONS / 10 / 25 / 2;
        operations.put(String.format("unclassified, deep page %,d (by name)", unclassifiedMiddle),
                run -> page(Map.of("category", "unclassified", "page", String.valueOf(unclassifiedMiddle + run))));
        int areaMiddle = ORGANISATIONS / areaNames.length / 25 / 2;
        operations.put(String.format("one area, deep page %,d (by name)", areaMiddle),
                run -> page(Map.of("area", areaNames[run % areaNames.length], "page", String.valueOf(areaMiddle + run))));
        // What no marks place: a word in every record within an area, and a word that is part of two
        // marked words ("leicester", of "leicester" and "leicestershire", each an area's), in the middle.
        operations.put(String.format("a word in every record, one area, deep page %,d (by name)", areaMiddle),
                run -> page(Map.of("q", "organisation", "area", areaNames[run % areaNames.length],
                        "page", String.valueOf(areaMiddle + run % 2))));
        operations.put(String.format("a word of two marked words, deep page %,d (by name)", 2 * areaMiddle),
                run -> page(Map.of("q", "leicester", "page", String.valueOf(2 * areaMiddle + run % 2))));
        // Two filters that no one index holds in name order, a page in the middle of their matches (on
        // PostgreSQL the filters' own indexes read side by side).
        Map<String, Map<String, String>> pairs = new LinkedHashMap<>();
        pairs.put("one category in one area", Map.of("category", categories[0], "area", areaNames[0]));
        pairs.put("one category's listed", Map.of("category", categories[0], "status", "listed"));
        pairs.put("interviewed keen for follow-up", Map.of("status", "interviewed", "followUp", "yes"));
        // Sorted by status, area or category within a filter on another of them (then by id), in the middle.
        pairs.put("the interviewed by area", Map.of("status", "interviewed", "sort", "area"));
        pairs.put("one category by status", Map.of("category", categories[0], "sort", "status", "dir", "desc"));
        pairs.put("one area by category", Map.of("area", areaNames[0], "sort", "category"));
        // None of the listed has an interview date: the page lies among the undated, by id.
        pairs.put("one category's listed by interview date", Map.of("category", categories[0], "status", "listed",
                "sort", "interview-date", "dir", "desc"));
        pairs.put("one area's listed by interview date", Map.of("area", areaNames[0], "status", "listed",
                "sort", "interview-date"));
        pairs.forEach((name, pair) -> {
            long middle = organisations.search(parameters.read(pair)).total() / 25 / 2;
            // Ten pages from the middle on, fewer where the matches hold fewer (hundreds of areas make small pairs).
            long spread = Math.max(1, Math.min(10, middle));
            operations.put(String.format("%s, deep page %,d%s", name, middle, pair.containsKey("sort") ? "" : " (by name)"), run -> {
                Map<String, String> params = new HashMap<>(pair);
                params.put("page", String.valueOf(middle + run % spread));
                page(params);
            });
        });
        int recordAt = ORGANISATIONS * 2 / 5;
        operations.put(String.format("review mode, record %,d", recordAt),
                run -> page(Map.of("page", String.valueOf(recordAt + run), "size", "1")));

        operations.put("report: by category (Table 1)", run -> reports.byCategory());
        operations.put("report: by area (Table 2)", run -> reports.byArea());
        operations.put("report: engagement (section B)", run -> reports.engagement());
        operations.put("report: outreach funnel", run -> reports.outreach());
        operations.put("report: themes (comments by theme and section)", run -> themes.summary());
        operations.put("report: Appendix 1, first page", run -> reports.interviewees(1));
        int lastPage = reports.interviewees(1).pageCount();
        operations.put("report: Appendix 1, last page", run -> reports.interviewees(lastPage));
        long withFifty = research.withFiftyAttempts();
        operations.put("organisation page with 50 attempts (HTTP)", run -> page("/organisations/" + withFifty));
        operations.put("comments under the largest theme (HTTP)", run -> page("/themes/" + themeId));
        operations.put("every comment, first page (HTTP)", run -> page("/comments"));
        operations.put("outreach: the morning list (HTTP)", run -> page("/outreach"));
        operations.put("outreach: keen for follow-up, first page (HTTP)", run -> page("/outreach/follow-up"));

        // The same answers' SQL alone, run bare through JDBC: what the app's time is compared with.
        Map<String, IntConsumer> raw = new LinkedHashMap<>();
        raw.put("report: by category (Table 1)", run -> jdbc.queryForList("SELECT category, status, "
                + "SUM(organisations) FROM organisation_tally GROUP BY category, status"));
        raw.put("report: Appendix 1, first page", run -> jdbc.queryForList("SELECT id, name, category, area "
                + "FROM organisation WHERE status = 'interviewed' AND area = ? ORDER BY name_sort, id "
                + "FETCH FIRST 100 ROWS ONLY", areaNames[0]));
        raw.put("organisation page with 50 attempts (HTTP)", run -> {
            jdbc.queryForList("SELECT * FROM organisation WHERE id = ?", withFifty);
            jdbc.queryForList("SELECT * FROM contact_attempt WHERE organisation_id = ? ORDER BY attempted_on DESC, id DESC",
                    withFifty);
        });
        raw.put("comments under the largest theme (HTTP)", run -> jdbc.queryForList("SELECT c.* FROM anonymous_comment c "
                + "WHERE EXISTS (SELECT 1 FROM comment_theme ct WHERE ct.comment_id = c.id AND ct.theme_id = ?) "
                + "ORDER BY c.section_code, c.id FETCH FIRST 50 ROWS ONLY", themeId));

        operations.keySet().removeIf(name -> !name.startsWith("baseline") && !name.contains(ONLY));
        Map<String, double[]> results = new LinkedHashMap<>();
        operations.forEach((name, op) -> {
            String alone = ALONE.get(name);
            if (ALONE.containsValue(name)) {
                return;
            }
            if (alone != null && operations.containsKey(alone)) {
                // Run by run in turn, so the app's search and the index's query alone meet the same caches.
                double[][] both = measureInTurn(op, operations.get(alone), this::touchOneRecord);
                results.put(name, both[0]);
                results.put(alone, both[1]);
            } else {
                results.put(name, measure(op, this::touchOneRecord));
            }
        });
        Map<String, double[]> rawResults = new LinkedHashMap<>();
        raw.forEach((name, op) -> rawResults.put(name, measure(op, this::touchOneRecord)));
        double baseline = median(results.values().iterator().next());
        String stream = streamAppendix();

        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSector Map benchmark: %,d organisations on %s%n", ORGANISATIONS, database));
        if (reuse) {
            out.append("The register an earlier run filled, reused (-Dbenchmark.reuse=true)\n");
        } else {
            out.append(String.format("Filled in %,d ms (%,.0f rows/s)%n", fillMillis, ORGANISATIONS * 1000.0 / fillMillis));
            out.append(String.format("Research record: %,d rows (attempts, interviews, comments and their themes) in %,d ms "
                    + "(%,.0f rows/s)%n", researchRows, researchMillis, researchRows * 1000.0 / researchMillis));
        }
        if (indexed) {
            out.append(String.format("Search index caught up %,d ms after the fill%n", indexMillis));
        } else {
            out.append(String.format("Marks in the list orders and the commonest words taken in %,d ms after the fill%n", marksMillis));
        }
        // Their size follows the variety of the data (areas, interview days), and each grouped deep page sums them.
        out.append(String.format("Tallies: %s%n", TALLIES.stream().map(t -> String.format("%s %,d rows", t,
                jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class))).collect(Collectors.joining(", "))));
        out.append(String.format("%-52s %10s %10s %12s %10s %10s%n", "operation", "median ms", "p90 ms", "÷ baseline",
                "raw SQL ms", "÷ raw"));
        results.forEach((name, times) -> {
            double[] bare = rawResults.get(name);
            out.append(String.format("%-52s %10.2f %10.2f %12.4f %10s %10s%n", name, median(times),
                    percentile(times, 0.9), median(times) / baseline,
                    bare == null ? "" : String.format("%.2f", median(bare)),
                    bare == null ? "" : String.format("%.2f", median(times) / median(bare))));
        });
        // Both searches and what each sends alone, which -Dbenchmark.only may have left out.
        if (Stream.of("search a word, first page", SEARCH_ALONE, "search a word with filters, first page", FILTERED_ALONE)
                .allMatch(results::containsKey)) {
            out.append(String.format("search ÷ %s: %.2f; with filters: %.2f%n",
                    indexed ? "the index's query" : "the SQL it sends", median(results.get("search a word, first page"))
                            / median(results.get(SEARCH_ALONE)),
                    median(results.get("search a word with filters, first page")) / median(results.get(FILTERED_ALONE))));
        }
        out.append(stream);
        if (SWEEP) {
            out.append(new ListSweep(organisations, parameters).sweep(categories[0], areaNames[0], 3));
        }
        Runtime runtime = Runtime.getRuntime();
        out.append(String.format("Heap: %,d MB used of %,d MB (maximum %,d MB); peak of the heap's pools at most %,d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20,
                runtime.maxMemory() >> 20, ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20));
        out.append(String.format("Load average: %.2f before filling, %.2f at the end%n", loadBefore, loadAverage()));
        System.out.println(out);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void page(String path) {
        try {
            mvc.perform(get(path)).andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appendix 1 written as CSV to nowhere, as the download writes it, three times; the heap is
     * sampled as it goes, so a download that held the rows would show.
     */
    private String streamAppendix() {
        StringBuilder out = new StringBuilder();
        for (int run = 0; run < 3; run++) {
            AtomicLong rows = new AtomicLong();
            long[] heapPeak = {0};
            Runtime runtime = Runtime.getRuntime();
            long start = System.nanoTime();
            try (CSVPrinter csv = CSVFormat.RFC4180.print(new OutputStreamWriter(OutputStream.nullOutputStream(),
                    StandardCharsets.UTF_8))) {
                reports.forEachInterviewee((area, o) -> {
                    try {
                        csv.printRecord(area, o.name(), o.category() == null ? "" : o.category().code());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (rows.incrementAndGet() % 50_000 == 0) {
                        heapPeak[0] = Math.max(heapPeak[0], runtime.totalMemory() - runtime.freeMemory());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.append(String.format("Appendix 1 as CSV, run %d: %,d rows in %.2f s = %,.0f rows/s, heap sampled at most %,d MB%n",
                    run + 1, rows.get(), seconds, rows.get() / seconds, heapPeak[0] >> 20));
        }
        return out.toString();
    }

    private static Map<String, String> searchFiltered(String[] words, int run) {
        return Map.of("q", words[run % words.length], "category", "bme-infrastructure", "status", "interviewed",
                "sort", "interview-date", "dir", "desc");
    }

    private void raw(Map<String, String> params) {
        assertThat(SearchIndexes.rawSearch(spring, params).getKey()).isPositive();
    }

    /**
     * On PostgreSQL, until the marks of the list orders and of the commonest words take a fill's changes
     * in (once a minute, OrderMarks and WordMarks), a deep page is read by OFFSET: waits for them, as a
     * user a minute later would. The words are listed at the first marking after start, where records
     * enough hold the word every generated record holds.
     */
    private long awaitMarks() throws InterruptedException {
        long start = System.nanoTime();
        // A register marked before V164 is marked again for the orders added since.
        while (jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM organisation_order_change "
                + "FETCH FIRST 20001 ROWS ONLY) c", Long.class) > 20_000
                || jdbc.queryForObject("SELECT COUNT(*) FROM organisation_order_marking WHERE orders = ''", Long.class) > 0
                || jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM common_word_change "
                        + "FETCH FIRST 20001 ROWS ONLY) c", Long.class) > 20_000
                || ORGANISATIONS >= 2_000 && jdbc.queryForObject("SELECT COUNT(*) FROM common_word WHERE records IS NOT NULL",
                        Long.class) == 0
                || jdbc.queryForObject("SELECT COUNT(*) FROM common_word WHERE records IS NULL", Long.class) > 0) {
            assertThat(System.nanoTime() - start).as("marks taken in within five minutes").isLessThan(300_000_000_000L);
            Thread.sleep(1_000);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void page(Map<String, String> params) {
        assertThat(organisations.search(parameters.read(params)).items()).isNotEmpty();
    }

    private void viewerPage(Map<String, String> params) {
        assertThat(organisations.search(parameters.read(params).withContactsHidden()).items()).isNotEmpty();
    }

    private void loadWholeTable(int run) {
        AtomicLong rows = new AtomicLong();
        jdbc.query("SELECT * FROM organisation WHERE id > ?", rs -> {
            rs.getString("name");
            rs.getString("description");
            rows.incrementAndGet();
        }, -1 - run);
        assertThat(rows.get()).isEqualTo(ORGANISATIONS);
    }

    /**
     * H2 answers a repeated query from a cached result while its tables are unchanged, which
     * would time nothing; in real use the register changes between views, so one record changes
     * (untimed) before every run.
     */
    private void touchOneRecord(int run) {
        jdbc.update("UPDATE organisation SET version = version + 1 WHERE id = (SELECT MIN(id) FROM organisation)");
    }

    private static double[] measure(IntConsumer operation, IntConsumer beforeEachRun) {
        long warming = System.nanoTime();
        for (int i = 0; i < WARM_UP || System.nanoTime() - warming < WARM_UP_NANOS; i++) {
            beforeEachRun.accept(i % WARM_UP);
            operation.accept(RUNS + i % WARM_UP);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            beforeEachRun.accept(i);
            long start = System.nanoTime();
            operation.accept(i);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        return millis;
    }

    private static final String SEARCH_ALONE = "  search: its query alone";
    private static final String FILTERED_ALONE = "  search with filters: its query alone";

    /**
     * Each search of the app, and what it is compared with: on H2 the search index's query alone, on
     * PostgreSQL the statements the app sent for the same search, sent again bare through JDBC.
     */
    private static final Map<String, String> ALONE = Map.of(
            "search a word, first page", SEARCH_ALONE,
            "search a word with filters, first page", FILTERED_ALONE);

    /** A search's query alone, run by run: the search index's, or the SQL the app sends for it, recorded once a search. */
    private IntConsumer alone(boolean indexed, IntFunction<Map<String, String>> search, int searches) {
        if (indexed) {
            return run -> raw(search.apply(run));
        }
        List<List<SentStatements.Sent>> sent = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            Map<String, String> params = search.apply(i);
            sent.add(SentStatements.during(() -> page(params)));
        }
        return run -> SentStatements.replay(dataSource, sent.get(run % searches));
    }

    /** Two operations timed alternately, the first going first in even runs and second in odd ones. */
    private static double[][] measureInTurn(IntConsumer first, IntConsumer second, IntConsumer beforeEachRun) {
        long warming = System.nanoTime();
        for (int i = 0; i < WARM_UP || System.nanoTime() - warming < WARM_UP_NANOS; i++) {
            beforeEachRun.accept(i % WARM_UP);
            first.accept(RUNS + i % WARM_UP);
            second.accept(RUNS + i % WARM_UP);
        }
        double[][] millis = new double[2][RUNS];
        for (int i = 0; i < RUNS; i++) {
            for (int k = 0; k < 2; k++) {
                int which = (i + k) % 2;
                beforeEachRun.accept(i);
                long start = System.nanoTime();
                (which == 0 ? first : second).accept(i);
                millis[which][i] = (System.nanoTime() - start) / 1_000_000.0;
            }
        }
        return millis;
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** A reproducible register shaped like the report's: mostly interviewed or listed, some excluded. */
    private long fill() {
        ResearchRecords.empty(jdbc);
        jdbc.update("DELETE FROM organisation");
        // Emptied below the app, as a new register starts: with nothing counted.
        for (String tally : TALLIES) {
            jdbc.update("DELETE FROM " + tally);
        }
        // Emptied past the repository: what is kept beside the table (H2's search index) starts again.
        spring.publishEvent(new RegisterReplaced());
        Random random = new Random(2007);
        List<String> areaList = areas.areas();
        Category[] categories = Category.values();
        String[] words = {"Network", "Forum", "Partnership", "Council", "Trust", "Voluntary Action", "REC", "CVS",
                "Consortium", "Community Foundation"};
        long start = System.nanoTime();
        List<OrganisationDetails> batch = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            int roll = random.nextInt(100);
            OutreachStatus status = roll < 60 ? OutreachStatus.INTERVIEWED : roll < 75 ? OutreachStatus.LISTED
                    : roll < 95 ? OutreachStatus.EXCLUDED : OutreachStatus.UNREACHABLE;
            boolean interviewed = status == OutreachStatus.INTERVIEWED;
            String area = areaList.get(random.nextInt(areaList.size()));
            batch.add(OrganisationDetails.of(area + " " + words[random.nextInt(words.length)] + " " + i, status)
                .with(OrganisationField.CATEGORY, random.nextInt(10) == 0 ? null : categories[random.nextInt(categories.length)])
                .with(OrganisationField.AREA, area)
                .with(OrganisationField.COVERAGE, area + " and surrounding villages")
                .with(OrganisationField.ADDRESS, i + " High Street")
                .with(OrganisationField.PHONE, "0115 496 0" + (i % 1000))
                .with(OrganisationField.EMAIL, "info" + i + "@example.org.uk")
                .with(OrganisationField.WEBSITE, "https://example.org.uk/" + i)
                .with(OrganisationField.CONTACT_NAME, "Contact " + i)
                .with(OrganisationField.CONTACT_ROLE, "Coordinator")
                .with(OrganisationField.DESCRIPTION, "Supports community groups working with children and young people; organisation " + i)
                .with(OrganisationField.EXCLUSION_REASON, status == OutreachStatus.EXCLUDED ? ExclusionReason.values()[random.nextInt(3)] : null)
                .with(OrganisationField.INTERVIEW_DATE, interviewed ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(INTERVIEW_DAYS)) : null)
                .with(OrganisationField.INTERVIEW_MODE, interviewed ? InterviewMode.values()[random.nextInt(2)] : null)
                .with(OrganisationField.FULL_INTERVIEW, interviewed && random.nextInt(10) < 8)
                .with(OrganisationField.FOLLOW_UP, interviewed && random.nextInt(3) == 0)
                .with(OrganisationField.CYP_BOARD, interviewed && random.nextInt(3) == 0)
                .with(OrganisationField.WELL_INFORMED, interviewed && random.nextInt(2) == 0));
            if (batch.size() == 5_000) {
                organisations.createAll(batch, null);
                batch.clear();
            }
        }
        organisations.createAll(batch, null);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
