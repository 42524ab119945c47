package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports a 100,000-row .xlsx workbook in a JVM whose heap is held to 256 MB (the benchmark
 * profile runs this class in its own fork with -Xmx256m) and prints the time and the peak heap.
 */
@Tag("benchmark")
@SpringBootTest
class ImportXlsxBenchmark {

    private static final int ROWS = Integer.getInteger("benchmark.xlsxRows", 100_000);

    @Autowired
    ImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    /** Written a window of rows at a time, so making the file fits in the same small heap. */
    private static byte[] workbook() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Organisations");
            String[] headings = {"name", "category", "area", "postcode", "email", "status", "interview_date"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headings.length; c++) {
                header.createCell(c).setCellValue(headings[c]);
            }
            for (int i = 1; i <= ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("Derby Community Network " + i);
                row.createCell(1).setCellValue("bme-network");
                row.createCell(2).setCellValue("Derby city");
                row.createCell(3).setCellValue("DE1 " + (i % 10) + "AA");
                row.createCell(4).setCellValue("info" + i + "@example.org.uk");
                row.createCell(5).setCellValue(i % 2 == 0 ? "interviewed" : "listed");
                row.createCell(6).setCellValue(i % 2 == 0 ? "2007-07-20" : "");
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void benchmarkA100000RowWorkbookIn256Megabytes() throws Exception {
        jdbc.update("DELETE FROM audit_change");
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("DELETE FROM organisation");
        jdbc.update("UPDATE import_lock SET job_id = NULL, heartbeat_at = NULL");
        byte[] xlsx = workbook();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        ImportOutcome outcome = imports.importAll(new Upload("organisations.xlsx", TestFiles.file(xlsx), "Organisations", 1), null,
                DuplicateChoices.ADD_ALL);
        long id = ((ImportOutcome.Started) outcome).jobId();
        ImportJob job = imports.job(id).orElseThrow();
        while (job.running()) {
            Thread.sleep(50);
            job = imports.job(id).orElseThrow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(job.status()).isEqualTo(ImportJob.Status.DONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(ROWS);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%n(b) .xlsx of %,d rows (%,d KB) with -Xmx%d MB: %,d ms = %,.0f rows/s; peak heap used "
                + "(sum of the pools' peaks, an upper bound) %,d MB%n%n", ROWS, xlsx.length >> 10,
                Runtime.getRuntime().maxMemory() >> 20, millis, ROWS * 1000.0 / millis, peak >> 20);
        jdbc.update("DELETE FROM audit_change");
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("DELETE FROM organisation");
    }
}
