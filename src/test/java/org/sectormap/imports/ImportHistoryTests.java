package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/** Every completed import is listed at /imports, and a file imported before is pointed out at its preview. */
@DatabaseTest
class ImportHistoryTests {

    private static final String RESEARCHER = "researcher@example.org";
    private static final String CSV = "name,status\nDerby REC,listed\nLeicester CVS,interviewed\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${sectormap.bootstrap-admin-email}")
    String admin;

    /** The session cookie the upload set, which holds the waiting file's token as a browser's would. */
    private Cookie sessionCookie;

    private RequestPostProcessor asResearcher() {
        return request -> {
            if (sessionCookie != null) {
                request.setCookies(sessionCookie);
            }
            return user(RESEARCHER).roles("RESEARCHER").postProcessRequest(request);
        };
    }

    /** Uploads the file and answers its preview's address, choosing the sheet when the file asks for one. */
    private String preview(String fileName, byte[] content, String sheet) throws Exception {
        var uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", fileName, null, content))
                .param("headerRow", "1").with(asResearcher()).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        sessionCookie = uploaded.getCookie("SESSION") == null ? sessionCookie : uploaded.getCookie("SESSION");
        String next = uploaded.getRedirectedUrl();
        if (sheet == null) {
            return next;
        }
        String preview = next.substring(0, next.length() - "/sheet".length());
        mvc.perform(post(next).param("sheet", sheet).with(asResearcher()).with(csrf()))
                .andExpect(redirectedUrl(preview));
        return preview;
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(asResearcher())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private void confirm(String preview) throws Exception {
        mvc.perform(post(preview).with(asResearcher()).with(csrf())).andExpect(redirectedUrl("/organisations"));
    }

    private static byte[] workbook() {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("North", new String[][] {{"name", "status"}, {"Derby REC", "listed"}});
        sheets.put("South", new String[][] {{"name", "status"}, {"Leicester CVS", "listed"}, {"Bosnia UK", "listed"}});
        return TestFiles.sheets(sheets);
    }

    private List<List<String>> history() throws Exception {
        return page("/imports").select("#imports-caption ~ tbody tr").stream().map(tr -> tr.select("td").eachText())
                .toList();
    }

    @Test
    void shouldListPageAndApiImportsNewestFirstWithWhoFileSheetAndRowsAdded() throws Exception {
        confirm(preview("groups.xlsx", workbook(), "South"));
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content(CSV.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());

        List<List<String>> rows = history();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(1, 8)).containsExactly(admin, "sent to the API", "None (CSV)",
                "Column names as they are", "2", "0", "0");
        assertThat(rows.get(1).subList(1, 8)).containsExactly(RESEARCHER, "groups.xlsx", "South",
                "Column names as they are", "2", "0", "0");
        assertThat(page("/imports").select("#imports-caption").text()).isEqualTo("Imports, newest first");
        assertThat(page("/imports").select("tbody td.table__cell--numeric").eachText())
                .containsExactly("2", "0", "0", "2", "0", "0");
        assertThat(page("/import").select("a[href=/imports]")).hasSize(1);
    }

    @Test
    void shouldRecordNothingForAnImportThatFails() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content("name,status\nDerby REC,listed\nBad row,pending\n"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_record", Integer.class)).isZero();
        assertThat(page("/imports").select("p").eachText()).contains("Nothing has been imported yet.");
    }

    @Test
    void shouldSayPlainlyWhenTheSameFileIsUploadedAgainButStillImportIt() throws Exception {
        byte[] csv = CSV.getBytes(StandardCharsets.UTF_8);
        String first = preview("people.csv", csv, null);
        assertThat(page(first).select("#imported-before")).isEmpty();
        confirm(first);
        LocalDateTime at = jdbc.queryForObject("SELECT imported_at FROM import_record", LocalDateTime.class);

        String again = preview("people-copy.csv", csv, null);
        Document preview = page(again);
        assertThat(preview.select("#imported-before").text()).isEqualTo("You imported this file on "
                + DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(at) + " at "
                + DateTimeFormatter.ofPattern("HH:mm").format(at)
                + " (people.csv, 2 organisations). Importing it again will add them again.");
        assertThat(preview.select("#imported-before ~ form .table-scroll")).isNotEmpty();
        confirm(again);
        assertThat(history()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(4);
    }

    @Test
    void shouldNotTakeAnotherSheetOfTheSameWorkbookForTheSameFile() throws Exception {
        // Built once: a workbook written again differs in the time it records being written.
        byte[] workbook = workbook();
        confirm(preview("groups.xlsx", workbook, "North"));
        assertThat(page(preview("groups.xlsx", workbook, "South")).select("#imported-before")).isEmpty();
        assertThat(page(preview("groups.xlsx", workbook, "North")).select("#imported-before").text())
                .contains("(groups.xlsx, 1 organisations)");
    }
}
