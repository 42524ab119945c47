package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.audit.AuditKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;

/**
 * Large imports: checked in full before anything is stored, stored in the background in one
 * transaction with their progress visible meanwhile, cancelled or failed without storing anything,
 * and one at a time per register.
 */
@DatabaseTest
class ImportJobTests {

    private static final String RESEARCHER = "researcher@example.org";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PendingImportSettings pending;

    private Cookie sessionCookie;

    /** A CSV file of organisations whose spreadsheet rows 2 onwards hold what {@code row} gives for each. */
    private static byte[] csv(int organisations, IntFunction<String> row) {
        StringBuilder csv = new StringBuilder("name,status,area\n");
        for (int i = 2; i <= organisations + 1; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String good(int row) {
        return "Group " + row + ",listed,Derby city";
    }

    private RequestPostProcessor asResearcher() {
        return request -> {
            if (sessionCookie != null) {
                request.setCookies(sessionCookie);
            }
            return user(RESEARCHER).roles("RESEARCHER").postProcessRequest(request);
        };
    }

    private MockHttpServletResponse postApi(byte[] csv) throws Exception {
        return mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(csv))
                .andReturn().getResponse();
    }

    private long startedJob(MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).isEqualTo(202);
        long id = ((Number) JsonPath.read(answer.getContentAsString(), "$.importId")).longValue();
        assertThat(answer.getHeader("Location")).isEqualTo("/api/imports/" + id);
        assertThat((String) JsonPath.read(answer.getContentAsString(), "$.status")).isEqualTo("running");
        return id;
    }

