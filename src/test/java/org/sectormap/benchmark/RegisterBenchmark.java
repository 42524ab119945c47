package org.sectormap.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
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
import org.sectormap.shared.RegisterReplaced;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the register with 100,000 organisations and prints the median time of the list's
 * searches and of each report, with each figure's ratio to a baseline measured in the same run:
 * loading the whole table, which is what a page of the list must never do. Not a timed test:
 * it prints figures and asserts only that the results are right. Run it with
 * {@code ./mvnw -Pbenchmark test} (add {@code -Dbenchmark.url=jdbc:postgresql://...} and
 * {@code -Dbenchmark.user/-Dbenchmark.password} for PostgreSQL).
 */
@Tag("benchmark")
@SpringBootTest
class RegisterBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("benchmark.organisations", 100_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 25);
    private static final int WARM_UP = 5;
    /** Times only the operations whose name holds this (and the baseline), for a long run at 1,000,000. */
    private static final String ONLY = System.getProperty("benchmark.only", "");

    @Autowired
    OrganisationService organisations;

    @Autowired
    QueryParameters parameters;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Areas areas;

    @Autowired
    ApplicationContext spring;

    @Test
    void benchmarkTheListAndTheReports() throws Exception {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
        long fillMillis = fill();
        long indexStart = System.nanoTime();
        boolean indexed = SearchIndexes.enabled(spring);
        if (indexed) {
            // H2's search index takes a large fill in in the background; until then LIKE answers.
            SearchIndexes.awaitCurrent(spring);
        }
        long indexMillis = (System.nanoTime() - indexStart) / 1_000_000;
        if (database.startsWith("PostgreSQL")) {
            // What autovacuum does to a table once its inserts settle: index-only scans read only
            // the index on pages it has marked all-visible.
            jdbc.execute("VACUUM ANALYZE organisation");
        }
        assertThat(organisations.count()).isEqualTo(ORGANISATIONS);

        // Each run varies its parameters, so no database can answer it from a cached result.
        String[] areaNames = areas.areas().toArray(String[]::new);
        String[] words = {"network", "forum", "partnership", "council", "trust"};
        Map<String, IntConsumer> operations = new LinkedHashMap<>();
        operations.put("baseline: load the whole table", this::loadWholeTable);
        operations.put("list, first page (25, by name)", run -> page(Map.of("page", String.valueOf(1 + run % 3))));
        operations.put("search a word, first page", run -> page(Map.of("q", words[run % words.length])));
        if (indexed) {
            operations.put("  search: the index's query alone", run -> raw(Map.of("q", words[run % words.length])));
        }
        operations.put("search a word with filters, first page", run -> page(searchFiltered(words, run)));
        if (indexed) {
            operations.put("  search with filters: the index's query alone", run -> raw(searchFiltered(words, run)));
        }
        operations.put("filtered page 3 (category, area, status)",
                run -> page(Map.of("category", "bme-infrastructure", "area", areaNames[run % areaNames.length],
                        "status", "interviewed", "page", "3")));
        operations.put("filtered by tick boxes, sorted by date desc",
                run -> page(Map.of("status", "interviewed", "followUp", run % 2 == 0 ? "yes" : "no",
                        "sort", "interview-date", "dir", "desc")));
        int middlePage = ORGANISATIONS / 25 / 2;
        operations.put(String.format("deep page %,d (by name)", middlePage),
                run -> page(Map.of("page", String.valueOf(middlePage + run))));
        int recordAt = ORGANISATIONS * 2 / 5;
        operations.put(String.format("review mode, record %,d", recordAt),
                run -> page(Map.of("page", String.valueOf(recordAt + run), "size", "1")));

        operations.put("report: by category (Table 1)", run -> reports.byCategory());
        operations.put("report: by area (Table 2)", run -> reports.byArea());
        operations.put("report: engagement (section B)", run -> reports.engagement());
        operations.put("report: outreach funnel", run -> reports.outreach());
        operations.put("report: interviewees by area (Appendix 1)", run -> reports.interviewees());

        operations.keySet().removeIf(name -> !name.startsWith("baseline") && !name.contains(ONLY));
        Map<String, double[]> results = new LinkedHashMap<>();
        operations.forEach((name, op) -> results.put(name, measure(op, this::touchOneRecord)));
        double baseline = median(results.values().iterator().next());

        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSector Map benchmark: %,d organisations on %s%n", ORGANISATIONS, database));
        out.append(String.format("Filled in %,d ms (%,.0f rows/s)%n", fillMillis, ORGANISATIONS * 1000.0 / fillMillis));
        if (indexed) {
            out.append(String.format("Search index caught up %,d ms after the fill%n", indexMillis));
        }
        out.append(String.format("%-48s %12s %12s %14s%n", "operation", "median ms", "p90 ms", "÷ baseline"));
        results.forEach((name, times) -> out.append(String.format("%-48s %12.2f %12.2f %14.4f%n", name,
                median(times), percentile(times, 0.9), median(times) / baseline)));
        if (indexed && results.containsKey("search a word, first page")) {
            out.append(String.format("search ÷ the index's query: %.2f; with filters: %.2f%n",
                    median(results.get("search a word, first page"))
                            / median(results.get("  search: the index's query alone")),
                    median(results.get("search a word with filters, first page"))
                            / median(results.get("  search with filters: the index's query alone"))));
        }
        System.out.println(out);
    }

    private static Map<String, String> searchFiltered(String[] words, int run) {
        return Map.of("q", words[run % words.length], "category", "bme-infrastructure", "status", "interviewed",
                "sort", "interview-date", "dir", "desc");
    }

    private void raw(Map<String, String> params) {
        assertThat(SearchIndexes.rawSearch(spring, params).getKey()).isPositive();
    }

    private void page(Map<String, String> params) {
        OrganisationService.Page page = organisations.search(parameters.read(params));
        assertThat(page.items()).isNotEmpty();
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
        for (int i = 0; i < WARM_UP; i++) {
            beforeEachRun.accept(i);
            operation.accept(RUNS + i);
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
        jdbc.update("DELETE FROM organisation");
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
                .with(OrganisationField.INTERVIEW_DATE, interviewed ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(21)) : null)
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
