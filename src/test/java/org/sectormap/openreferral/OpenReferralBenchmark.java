package org.sectormap.openreferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.organisation.SearchIndexes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The feed's quality bar: {@code /services?page=2&per_page=50} over 100,000 published
 * organisations, through the whole web stack without signing in, timed and printed (median and
 * 90th percentile), as {@code ./mvnw -Pbenchmark test} runs it beside RegisterBenchmark; beside each,
 * the two SQL statements of the same answer (the total and the page) run bare through JDBC, and the
 * ratio of the two medians.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class OpenReferralBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("benchmark.organisations", 100_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 25);
    private static final int WARM_UP = 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext spring;

    @Test
    void benchmarkTheServicesPage() throws Exception {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        fill();
        if (SearchIndexes.enabled(spring)) {
            // H2's search index takes the fill in in the background; until then a search reads every record.
            SearchIndexes.awaitCurrent(spring);
        }
        if (database.equals("PostgreSQL")) {
            // What autovacuum does to a table once its inserts settle (here it came minutes later, under
            // load): the feed's count is read from the index alone only on pages marked all-visible.
            jdbc.execute("VACUUM ANALYZE organisation");
        }
        StringBuilder out = new StringBuilder(String.format("%nOpen Referral feed: %,d published organisations on %s%n",
                ORGANISATIONS, database));
        out.append(measure("/openreferral/services?page=2&per_page=50", "", 50));
        out.append(measure("/openreferral/services?page=1000&per_page=50", "", 49_950));
        out.append(measure("/openreferral/services?search=forum&page=2&per_page=50",
                " AND (name_sort LIKE '%forum%' OR LOWER(description) LIKE '%forum%')", 50));
        // A rare text: the numbers holding 4242, 20 in a hundred thousand and 299 in a million.
        out.append(measure("/openreferral/services?search=4242&per_page=5",
                " AND (name_sort LIKE '%4242%' OR LOWER(description) LIKE '%4242%')", 0, 5));
        System.out.println(out);
    }

    /** The feed's answer and, as its baseline, the same total and page asked of the database bare. */
    private String measure(String path, String filter, int offset) throws Exception {
        return measure(path, filter, offset, 50);
    }

    private String measure(String path, String filter, int offset, int size) throws Exception {
        String where = " WHERE publish = TRUE AND status IN ('listed', 'interviewed')" + filter;
        // As the feed counts: from the tally, unless it searches.
        String count = (filter.isEmpty() ? "SELECT COALESCE(SUM(organisations), 0) FROM organisation_tally"
                : "SELECT COUNT(*) FROM organisation") + where;
        String page = "SELECT * FROM organisation" + where + " ORDER BY publish, status, id OFFSET " + offset
                + " ROWS FETCH NEXT " + size + " ROWS ONLY";
        double[] feed = time(() -> assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString())
                .contains("\"size\":" + size));
        double[] sql = time(() -> {
            jdbc.queryForObject(count, Long.class);
            assertThat(jdbc.queryForList(page)).hasSize(size);
        });
        return String.format("%-56s median %8.2f ms   p90 %8.2f ms   (bare SQL median %6.2f ms: %.2f times)%n",
                path, feed[RUNS / 2], feed[(int) Math.floor(RUNS * 0.9)], sql[RUNS / 2], feed[RUNS / 2] / sql[RUNS / 2]);
    }

    private interface Run {
        void run() throws Exception;
    }

    private double[] time(Run run) throws Exception {
        double[] millis = new double[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            // A change between runs, as in RegisterBenchmark, so no cached result answers.
            jdbc.update("UPDATE organisation SET version = version + 1 WHERE id = (SELECT MIN(id) FROM organisation)");
            long start = System.nanoTime();
            run.run();
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private void fill() {
        jdbc.update("DELETE FROM organisation");
        String[] words = {"Network", "Forum", "Partnership", "Council", "Trust"};
        Category[] categories = Category.values();
        List<OrganisationDetails> batch = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            batch.add(OrganisationDetails.of("Group " + words[i % words.length] + " " + i,
                            i % 3 == 0 ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED)
                    .with(OrganisationField.CATEGORY, categories[i % categories.length])
                    .with(OrganisationField.AREA, "Leicester")
                    .with(OrganisationField.ADDRESS, i + " High Street\nLeicester")
                    .with(OrganisationField.POSTCODE, "LE1 1AA")
                    .with(OrganisationField.EMAIL, "info" + i + "@example.org.uk")
                    .with(OrganisationField.DESCRIPTION, "Supports community groups; organisation " + i)
                    .with(OrganisationField.PUBLISH, true));
            if (batch.size() == 5_000) {
                organisations.createAll(batch, null);
                batch.clear();
            }
        }
        organisations.createAll(batch, null);
    }
}
