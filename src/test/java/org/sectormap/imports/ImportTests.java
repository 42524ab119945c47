package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

@DatabaseTest
class ImportTests {

    private static final String AWKWARD = "Ça & \"Jerry\" <b>中文</b>, O'Brien";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    PendingImportSettings pendingSettings;

    private List<Organisation> stored() {
        return organisations.search(OrganisationQuery.all().atPage(1, 200)).items();
    }

    private void postCsv(String csv, int expectedStatus, String expectedJson) throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(expectedStatus))
                .andExpect(content().json(expectedJson, true));
    }

    @Test
    void shouldImportQuotedCellsWithCommasQuotesAndLineBreaksAfterAByteOrderMark() throws Exception {
        String csv = "\uFEFF STATUS ,Name,Description,Category,AREA,full_interview,Follow_Up,cyp_board,well_informed\r\n"
                + "Interviewed,\"" + AWKWARD.replace("\"", "\"\"") + "\",\"Line one,\nline \"\"two\"\"\","
                + "BME network,derby city,Y,true,1,yes\r\n"
                + "listed,Rushcliffe CVS,,general-infrastructure,Nottinghamshire,,,,\r\n"
                + ",,,,,,,,\r\n";
        postCsv(csv, 200, "{\"imported\":2,\"updated\":0,\"skipped\":0}");

        OrganisationDetails first = stored().get(1).details();
        assertThat(first.name()).isEqualTo(AWKWARD);
        assertThat(first.description()).isEqualTo("Line one,\nline \"two\"");
        assertThat(first.category()).isEqualTo(Category.BME_NETWORK);
        assertThat(first.area()).isEqualTo("Derby city");
        assertThat(OrganisationField.Section.INTERVIEW.fields().stream()
                .filter(f -> f.kind() == OrganisationField.Kind.TICK).map(first::tick)).containsOnly(true);
        OrganisationDetails second = stored().get(0).details();
        assertThat(second.status()).isEqualTo(OutreachStatus.LISTED);
        assertThat(second.tick(OrganisationField.FOLLOW_UP)).as("not asked: not interviewed").isNull();

        long id = stored().get(1).id();
        mvc.perform(get("/api/organisations/{id}", id)).andExpect(jsonPath("$.name").value(AWKWARD));
    }

    @Test
    void shouldReportEveryProblemWithItsSpreadsheetRowAndStoreNothing() throws Exception {
        // A spreadsheet shows a quoted two-line cell in one row, so "Bad category" is its row 3.
        long existing = organisations.create(OrganisationDetails.of("Already here", OutreachStatus.LISTED));
        String csv = """
                name,category,status,description,interview_date
                Good one,bme-network,listed,"two
                lines",
                Bad category,charity shop,listed,,
                ,general-network,pending,,
                Good two,,interviewed,,2007-07-21
                Bad date,,interviewed,,21/07/2007
                """;
        postCsv(csv, 422, """
                {"errors":[
                  {"row":3,"column":"category","message":"Category must be one of: bme-infrastructure, bme-network, general-infrastructure, general-network, access-point"},
                  {"row":4,"column":"name","message":"Enter the organisation's name"},
                  {"row":4,"column":"status","message":"Outreach status must be one of: interviewed, listed, excluded, unreachable"},
                  {"row":6,"column":"interview_date","message":"Interview date must be a real date"}
                ],"totalErrors":4}""");
        assertThat(stored()).extracting(Organisation::id).containsExactly(existing);
        assertThat(organisations.find(existing).orElseThrow().version()).isZero();
    }

    @Test
    void shouldReportUnknownRepeatedAndMissingColumns() throws Exception {
        postCsv("Name,Postcode,Charity Number,postcode\nDerby REC,DE1 1AA,123,DE1 1AA\n", 422, """
                {"errors":[
                  {"row":1,"column":"Charity Number","message":"'Charity Number' is not a column Sector Map knows"},
                  {"row":1,"column":"postcode","message":"The column 'postcode' appears more than once"},
                  {"row":1,"column":"status","message":"The file has no 'status' column"}
                ],"totalErrors":3,"knownColumns":["name","category","area","coverage","address","postcode","phone",
                  "email","website","contact_name","contact_role","description","status","exclusion_reason",
                  "exclusion_detail","interview_date","interview_mode","full_interview","follow_up","cyp_board",
                  "well_informed","publish"]}""");
    }

    @Test
    void shouldRefuseFilesThatAreNotTextOrHoldNoOrganisations() throws Exception {
        byte[] notText = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(notText))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").doesNotExist())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This file is not a CSV file, an Excel workbook, an Access database or an "
                                + "Open Referral JSON file"));
        postCsv("name,status\n", 422, "{\"errors\":[{\"row\":null,\"column\":null,"
                + "\"message\":\"The file has no organisations in it\"}],\"totalErrors\":1}");
        postCsv("", 422, "{\"errors\":[{\"row\":null,\"column\":null,"
                + "\"message\":\"The file has no organisations in it\"}],\"totalErrors\":1}");
        postCsv("name,status\nA,listed,extra\n", 422, "{\"errors\":[{\"row\":2,\"column\":null,"
                + "\"message\":\"This row has 3 cells but the header names 2 columns\"}],\"totalErrors\":1}");
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content("name,status\n\"Unclosed,listed\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "A quoted cell that starts on line 2 of the file is never closed: check its quotation marks"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldReadAFileThatIsNotUtf8AsWindows1252() throws Exception {
        byte[] latin1 = "name,status\nCaf\u00e9 Forum,listed\n".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(latin1))
                .andExpect(status().isOk());
        assertThat(stored()).extracting(o -> o.details().name()).containsExactly("Caf\u00e9 Forum");
    }

    @Test
    void shouldRefuseABodyThatIsNotCsv() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("application/json").content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value(containsString("text/csv")));
    }

    @Test
    void shouldRemoveTheSpreadsheetFormulaGuardOfAnExport() throws Exception {
        postCsv("name,status\n'-Youth Voice,listed\n'O'Brien Trust,listed\n", 200,
                "{\"imported\":2,\"updated\":0,\"skipped\":0}");
        assertThat(stored()).extracting(o -> o.details().name()).containsExactly("'O'Brien Trust", "-Youth Voice");
    }

    @Test
    void shouldPreviewThenImportOnConfirmationOnlyOnce() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "mapping.csv", "text/csv",
                ("name,status,area\n\"" + AWKWARD.replace("\"", "\"\"") + "\",listed,Leicester\n"
                        + "Derby REC,interviewed,Derby city\n").getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse uploaded = mvc.perform(multipart("/import").file(file).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        String preview = uploaded.getRedirectedUrl();
        // The session that holds the waiting file's token, as the browser's cookie carries it.
        Cookie session = uploaded.getCookie("SESSION");
        assertThat(stored()).isEmpty();
        Path waiting = pendingSettings.dir().resolve(preview.substring(preview.lastIndexOf('/') + 1));
        assertThat(waiting).exists();

        Document page = Jsoup.parse(mvc.perform(get(preview).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".lead").text()).isEqualTo("2 organisations will be imported from mapping.csv.");
        assertThat(page.select("tbody td").eachText()).contains(AWKWARD);
        assertThat(page.select("main b")).isEmpty();

        mvc.perform(post(preview).cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/organisations"));
        mvc.perform(post(preview).cookie(session).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("already been completed or has expired")));
        assertThat(stored()).hasSize(2);
        assertThat(waiting).doesNotExist();
    }

    @Test
    void shouldListProblemsOnTheUploadPage() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
                "name,status\nA,listed\nB,maybe\n".getBytes(StandardCharsets.UTF_8));
        Document page = Jsoup.parse(mvc.perform(multipart("/import").file(file).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#problems");
        assertThat(page.select("#problems tbody tr td").eachText()).containsExactly("3", "status",
                "Outreach status must be one of: interviewed, listed, excluded, unreachable");
        assertThat(stored()).isEmpty();

        Document empty = Jsoup.parse(mvc.perform(multipart("/import").with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(empty.select(".error-summary a").attr("href")).isEqualTo("#file");
    }

    @Test
    void shouldOfferATemplateThatImportsCleanly() throws Exception {
        byte[] template = mvc.perform(get("/import/template.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(template))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
    }

    @Test
    void shouldRoundTripAnExportThroughTheImport() throws Exception {
        postCsv("name,status,description,category\n\"" + AWKWARD.replace("\"", "\"\"")
                + "\",listed,\"=SUM(A1)\",access-point\n", 200, "{\"imported\":1,\"updated\":0,\"skipped\":0}");
        byte[] export = mvc.perform(get("/organisations.csv")).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(export))
                .andExpect(status().isOk());
        List<Organisation> all = stored();
        assertThat(all).hasSize(2);
        assertThat(all.get(1).details()).isEqualTo(all.get(0).details());
        assertThat(all.get(1).details().description()).isEqualTo("=SUM(A1)");
    }
}
