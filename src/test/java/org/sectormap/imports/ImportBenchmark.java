package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sectormap.organisation.Areas;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints how fast a large CSV file is imported into the configured database (rows per second over
 * both passes, checking and storing) beside the database's own bulk load of the same file into a
 * table of the same columns (psql's \copy on PostgreSQL, CSVREAD on H2), and how long the preview of
 * a 100,000-row file takes to answer, after the page's upload and preview of the whole large file (the
 * profile runs it with -Xmx512m). Not a timed test: it prints figures and checks only that the rows arrived. {@code ./mvnw -Pbenchmark test -Dbenchmark.importRows=1000000}; see the README.
 */
@Tag("benchmark")
@SpringBootTest(properties = "sectormap.rate-limit.imports=1000")
@AutoConfigureMockMvc
class ImportBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.importRows", 1_000_000);
    private static final int PREVIEW_ROWS = 100_000;
    /** -Dbenchmark.previews=false leaves out the previews, to time the import alone. */
    private static final boolean PREVIEWS = Boolean.parseBoolean(System.getProperty("benchmark.previews", "true"));
    private static final String PSQL = System.getProperty("benchmark.psql", "/usr/lib/postgresql/15/bin/psql");
    private static final String COLUMNS = "name,category,area,postcode,email,status";
    private static final String COPY_TABLE = "import_benchmark_copy";

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Areas areas;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    /** A file shaped like a council's directory: coded fields, a postcode and an email, a few listed as excluded. */
    private byte[] csv(int rows) {
        Random random = new Random(2007);
        List<String> areaList = areas.areas();
        String[] categories = {"bme-infrastructure", "bme-network", "general-infrastructure", "general-network",
                "access-point", ""};
        String[] statuses = {"interviewed", "listed", "listed", "unreachable"};
        StringBuilder csv = new StringBuilder(rows * 100).append(COLUMNS).append('\n');
        for (int i = 0; i < rows; i++) {
            String area = areaList.get(random.nextInt(areaList.size()));
            csv.append(area).append(" Community Network ").append(i).append(',')
                    .append(categories[random.nextInt(categories.length)]).append(',').append(area).append(',')
                    .append("NG").append(1 + i % 20).append(' ').append(i % 10).append("AB,")
                    .append("info").append(i).append("@example.org.uk,")
                    .append(statuses[random.nextInt(statuses.length)]).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String database() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void emptyRegister() {
        jdbc.update("DELETE FROM audit_change");
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("DELETE FROM organisation");
        jdbc.update("DELETE FROM import_record");
        jdbc.update("UPDATE import_lock SET job_id = NULL, heartbeat_at = NULL");
        jdbc.update("DELETE FROM import_job");
    }

    @Test
    void benchmarkImports() throws Exception {
        StringBuilder out = new StringBuilder(String.format("%nSector Map import benchmark on %s, heap at most %,d MB, "
                + "load average %.1f%n", database(), Runtime.getRuntime().maxMemory() >> 20, load()));
        emptyRegister();
        byte[] file;
        if (PREVIEWS) {
            out.append(previewFigures());
            System.out.println(out);
            out.setLength(0);
            file = csv(ROWS);
            // The whole file through the page first, as a user with a national register would bring it.
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            out.append(String.format("(d) the page's upload and preview of this %,d-row file: %s; peak heap used (sum "
                    + "of the pools' peaks, an upper bound, the benchmark's own copies of the file included) %,d MB%n",
                    ROWS, previewTimes(file, ROWS, 1), peakHeap() >> 20));
            System.out.println(out);
            out.setLength(0);
        } else {
            file = csv(ROWS);
        }

        long start = System.nanoTime();
        ParsedImport checked = imports.check(TestFiles.csvUpload(file), null);
        long checkMillis = millisSince(start);
        assertThat(checked.rows()).isEqualTo(ROWS);

        start = System.nanoTime();
        long cpuStart = cpuNanos();
        ImportOutcome outcome = imports.importAll(TestFiles.csvUpload(file), null, DuplicateChoices.ADD_ALL);
        long id = outcome instanceof ImportOutcome.Started started ? started.jobId()
                : ((ImportOutcome.Finished) outcome).jobId();
        ImportJob job = imports.job(id).orElseThrow();
        while (job.running()) {
            Thread.sleep(50);
            job = imports.job(id).orElseThrow();
        }
        long importMillis = millisSince(start);
        long importCpuMillis = (cpuNanos() - cpuStart) / 1_000_000;
        assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
        long importPeak = peakHeap();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(ROWS);
        double importRate = ROWS * 1000.0 / importMillis;
        out.append(String.format("(a) CSV of %,d rows (%,d MB): checking alone %,d ms (%,.0f rows/s); "
                + "import (check + store) %,d ms = %,.0f rows/s, using %,d ms of this JVM's CPU (%,.0f rows per "
                + "CPU second, which other work on the machine does not dilute); peak heap used so far %,d MB; load "
                + "average %.1f%n", ROWS, file.length >> 20, checkMillis, ROWS * 1000.0 / checkMillis, importMillis,
                importRate, importCpuMillis, ROWS * 1000.0 / Math.max(1, importCpuMillis), importPeak >> 20, load()));
        System.out.println(out);
        out.setLength(0);
        out.append(bulkLoadBaseline(file, importRate));
        System.out.println(out);
    }

    /** Its own file, so that the large file is not yet held meanwhile. */
    private String previewFigures() throws Exception {
        byte[] preview = csv(PREVIEW_ROWS);
        return String.format("(c) preview of a %,d-row CSV (%,d MB): %s; load average %.1f%n", PREVIEW_ROWS,
                preview.length >> 20, previewTimes(preview, PREVIEW_ROWS, 3), load());
    }

    /** The database loading the same file itself, into a scratch table of the same columns. */
    private String bulkLoadBaseline(byte[] file, double importRate) throws Exception {
        Path csv = Files.createTempFile("sectormap-benchmark-", ".csv");
        try {
            Files.write(csv, file);
            jdbc.execute("DROP TABLE IF EXISTS " + COPY_TABLE);
            jdbc.execute("CREATE TABLE " + COPY_TABLE + " AS SELECT " + COLUMNS + " FROM organisation WHERE 1 = 0");
            long start = System.nanoTime();
            String how;
            if (url.startsWith("jdbc:postgresql:")) {
                how = "psql \\copy";
                copyWithPsql(csv);
            } else if (url.startsWith("jdbc:h2:")) {
                how = "H2 CSVREAD (no psql on H2: the ratio is to H2's own bulk load)";
                // CSVREAD takes its file name as a literal, not a parameter.
                jdbc.update("INSERT INTO " + COPY_TABLE + " (" + COLUMNS + ") SELECT * FROM CSVREAD('"
                        + csv.toString().replace("'", "''") + "', NULL, 'charset=UTF-8')");
            } else {
                return "    no bulk-load baseline for " + url + "\n";
            }
            long millis = millisSince(start);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + COPY_TABLE, Long.class)).isEqualTo(ROWS);
            double rate = ROWS * 1000.0 / millis;
            long indexedMillis = indexedInsertMillis();
            double indexedRate = ROWS * 1000.0 / indexedMillis;
            return String.format("    baseline, %s of the same file: %,d ms = %,.0f rows/s; the import runs at "
                    + "%.2f of its speed (1 / %.1f)%n"
                    + "    floor, the database inserting the same rows into organisation itself, with all its indexes "
                    + "(one INSERT ... SELECT, rolled back; no audit entries): %,d ms = %,.0f rows/s; the import runs "
                    + "at %.2f of it; load average %.1f%n", how, millis, rate, importRate / rate, rate / importRate,
                    indexedMillis, indexedRate, importRate / indexedRate, load());
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS " + COPY_TABLE);
            Files.deleteIfExists(csv);
        }
    }

    /**
     * What the register's own indexes cost the database, apart from anything the app does: the loaded rows
     * inserted into organisation in one statement, with stand-ins for the derived columns (lower case for
     * the sort and match keys, much as the app's are), and rolled back.
     */
    private long indexedInsertMillis() {
        long[] millis = {0};
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            long start = System.nanoTime();
            int inserted = jdbc.update("INSERT INTO organisation (version, name, category, area, postcode, email, "
                    + "status, name_sort, search_text, name_key, email_key, postcode_key) SELECT 0, name, "
                    + "NULLIF(category, ''), area, postcode, email, status, LOWER(name), LOWER(name || ' ' || email), "
                    + "LOWER(name), LOWER(email), UPPER(REPLACE(postcode, ' ', '')) FROM " + COPY_TABLE);
            millis[0] = millisSince(start);
            assertThat(inserted).isEqualTo(ROWS);
            status.setRollbackOnly();
        });
        return millis[0];
    }

    private void copyWithPsql(Path csv) throws IOException, InterruptedException {
        URI address = URI.create(url.substring("jdbc:".length()));
        ProcessBuilder psql = new ProcessBuilder(PSQL, "-h", address.getHost(), "-p",
                String.valueOf(address.getPort() < 0 ? 5432 : address.getPort()), "-U", username, "-d",
                address.getPath().substring(1), "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy " + COPY_TABLE + " (" + COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv, HEADER true)");
        psql.environment().put("PGPASSWORD", password);
        psql.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = psql.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("psql's exit code").isZero();
    }

    /** Upload (which checks the whole file) and the preview page (which checks it again), as a browser sees them. */
    private String previewTimes(byte[] csv, int rows, int runs) throws Exception {
        List<String> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            MockHttpServletResponse uploaded = mvc.perform(multipart("/import")
                    .file(new MockMultipartFile("file", "directory.csv", null, csv)).param("headerRow", "1")
                    .with(user("benchmark@example.org").roles("RESEARCHER")).with(csrf())).andReturn().getResponse();
            long uploadMillis = millisSince(start);
            assertThat(uploaded.getStatus()).isEqualTo(302);
            start = System.nanoTime();
            MockHttpServletResponse page = mvc.perform(get(uploaded.getRedirectedUrl()).cookie(uploaded.getCookies())
                    .with(user("benchmark@example.org").roles("RESEARCHER"))).andReturn().getResponse();
            long previewMillis = millisSince(start);
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains(String.format("%,d organisations will be imported", rows));
            times.add(String.format("upload %,d ms + preview page %,d ms", uploadMillis, previewMillis));
        }
        return String.join("; ", times);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** All threads of this JVM, H2's included when it is embedded. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long millisSince(long start) {
        return Math.max(1, (System.nanoTime() - start) / 1_000_000);
    }
}
