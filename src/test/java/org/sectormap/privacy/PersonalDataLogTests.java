package org.sectormap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Personal data never reaches the log: distinctive values go in through every page and API that
 * takes them, good and bad, and the captured output holds none of them. H2's trace file, which
 * would copy a failed statement's values to disk, is off in the embedded database's address.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTests {

    private static final String NAME = "Ottoline Brackenbury-Sze";
    private static final String EMAIL = "ottoline.bsze@logs-test.example";
    private static final String ROLE = "Outreach Lead Kv";
    private static final String PHONE = "07700 900461";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldKeepEveryPersonalValueOutOfTheLog(CapturedOutput output) throws Exception {
        EveryPersonalDataPath entered = EveryPersonalDataPath.enter(mvc, organisations, questionnaire, NAME, EMAIL, ROLE);
        long id = entered.organisation();

        // And each path refusing them.
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "Refused").param("status", "listed")
                .param("contactName", NAME).param("phone", PHONE).param("email", NAME))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                        .content(("name,status,contact_name,phone\nRefused," + NAME + "," + NAME + "," + PHONE + "\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf()).param("attemptedOn", "2999-01-01")
                .param("method", NAME).param("note", "Call " + NAME + " on " + PHONE))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json").content("""
                {"attemptedOn":"2007-07-03","method":"%s","outcome":"no-answer","note":"%s"}"""
                .formatted(EMAIL, NAME))).andExpect(status().isBadRequest());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json").content("""
                {"heldOn":"2007-07-11","mode":"telephone","cypBoard":"no","intervieweeName":"%s",
                 "intervieweeRole":"%s","answers":[]}""".formatted(NAME, ROLE))).andExpect(status().isBadRequest());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                .content("{\"heldOn\": \"" + NAME)).andExpect(status().isBadRequest());
        mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("intervieweeName", NAME).param("interviewer", EMAIL))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personName", NAME)
                .param("personEmail", EMAIL).param("basis", PHONE)).andExpect(status().isUnprocessableContent());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", id).contentType("application/json").content("""
                {"personName":"%s","personEmail":"%s","basis":"%s"}""".formatted(NAME, EMAIL, ROLE)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/privacy/subject-access").with(csrf()).param("name", NAME).param("email", EMAIL))
                .andExpect(status().isOk());
        // A damaged workbook, whose parser quoted the file's own words in the log.
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "groups.xlsx", null,
                        damagedWorkbook("<Types><" + NAME.replaceAll("[^A-Za-z]", "") + "></Types>")))
                        .param("dryRun", "true").header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE contact_name = ?", Integer.class, NAME))
                .as("the values went in").isEqualTo(3);
        for (String value : List.of(NAME, EMAIL, ROLE, PHONE, NAME.replaceAll("[^A-Za-z]", ""))) {
            assertThat(output.getAll()).as("the log").doesNotContainIgnoringCase(value);
        }
    }

    /** A zip named as a workbook whose content-types part is not well-formed XML. */
    private static byte[] damagedWorkbook(String contentTypes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(contentTypes.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldWriteNoH2TraceFileWithTheConfiguredAddress(@TempDir Path folder) throws Exception {
        Properties main = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            main.load(in);
        }
        String configured = main.getProperty("spring.datasource.url");
        assertThat(configured).contains("TRACE_LEVEL_FILE=0");

        failAStatementNaming(NAME, configured.replace("${sectormap.data-dir}", folder.resolve("off").toString()));
        assertThat(traceFiles(folder.resolve("off"))).isEmpty();
        // Without the setting H2 keeps the failed statement, the name with it: the setting is what prevents it.
        failAStatementNaming(NAME, "jdbc:h2:file:" + folder.resolve("on").resolve("sectormap"));
        assertThat(traceFiles(folder.resolve("on"))).hasSize(1);
        assertThat(Files.readString(traceFiles(folder.resolve("on")).get(0))).contains(NAME);
    }

    private static void failAStatementNaming(String value, String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThatThrownBy(() -> connection.createStatement().execute(
                    "SELECT * FROM no_such_table WHERE contact_name = '" + value + "'")).isInstanceOf(SQLException.class);
        }
    }

    private static List<Path> traceFiles(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".trace.db")).toList();
        }
    }
}