    private String job(long id) throws Exception {
        return mvc.perform(get("/api/imports/{id}", id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Polls the API, as a script would, until the job's JSON passes the test. */
    private String pollUntil(long id, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String json = job(id);
            if (done.test(json)) {
                return json;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("Import " + id + " still not there after " + PATIENCE + ": " + job(id));
    }

    private String finished(long id) throws Exception {
        return pollUntil(id, json -> !"running".equals(JsonPath.read(json, "$.status")));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private int organisations() {
        return count("SELECT COUNT(*) FROM organisation");
    }

    private int createdOrganisations() {
        return count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CREATED' AND record_kind = ?",
                AuditKind.ORGANISATION.code());
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(asResearcher())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Uploads as the researcher through the page and answers its preview's address. */
    private String preview(byte[] csv) throws Exception {
        var uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "groups.csv", null, csv))
                .param("headerRow", "1").with(asResearcher()).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        sessionCookie = uploaded.getCookie("SESSION") == null ? sessionCookie : uploaded.getCookie("SESSION");
        return uploaded.getRedirectedUrl();
    }

    /** A job that another request (or instance) is running, holding the lock. */
    private long runningJob(String by, int total, int stored, LocalDateTime heartbeat) {
        jdbc.update("INSERT INTO import_job (status, file_name, total_rows, rows_checked, rows_stored, cancel_requested, "
                + "started_by, started_at) VALUES ('running', 'big.xlsx', ?, ?, ?, FALSE, ?, ?)", total, stored, stored,
                by, Timestamp.valueOf(LocalDateTime.of(2026, 11, 25, 10, 15)));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM import_job", Long.class);
        jdbc.update("UPDATE import_lock SET job_id = ?, heartbeat_at = ? WHERE id = 1", id, Timestamp.valueOf(heartbeat));
        return id;
    }

    @Test
    void shouldStoreNothingFromAHundredThousandRowsWithOneBadRowAtRow90000() throws Exception {
        MockHttpServletResponse answer = postApi(csv(100_000, row -> row == 90_000 ? "Group " + row + ",listed,Atlantis"
                : good(row)));

        assertThat(answer.getStatus()).isEqualTo(422);
        String json = answer.getContentAsString();
        assertThat((Integer) JsonPath.read(json, "$.totalErrors")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(json, "$.errors[0].row")).isEqualTo(90_000);
        assertThat((String) JsonPath.read(json, "$.errors[0].column")).isEqualTo("area");
        assertThat(organisations()).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_job")).isZero();
    }

    @Test
    void shouldStoreALargeFileInTheBackgroundAsTheUserWhoStartedIt() throws Exception {
        String preview = preview(csv(5_000, ImportJobTests::good));
        assertThat(page(preview).select(".lead").text()).startsWith("5,000 organisations will be imported");
        String progress = mvc.perform(post(preview).with(asResearcher()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(progress).matches("/imports/jobs/\\d+");
        long id = Long.parseLong(progress.substring(progress.lastIndexOf('/') + 1));

        String json = finished(id);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("done");
        assertThat((Integer) JsonPath.read(json, "$.rowsStored")).isEqualTo(5_000);
        assertThat((Integer) JsonPath.read(json, "$.rowsChecked")).isEqualTo(5_000);
        assertThat((Integer) JsonPath.read(json, "$.totalRows")).isEqualTo(5_000);
        assertThat(organisations()).isEqualTo(5_000);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'CREATED' AND actor = ?", RESEARCHER))
                .isEqualTo(5_000);
        assertThat(count("SELECT COUNT(*) FROM import_record WHERE imported_by = ? AND rows_added = 5000", RESEARCHER))
                .isEqualTo(1);
        Document done = page(progress);
        assertThat(done.select("h1").text()).isEqualTo("Import finished");
        assertThat(done.select("#import-outcome").text()).isEqualTo("Done: all 5,000 rows are in. The files "
                + "imported so far say how many organisations were added, updated and left out.");
        assertThat(done.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(done.select("p > a[href=/organisations]").text()).isEqualTo("See them in the register");
    }

    @Test
    void shouldStoreNothingWhenCancelledHalfWay() throws Exception {
        long id = startedJob(postApi(csv(20_000, ImportJobTests::good)));
        pollUntil(id, json -> (Integer) JsonPath.read(json, "$.rowsStored") >= 10_000);

        mvc.perform(ApiCalls.post("/api/imports/{id}/cancel", id)).andExpect(status().isOk());

        String json = finished(id);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("cancelled");
        assertThat((Integer) JsonPath.read(json, "$.rowsStored")).isBetween(10_000, 19_999);
        assertThat(organisations()).isZero();
        assertThat(createdOrganisations()).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_record")).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_lock WHERE job_id IS NULL")).isEqualTo(1);
        mvc.perform(ApiCalls.post("/api/imports/{id}/cancel", id)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("The import is not running: it is cancelled"));
    }

    /**
     * Imports good rows in the background while the database refuses what {@code check} forbids, and checks
     * that the job failed saying so and left nothing stored and the lock free.
     *
     * @return the job's page
     */
    private Document failedWhileRefusing(String table, String check, int rows) throws Exception {
        jdbc.execute("ALTER TABLE " + table + " ADD CONSTRAINT test_refuses CHECK (" + check + ")");
        try {
            long id = startedJob(postApi(csv(rows, ImportJobTests::good)));
            String json = finished(id);
            assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
            assertThat((String) JsonPath.read(json, "$.problems[0].message")).startsWith("The import failed part way");
            assertThat(organisations()).isZero();
            assertThat(createdOrganisations()).isZero();
            assertThat(count("SELECT COUNT(*) FROM import_record")).isZero();
            assertThat(count("SELECT COUNT(*) FROM import_lock WHERE job_id IS NULL")).isEqualTo(1);
            return page("/imports/jobs/" + id);
        } finally {
            jdbc.execute("ALTER TABLE " + table + " DROP CONSTRAINT test_refuses");
        }
    }

    @Test
    void shouldStoreNothingAndSayItFailedWhenTheDatabaseRefusesARowPartWay() throws Exception {
        // A rule the file's checks do not know of, so the 6,000th insert fails after 5,000 are in.
        Document page = failedWhileRefusing("organisation", "name <> 'Group 6001'", 10_000);

        assertThat(page.select("h1").text()).isEqualTo("Import failed");
        assertThat(page.select(".error-summary a").text()).startsWith("The import failed part way");
        assertThat(page.select("#import-outcome").text()).isEqualTo("Nothing has been imported.");
        assertThat(page.text()).doesNotContain("Exception", "test_refuses");
    }

    @Test
    void shouldStoreNothingAndSayItFailedWhenTheCommitFails() throws Exception {
        // The register's tally is written as the import commits: refusing it fails the commit itself.
        Document page = failedWhileRefusing("organisation_tally", "area <> 'Derby city'", 3_000);

        assertThat(page.select("h1").text()).isEqualTo("Import failed");
    }

    @Test
    void shouldEndTheJobDoneAndFreeTheLockOnceItsRowsAreStored() throws Exception {
        long id = startedJob(postApi(csv(3_000, ImportJobTests::good)));

        String json = finished(id);

        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("done");
        assertThat((Integer) JsonPath.read(json, "$.rowsStored")).isEqualTo(3_000);
        assertThat(organisations()).isEqualTo(3_000);
        assertThat(count("SELECT COUNT(*) FROM import_job WHERE id = ? AND finished_at IS NOT NULL", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM import_lock WHERE job_id IS NULL")).isEqualTo(1);
    }

    @Test
    void shouldShowAsFailedAJobLeftRunningWhoseHeartbeatStopped() throws Exception {
        // As a job whose thread could not record its end, or whose instance died, looks afterwards.
        long id = runningJob("someone@example.org", 10_000, 4_000, LocalDateTime.now().minusMinutes(10));
        String stopped = "The import stopped before it finished: the server storing it stopped, or lost the "
                + "database. Nothing from it was stored.";

        String json = job(id);

        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("failed");
        assertThat((String) JsonPath.read(json, "$.problems[0].message")).isEqualTo(stopped);
        Document page = page("/imports/jobs/" + id);
        assertThat(page.select("h1").text()).isEqualTo("Import failed");
        assertThat(page.select(".error-summary a").text()).isEqualTo(stopped);
        assertThat(page.select("meta[http-equiv=refresh], noscript, form[action$=/cancel]")).isEmpty();

        jdbc.update("UPDATE import_lock SET job_id = NULL, heartbeat_at = NULL");
        assertThat((String) JsonPath.read(job(id), "$.status")).isEqualTo("failed");
    }

    @Test
    void shouldDeleteEveryUploadOnceItIsRefusedStoredOrStoredInTheBackground() throws Exception {
        assertThat(postApi(csv(10, row -> "Group " + row + ",listed,Atlantis")).getStatus()).isEqualTo(422);
        mvc.perform(post(preview(csv(3, ImportJobTests::good))).with(asResearcher()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = startedJob(postApi(csv(3_000, ImportJobTests::good)));
        assertThat((String) JsonPath.read(finished(id), "$.status")).isEqualTo("done");

        // The background import deletes its file as its thread ends, just after the job is done.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!inHand().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(inHand()).isEmpty();
        assertThat(organisations()).isEqualTo(3_003);
    }

    /** Uploads being checked or stored, as opposed to those waiting for confirmation. */
    private List<Path> inHand() throws IOException {
        try (Stream<Path> files = Files.list(pending.dir())) {
            return files.filter(file -> file.getFileName().toString().startsWith("in-hand-")).toList();
        }
    }

    @Test
    void shouldRefuseASecondImportWhileOneRunsAndSayWhose() throws Exception {
        runningJob("someone@example.org", 100_000, 40_000, LocalDateTime.now());
        String busy = "Another import is running: started by someone@example.org at 10:15, 40% done. "
                + "Try again when it has finished.";

        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(csv(3, ImportJobTests::good)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value(busy));

        String preview = preview(csv(3, ImportJobTests::good));
        MockHttpServletResponse refused = mvc.perform(post(preview).with(asResearcher()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse();
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select(".error-summary a[href=#confirm]").text()).isEqualTo(busy);
        assertThat(page.select("button#confirm")).hasSize(1);
        assertThat(organisations()).isZero();

        // Once it has finished, the same preview (under its new address) imports.
        jdbc.update("UPDATE import_lock SET job_id = NULL, heartbeat_at = NULL");
        mvc.perform(post(page.select("form:has(button#confirm)").attr("action")).with(asResearcher()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations()).isEqualTo(3);
    }

    @Test
    void shouldTakeOverTheLockOfAnImportWhoseHeartbeatStopped() throws Exception {
        long dead = runningJob("someone@example.org", 100_000, 40_000, LocalDateTime.now().minusMinutes(10));

        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(csv(3, ImportJobTests::good)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));

        assertThat(jdbc.queryForObject("SELECT status FROM import_job WHERE id = ?", String.class, dead))
                .isEqualTo("failed");
        assertThat(organisations()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM import_lock WHERE job_id IS NULL")).isEqualTo(1);
    }

    @Test
    void shouldShowProgressOnAPageThatRefreshesItselfWithoutScriptAndCanBeCancelled() throws Exception {
        long id = runningJob("someone@example.org", 10_000, 4_000, LocalDateTime.now());

        Document running = page("/imports/jobs/" + id);
        assertThat(running.select("h1").text()).isEqualTo("Importing");
        assertThat(running.select("head noscript").html()).contains("http-equiv=\"refresh\"", "content=\"2\"");
        assertThat(running.select("progress#import-progress").attr("max")).isEqualTo("10000");
        assertThat(running.select("progress#import-progress").attr("value")).isEqualTo("4000");
        assertThat(running.select("#import-counts[aria-live=polite]").text())
                .isEqualTo("4,000 of 10,000 rows checked, 4,000 stored");
        assertThat(running.select("[data-import-job]").attr("data-import-job")).isEqualTo(String.valueOf(id));
        assertThat(running.select("script[src=/js/import-progress.js]")).hasSize(1);

        mvc.perform(post(running.select("form[action$=/cancel]").attr("action")).with(asResearcher()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT cancel_requested FROM import_job WHERE id = ?", Boolean.class, id))
                .isTrue();

        jdbc.update("UPDATE import_job SET status = 'cancelled' WHERE id = ?", id);
        Document cancelled = page("/imports/jobs/" + id);
        assertThat(cancelled.select("meta[http-equiv=refresh], noscript")).isEmpty();
        assertThat(cancelled.select("[data-import-job]")).isEmpty();
        assertThat(cancelled.select("form[action$=/cancel]")).isEmpty();
        assertThat(cancelled.select("#import-outcome").text())
                .isEqualTo("The import was cancelled. Nothing has been imported.");
        mvc.perform(get("/imports/jobs/{id}", id + 1)).andExpect(status().isNotFound());
        mvc.perform(get("/api/imports/{id}", id + 1)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("There is no such import"));
    }
}
