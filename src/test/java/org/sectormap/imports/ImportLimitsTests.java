package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.unit.DataSize;

/** What a hostile or mistaken file costs: bounded answers however many problems it has. */
@DatabaseTest
class ImportLimitsTests {

    private static final int UNKNOWN_COLUMNS = 100_000;
    private static final byte[] MANY_UNKNOWN_COLUMNS = manyUnknownColumns();

    @Autowired
    MockMvc mvc;

    @Value("${spring.servlet.multipart.max-file-size}")
    DataSize largestUpload;

    private static byte[] manyUnknownColumns() {
        StringBuilder csv = new StringBuilder("name,status");
        for (int i = 1; i <= UNKNOWN_COLUMNS; i++) {
            csv.append(",unknown").append(i);
        }
        return csv.append("\nDerby REC,listed\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCapTheProblemsTheApiReportsAndListTheColumnsOnce() throws Exception {
        // The size, not the time: speed is for benchmarks, and a bounded answer is what keeps it quick.
        byte[] body = mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content(MANY_UNKNOWN_COLUMNS)).andReturn().getResponse().getContentAsByteArray();
        assertThat(body.length).isLessThan(100_000);
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(MANY_UNKNOWN_COLUMNS))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(ImportProblems.SHOWN))
                .andExpect(jsonPath("$.totalErrors").value(UNKNOWN_COLUMNS))
                .andExpect(jsonPath("$.errors[0].column").value("unknown1"))
                .andExpect(jsonPath("$.errors[0].message").value("'unknown1' is not a column Sector Map knows"))
                .andExpect(jsonPath("$.errors[199].column").value("unknown200"))
                .andExpect(jsonPath("$.knownColumns.length()").value(OrganisationReader.COLUMNS.size()))
                .andExpect(jsonPath("$.knownColumns[11]").value("description"));
    }

    @Test
    void shouldCapTheProblemsThePageShowsAndSayHowManyThereAre() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "wide.csv", "text/csv", MANY_UNKNOWN_COLUMNS);
        MvcResult answer = mvc.perform(multipart("/import").file(file).with(csrf())).andReturn();

        String html = answer.getResponse().getContentAsString();
        assertThat(answer.getResponse().getStatus()).isEqualTo(422);
        assertThat(html.length()).isLessThan(100_000);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#problems tbody tr")).hasSize(ImportProblems.SHOWN);
        assertThat(page.select("#problems-shown").text()).isEqualTo("Showing the first 200 of 100,000 problems.");
        assertThat(page.select("#problems caption").text()).isEqualTo("Problems in the file, 100,000 found");
        assertThat(page.select("#known-columns").text())
                .startsWith("The columns Sector Map knows are: name, category,");
        assertThat(page.select("#problems tbody").text()).doesNotContain("well_informed");
    }

    @Test
    void shouldCountEveryBadRowButWriteOutOnlyTheFirstOnes() throws Exception {
        StringBuilder csv = new StringBuilder("name,status\n");
        for (int i = 1; i <= 250; i++) {
            csv.append("Group ").append(i).append(",maybe\n");
        }
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(csv.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(ImportProblems.SHOWN))
                .andExpect(jsonPath("$.errors[199].row").value(201))
                .andExpect(jsonPath("$.totalErrors").value(250))
                .andExpect(jsonPath("$.knownColumns").doesNotExist());
    }

    /** A file of exactly {@code size} bytes with one organisation whose name is far too long. */
    private static byte[] oneLongName(int size) {
        String start = "name,status\n\"";
        String end = "\",listed\n";
        return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAnApiBodyLargerThanTheUploadFormTakes() throws Exception {
        int limit = Math.toIntExact(largestUpload.toBytes());
        // At the limit, read and refused: its one long line is longer than any row the import takes.
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(oneLongName(limit)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "Line 2 of this file is longer than any row the import takes")));
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(oneLongName(limit + 1)))
                .andExpect(status().is(413))
                .andExpect(content().json("{\"error\":\"The file is larger than " + largestUpload.toMegabytes()
                        + " MB\"}", true));
    }

    @Test
    void shouldNotEchoAHugeHeadingBackInFull() throws Exception {
        String heading = "x".repeat(1_000_000);
        MvcResult answer = mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                        .content("name,status," + heading + "\n"))
                .andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(answer.getResponse().getContentAsByteArray().length).isLessThan(2_000);
    }
}
