package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;
import com.jayway.jsonpath.JsonPath;

/** What an uploaded Access database may not do, and how a failure of storing its rows is told. */
@DatabaseTest
class AccessFileTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void shouldNotReadAnotherFileOfTheServerThroughALinkedTable() throws Exception {
        // A database lying on the server, never uploaded.
        Path serverFile = dir.resolve("server-side.accdb");
        try (Database db = new DatabaseBuilder(serverFile.toFile()).setFileFormat(Database.FileFormat.V2010).create()) {
            Table staff = new TableBuilder("Staff").addColumn(new ColumnBuilder("name", DataType.TEXT))
                    .addColumn(new ColumnBuilder("status", DataType.TEXT)).toTable(db);
            staff.addRow("Server-side secret", "listed");
        }
        Path upload = dir.resolve("innocent.accdb");
        try (Database db = new DatabaseBuilder(upload.toFile()).setFileFormat(Database.FileFormat.V2010).create()) {
            db.createLinkedTable("Organisations", serverFile.toAbsolutePath().toString(), "Staff");
        }
        byte[] uploaded = Files.readAllBytes(upload);

        MockHttpServletResponse dryRun = apiImport("innocent.accdb", uploaded, "dryRun", "true");
        MockHttpServletResponse real = apiImport("innocent.accdb", uploaded);

        assertThat(dryRun.getContentAsString()).doesNotContain("Server-side secret");
        assertThat(real.getStatus()).isEqualTo(422);
        assertThat(jdbc.queryForList("SELECT name FROM organisation", String.class)).isEmpty();
    }

    @Test
    void shouldSayAnImportFailedPartWayWhenTheDatabaseRefusesARowNotThatTheFileChanged() throws Exception {
        byte[] file = organisations(3_000);
        jdbc.execute("ALTER TABLE organisation ADD CONSTRAINT access_test_refuses CHECK (name <> 'Group 2501')");
        try {
            MockHttpServletResponse started = apiImport("big.accdb", file);
            long id = ((Number) JsonPath.read(started.getContentAsString(), "$.importId")).longValue();
            String job = untilDone(id);
            assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("failed");
            assertThat((String) JsonPath.read(job, "$.problems[0].message")).startsWith("The import failed part way");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isZero();
        } finally {
            jdbc.execute("ALTER TABLE organisation DROP CONSTRAINT access_test_refuses");
        }
    }

    private MockHttpServletResponse apiImport(String name, byte[] content, String... params) throws Exception {
        var request = multipart("/api/imports").file(new MockMultipartFile("file", name, null, content))
                .header("Authorization", "Bearer " + ApiCalls.TOKEN);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private byte[] organisations(int rows) throws Exception {
        Path file = dir.resolve("big.accdb");
        try (Database db = new DatabaseBuilder(file.toFile()).setFileFormat(Database.FileFormat.V2010).create()) {
            Table table = new TableBuilder("Organisations").addColumn(new ColumnBuilder("name", DataType.TEXT))
                    .addColumn(new ColumnBuilder("status", DataType.TEXT))
                    .addColumn(new ColumnBuilder("area", DataType.TEXT)).toTable(db);
            List<Object[]> all = new ArrayList<>();
            for (int i = 2; i <= rows + 1; i++) {
                all.add(new Object[] {"Group " + i, "listed", "Derby city"});
            }
            table.addRows(all);
        }
        return Files.readAllBytes(file);
    }

    private String untilDone(long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String job = mvc.perform(get("/api/imports/{id}", id)).andReturn().getResponse().getContentAsString();
            if (!"running".equals(JsonPath.read(job, "$.status"))) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("import " + id + " still running after 90 s");
    }
}
