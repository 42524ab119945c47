package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.healthmarketscience.jackcess.Database;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;


/** Excel, Access and Windows-1252 files import to the same register as the UTF-8 CSV they hold. */
@DatabaseTest
class ImportFormatsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @TempDir
    Path dir;

    private final Imported imported = new Imported();

    private RequestPostProcessor session() {
        return imported.session();
    }

    private List<OrganisationDetails> stored() {
        return Imported.stored(organisations);
    }

    private void assertSameRegisterAs(String csv) throws Exception {
        Imported.assertSameRegisterAs(mvc, organisations, csv);
    }

    private ResultActions upload(String fileName, byte[] content, String headerRow) throws Exception {
        ResultActions uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", fileName, null,
                content)).param("headerRow", headerRow).with(session()).with(csrf()));
        imported.remember(uploaded);
        return uploaded;
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** Uploads, chooses the sheet, checks the preview names it and confirms. */
    private void importThroughThePages(String fileName, byte[] content, String headerRow, String sheet)
            throws Exception {
        String sheetPage = upload(fileName, content, headerRow).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(sheetPage).endsWith("/sheet");
        String preview = sheetPage.substring(0, sheetPage.length() - "/sheet".length());
        mvc.perform(get(preview).with(session())).andExpect(redirectedUrl(sheetPage));
        assertThat(page(sheetPage).select("input[name=sheet]").eachAttr("value")).contains(sheet);
        mvc.perform(post(sheetPage).param("sheet", sheet).with(session()).with(csrf()))
                .andExpect(redirectedUrl(preview));
        assertThat(page(preview).select(".lead").text())
                .isEqualTo("2 organisations will be imported from the sheet or table '" + sheet + "' of " + fileName + ".");
        assertThat(stored()).isEmpty();
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
    }

    @Test
    void shouldImportAWindows1252CsvAsTheSameRegisterAsItsUtf8Twin() throws Exception {
        String csv = "name,description,status\n"
                + "Caf\u00e9 \u201cForum\u201d,\u2018Subs\u2019 are \u00a35 \u2013 or \u20ac6,listed\n";
        String preview = upload("excel.csv", csv.getBytes(Charset.forName("windows-1252")), "1")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(preview).select("tbody td").eachText()).contains("Café “Forum”");
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));

        assertThat(stored()).extracting(OrganisationDetails::name).containsExactly("Caf\u00e9 \u201cForum\u201d");
        assertThat(stored().get(0).description()).isEqualTo("\u2018Subs\u2019 are \u00a35 \u2013 or \u20ac6");
        assertSameRegisterAs(csv);
    }

    @Test
    void shouldImportAnXlsxSheetWithItsHeaderOnRow3AsTheSameRegisterAsTheCsv() throws Exception {
        importThroughThePages("mapping.xlsx", TestFiles.xlsx(), "3", TestFiles.SHEET);
        assertSameRegisterAs(TestFiles.CSV);
    }

    @Test
    void shouldImportAnXlsSheetAsTheSameRegisterAsTheCsv() throws Exception {
        importThroughThePages("mapping.xls", TestFiles.xls(), "3", TestFiles.SHEET);
        assertSameRegisterAs(TestFiles.CSV);
    }

    @Test
    void shouldImportAnMdbTableAsTheSameRegisterAsTheCsv() throws Exception {
        importThroughThePages("mapping.mdb", TestFiles.access(Database.FileFormat.V2003, dir), "1", "Organisations");
        assertSameRegisterAs(TestFiles.ACCESS_CSV);
    }

    @Test
    void shouldImportAnAccdbTableAsTheSameRegisterAsTheCsv() throws Exception {
        importThroughThePages("mapping.accdb", TestFiles.access(Database.FileFormat.V2007, dir), "1", "Organisations");
        assertSameRegisterAs(TestFiles.ACCESS_CSV);
    }

    /** Excel writes a semicolon between cells where the comma is the decimal mark; a tab-separated file is read too. */
    @Test
    void shouldReadACsvSeparatedBySemicolonsOrTabs() throws Exception {
        for (String separator : new String[] {";", "\t"}) {
            String file = String.join(separator, "name", "status", "phone") + "\n"
                    + String.join(separator, "\"Derby REC, the council\"", "listed", "01332 000000") + "\n";
            String preview = upload("groups.csv", file.getBytes(StandardCharsets.UTF_8), "1")
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        }
        assertThat(stored()).extracting(d -> d.name() + " " + d.get(OrganisationField.PHONE))
                .containsExactly("Derby REC, the council 01332 000000", "Derby REC, the council 01332 000000");
    }

    /** A phone number typed as a number and formatted with digit places is read as Excel shows it. */
    @Test
    void shouldReadANumberFormattedWithDigitPlacesAsShownLeadingZeroAndAll() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Groups");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("name");
            heading.createCell(1).setCellValue("status");
            heading.createCell(2).setCellValue("phone");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Derby REC");
            row.createCell(1).setCellValue("listed");
            CellStyle places = workbook.createCellStyle();
            places.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("00000 000000"));
            Cell phone = row.createCell(2);
            phone.setCellValue(1162333444);
            phone.setCellStyle(places);
            Row plain = sheet.createRow(2);
            plain.createCell(0).setCellValue("Leicester CVS");
            plain.createCell(1).setCellValue("listed");
            plain.createCell(2).setCellValue(1162333444);
            workbook.write(out);
            file = out.toByteArray();
        }
        String preview = upload("phones.xlsx", file, "1").andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(stored()).extracting(d -> d.name() + " " + d.get(OrganisationField.PHONE))
                .containsExactlyInAnyOrder("Derby REC 01162 333444", "Leicester CVS 1162333444");
    }

    @Test
    void shouldGoStraightToThePreviewOfAWorkbookWithOneSheet() throws Exception {
        byte[] workbook = TestFiles.oneSheet("Groups", new String[] {"name", "status"},
                new String[] {"Derby REC", "listed"});
        String preview = upload("one.xlsx", workbook, "1").andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(page(preview).select(".lead").text())
                .isEqualTo("1 organisations will be imported from the sheet or table 'Groups' of one.xlsx.");
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(stored()).extracting(OrganisationDetails::name).containsExactly("Derby REC");
    }

    @Test
    void shouldNameTheSheetAndTheRowAsTheSpreadsheetShowsItInEachProblem() throws Exception {
        String sheetPage = upload("mapping.xlsx", TestFiles.xlsx(), "2").andReturn().getResponse().getRedirectedUrl();
        // Row 2 holds the group headings, one merged across F2:G2, so its headings are not ours.
        String mappingPage = mvc.perform(post(sheetPage).param("sheet", "Groups").with(session()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mappingPage).endsWith("/mapping");
        Document mapping = page(mappingPage);
        assertThat(mapping.select("#mapping-lead").text()).startsWith("The sheet or table 'Groups' of mapping.xlsx");
        assertThat(mapping.select("tbody th label").eachText()).containsExactly("name", "Interview", "Interview");
        Document problems = Jsoup.parse(mvc.perform(post(mappingPage).param("column-0", "name").with(session())
                .with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString());
        assertThat(problems.select("#problems tbody tr").eachText()).containsExactly(
                "2 status No column of the file is mapped to 'status', which every organisation needs");
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldAskForASheetAgainWhenNoneOrAnUnknownOneIsChosen() throws Exception {
        String sheetPage = upload("mapping.xlsx", TestFiles.xlsx(), "3").andReturn().getResponse().getRedirectedUrl();
        Document none = Jsoup.parse(mvc.perform(post(sheetPage).with(session()).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(none.select(".error-summary a").attr("href")).isEqualTo("#sheet");
        assertThat(none.select(".error-summary a").text()).isEqualTo("Select the sheet or table to import");
        mvc.perform(post(sheetPage).param("sheet", "Elsewhere").with(session()).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void shouldRefuseAHeaderRowThatIsNotARowNumber() throws Exception {
        Document page = Jsoup.parse(upload("groups.csv", "name,status\nA,listed\n".getBytes(StandardCharsets.UTF_8), "0")
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#headerRow");
        assertThat(page.select("#headerRow").val()).isEqualTo("0");
    }

    /** A bad file's one message, from the page (422) and from the API (422, whole file). */
    private void assertRefused(String fileName, byte[] content, String message) throws Exception {
        Document page = Jsoup.parse(upload(fileName, content, "1").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems tbody td").eachText()).containsExactly("Whole file", message);
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(content))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldRefuseARenamedProgramWithAClearMessage() throws Exception {
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        program[2] = (byte) 0x90;
        assertRefused("groups.csv", program,
                "This file is not a CSV file, an Excel workbook, an Access database or an Open Referral JSON file");
        assertRefused("groups.xlsx", program,
                "This file is not a CSV file, an Excel workbook, an Access database or an Open Referral JSON file");
    }

    @Test
    void shouldRefuseAZipBombPosingAsAWorkbook() throws Exception {
        assertRefused("groups.xlsx", TestFiles.zipBomb(TestFiles.emptyWorkbook()), "This file expands to far more data "
                + "than a real workbook would, so it has not been read: open it in Excel and save it again as an "
                + "Excel workbook (.xlsx)");
    }

    @Test
    void shouldRefuseAWorkbookWhoseSharedTextWouldFillTheHeap() throws Exception {
        assertRefused("groups.xlsx", TestFiles.sharedTextBomb(TestFiles.oneSheet("Organisations",
                new String[] {"name", "status"}, new String[] {"Derby REC", "listed"})), "This workbook holds more text than an "
                + "import reads at once (over 96 MB of it, once unpacked): split it into smaller workbooks, or save it as CSV");
    }

    @Test
    void shouldRefuseAFileWithALineLongerThanAnyRowNamingTheLine() throws Exception {
        byte[] file = ("name,status\n" + ",".repeat(3 << 20) + "\nDerby REC,listed\n").getBytes(StandardCharsets.UTF_8);
        assertRefused("groups.csv", file, "Line 2 of this file is longer than any row the import takes (over 2 MB): it is "
                + "not a table of organisations. Check the file is the one you meant");
    }

    @Test
    void shouldRefuseAWorkbookProtectedByAPassword() throws Exception {
        assertRefused("groups.xlsx", TestFiles.withPassword(TestFiles.xlsx()),
                "This workbook is protected by a password: save a copy without one and upload that");
    }

    @Test
    void shouldRefuseAnAccessFileThatIsNotOne() throws Exception {
        byte[] text = "name,status\nDerby REC,listed\n".getBytes(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(upload("mapping.mdb", text, "1").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems tbody td").eachText()).containsExactly("Whole file",
                "This file is named as an Access database but is not one: upload the database itself (.mdb or .accdb)");

        byte[] damaged = new byte[8192];
        System.arraycopy("Standard Jet DB".getBytes(StandardCharsets.US_ASCII), 0, damaged, 4, 15);
        assertRefused("mapping.mdb", damaged, "This Access database cannot be read: it may be damaged or protected "
                + "by a password. Open it in Access, use Compact and Repair, and upload it again");
    }

    @Test
    void shouldRefuseAnEmptySheet() throws Exception {
        assertRefused("empty.xlsx", TestFiles.emptyWorkbook(), "The sheet or table 'Empty' has no organisations in it");
    }
}
