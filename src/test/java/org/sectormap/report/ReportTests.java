package org.sectormap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The report's own sample, rebuilt record by record, must give back its Tables 1 and 2 and its funnel. */
@DatabaseTest
class ReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    private static final int KEEN_FOR_FOLLOW_UP = 15;

    private final List<OrganisationDetails> register = new ArrayList<>();
    private int counter;
    private int interviewedSoFar;

    private void add(int count, Category category, OutreachStatus status, String area, boolean cypBoard,
            boolean wellInformed, ExclusionReason reason) {
        for (int i = 0; i < count; i++) {
            boolean interviewed = status == OutreachStatus.INTERVIEWED;
            boolean keen = interviewed && ++interviewedSoFar <= KEEN_FOR_FOLLOW_UP;
            register.add(OrganisationDetails.of("Organisation " + (++counter), status)
                .with(OrganisationField.CATEGORY, category)
                .with(OrganisationField.AREA, area)
                .with(OrganisationField.EXCLUSION_REASON, reason)
                .with(OrganisationField.FULL_INTERVIEW, interviewed)
                .with(OrganisationField.FOLLOW_UP, keen)
                .with(OrganisationField.CYP_BOARD, interviewed && cypBoard)
                .with(OrganisationField.WELL_INFORMED, interviewed && wellInformed));
        }
    }

    /** 74 contacted: Table 1's 54 on the database (45 interviewed, 9 listed) and 20 excluded. */
    private void reportSample() {
        String[] areas = new String[54];
        int at = 0;
        for (Object[] area : new Object[][] {{"Derby city", 8}, {"Derbyshire", 2}, {"Nottingham", 9},
                {"Nottinghamshire", 8}, {"Northamptonshire", 5}, {"Lincolnshire", 8}, {"Leicester", 1},
                {"Leicestershire", 8}, {"Regional", 4}, {"National", 1}}) {
            for (int i = 0; i < (int) area[1]; i++) {
                areas[at++] = (String) area[0];
            }
        }
        Object[][] table1 = {{Category.BME_INFRASTRUCTURE, 18, 17}, {Category.BME_NETWORK, 6, 2},
                {Category.GENERAL_INFRASTRUCTURE, 22, 18}, {Category.GENERAL_NETWORK, 6, 6},
                {Category.ACCESS_POINT, 2, 2}};
        int next = 0;
        for (Object[] row : table1) {
            int onDatabase = (int) row[1];
            int interviewed = (int) row[2];
            for (int i = 0; i < onDatabase; i++) {
                add(1, (Category) row[0], i < interviewed ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED,
                        areas[next++], false, false, null);
            }
        }
        // Excluded organisations are in Rutland, which must still show none on the database.
        add(8, Category.GENERAL_INFRASTRUCTURE, OutreachStatus.EXCLUDED, "Rutland", false, false,
                ExclusionReason.NO_BME_WORK);
        add(6, null, OutreachStatus.EXCLUDED, "Rutland", false, false, ExclusionReason.ADULTS_ONLY);
        add(5, null, OutreachStatus.EXCLUDED, "Rutland", false, false, ExclusionReason.DIRECT_SERVICE_ONLY);
        add(1, null, OutreachStatus.EXCLUDED, null, false, false, ExclusionReason.OTHER);
        organisations.createAll(register, null);
    }

    @Test
    void shouldReproduceTable1() throws Exception {
        reportSample();
        mvc.perform(get("/api/reports/by-category"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].category", contains("bme-infrastructure", "bme-network",
                        "general-infrastructure", "general-network", "access-point")))
                .andExpect(jsonPath("$.rows[*].onDatabase", contains(18, 6, 22, 6, 2)))
                .andExpect(jsonPath("$.rows[*].interviewed", contains(17, 2, 18, 6, 2)))
                .andExpect(jsonPath("$.rows[0].label").value("BME infrastructure organisation"))
                .andExpect(jsonPath("$.total.onDatabase").value(54))
                .andExpect(jsonPath("$.total.interviewed").value(45));

        Document page = html("/reports/by-category");
        Element table = page.selectFirst("table");
        assertThat(table.selectFirst("caption").text()).isEqualTo("Organisations on the database by category");
        assertThat(table.select("tbody th[scope=row]").eachText()).containsExactly("BME infrastructure organisation",
                "BME network", "General infrastructure organisation", "General network",
                "Access point into a BME community");
        assertThat(table.select("tbody tr").first().select("td.table__cell--numeric").eachText())
                .containsExactly("18", "17");
        assertThat(table.select("tfoot td").eachText()).containsExactly("54", "45");

        List<CSVRecord> csv = csv("/reports/by-category.csv");
        assertThat(csv.get(0).values()).containsExactly("Category", "On the database", "Interviewed");
        assertThat(csv.get(3).values()).containsExactly("General infrastructure organisation", "22", "18");
        assertThat(csv.get(6).values()).containsExactly("Total", "54", "45");
    }

    @Test
    void shouldReproduceTable2WithEveryAreaIncludingRutlandAtZero() throws Exception {
        reportSample();
        mvc.perform(get("/api/reports/by-area"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].area", contains("Derby city", "Derbyshire", "Nottingham",
                        "Nottinghamshire", "Leicester", "Leicestershire", "Rutland", "Lincolnshire", "Northamptonshire",
                        "Regional", "National")))
                .andExpect(jsonPath("$.rows[*].onDatabase", contains(8, 2, 9, 8, 1, 8, 0, 8, 5, 4, 1)))
                .andExpect(jsonPath("$.total.onDatabase").value(54));

        Element rutland = html("/reports/by-area").select("tbody tr").get(6);
        assertThat(rutland.selectFirst("th").text()).isEqualTo("Rutland");
        assertThat(rutland.selectFirst("td").text()).isEqualTo("0");
        assertThat(rutland.selectFirst("td").hasClass("table__cell--numeric")).isTrue();
    }

    @Test
    void shouldKeepCountingAreasNoLongerConfiguredAfterTheConfiguredOnes() throws Exception {
        add(1, null, OutreachStatus.LISTED, "Derby city", false, false, null);
        organisations.createAll(register, null);
        // Stored before the area list changed: saved below the form, which would no longer accept them.
        organisations.createAll(List.of(
                OrganisationDetails.of("Old", OutreachStatus.LISTED).with(OrganisationField.AREA, "east midlands"),
                OrganisationDetails.of("Older", OutreachStatus.LISTED).with(OrganisationField.AREA, "Birmingham")),
                null);
        mvc.perform(get("/api/reports/by-area"))
                .andExpect(jsonPath("$.rows[11].area").value("Birmingham"))
                .andExpect(jsonPath("$.rows[12].area").value("east midlands"))
                .andExpect(jsonPath("$.total.onDatabase").value(3));
        List<CSVRecord> csv = csv("/reports/by-area.csv");
        assertThat(csv.get(0).values()).containsExactly("Area", "On the database");
        assertThat(csv.get(csv.size() - 1).values()).containsExactly("Total", "3");
    }

    @Test
    void shouldCountTheWholeContactFunnel() throws Exception {
        reportSample();
        String expected = """
                {"contacted":74,"excluded":20,"excludedByReason":{"no-bme-work":8,"adults-only":6,\
                "direct-service-only":5,"other":1},"listed":9,"interviewed":45,"unreachable":0,"onDatabase":54,\
                "fullInterviews":45,"followUp":15}""";
        mvc.perform(get("/api/reports/outreach")).andExpect(status().isOk()).andExpect(content().json(expected, true));
    }

    @Test
    void shouldReproduceTheEngagementComparisonOfSectionB() throws Exception {
        add(4, Category.BME_INFRASTRUCTURE, OutreachStatus.INTERVIEWED, "Nottingham", true, false, null);
        add(5, Category.BME_INFRASTRUCTURE, OutreachStatus.INTERVIEWED, "Leicester", false, true, null);
        add(7, Category.BME_INFRASTRUCTURE, OutreachStatus.INTERVIEWED, "Derby city", false, false, null);
        add(10, Category.GENERAL_INFRASTRUCTURE, OutreachStatus.INTERVIEWED, "Derby city", true, true, null);
        add(8, Category.GENERAL_INFRASTRUCTURE, OutreachStatus.INTERVIEWED, "Derby city", false, false, null);
        add(3, Category.BME_NETWORK, OutreachStatus.LISTED, "Derby city", false, false, null);
        add(1, Category.ACCESS_POINT, OutreachStatus.INTERVIEWED, "Derby city", false, false, null);
        organisations.createAll(register, null);

        mvc.perform(get("/api/reports/engagement"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].fullInterviews").value(16))
                .andExpect(jsonPath("$.rows[0].onCypBoard").value(4))
                .andExpect(jsonPath("$.rows[0].onCypBoardPercent").value(25))
                .andExpect(jsonPath("$.rows[0].wellInformed").value(5))
                .andExpect(jsonPath("$.rows[0].wellInformedPercent").value(31))
                .andExpect(jsonPath("$.rows[2].onCypBoardPercent").value(56))
                .andExpect(jsonPath("$.rows[1].fullInterviews").value(0))
                .andExpect(jsonPath("$.rows[1].onCypBoardPercent", nullValue()))
                .andExpect(jsonPath("$.rows[4].onCypBoardPercent").value(0))
                .andExpect(jsonPath("$.rows.length()").value(5));

        Element bmeNetwork = html("/reports/engagement").select("tbody tr").get(1);
        assertThat(bmeNetwork.select("td").eachText()).containsExactly("0", "0", "–", "0", "–");
        assertThat(csv("/reports/engagement.csv").get(1).values())
                .containsExactly("BME infrastructure organisation", "16", "4", "25%", "5", "31%");
    }

    @Test
    void shouldCountUnclassifiedOrganisationsInTheirOwnRowOnlyWhenThereAreSome() throws Exception {
        add(1, Category.BME_NETWORK, OutreachStatus.INTERVIEWED, "Derby city", false, false, null);
        organisations.createAll(register, null);
        mvc.perform(get("/api/reports/by-category")).andExpect(jsonPath("$.rows.length()").value(5));

        register.clear();
        add(2, null, OutreachStatus.LISTED, null, false, false, null);
        organisations.createAll(register, null);
        mvc.perform(get("/api/reports/by-category"))
                .andExpect(jsonPath("$.rows.length()").value(6))
                .andExpect(jsonPath("$.rows[5].category", nullValue()))
                .andExpect(jsonPath("$.rows[5].label").value("Not yet classified"))
                .andExpect(jsonPath("$.rows[5].onDatabase").value(2))
                .andExpect(jsonPath("$.total.onDatabase").value(3));
        mvc.perform(get("/api/reports/by-area"))
                .andExpect(jsonPath("$.rows[11].area", nullValue()))
                .andExpect(jsonPath("$.rows[11].onDatabase").value(2));
    }

    @Test
    void shouldListIntervieweesByAreaWithNamesEscapedOnThePageAndExactInTheDownload() throws Exception {
        String awkward = "Ça & \"Jerry\" <b>中文</b>";
        register.add(OrganisationDetails.of(awkward, OutreachStatus.INTERVIEWED)
                .with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.CONTACT_NAME, "Hazel Contact")
                .with(OrganisationField.FULL_INTERVIEW, true));
        register.add(OrganisationDetails.of("=cmd|' /C calc'!A0", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.AREA, "Derby city")
                .with(OrganisationField.FULL_INTERVIEW, true));
        add(1, Category.BME_NETWORK, OutreachStatus.LISTED, "Derby city", false, false, null);
        organisations.createAll(register, null);

        mvc.perform(get("/api/reports/interviewees"))
                .andExpect(jsonPath("$.areas[*].area", contains("Derby city", "Leicester")))
                .andExpect(jsonPath("$.areas[1].organisations[0].name").value(awkward));
        Document page = html("/reports/interviewees");
        assertThat(page.select("main b")).isEmpty();
        assertThat(page.select("tbody td a").eachText()).containsExactly("=cmd|' /C calc'!A0", awkward);
        assertThat(page.text()).doesNotContain("Hazel Contact");

        List<CSVRecord> csv = csv("/reports/interviewees.csv");
        assertThat(csv.get(1).values()).containsExactly("Derby city", "'=cmd|' /C calc'!A0", "BME network");
        assertThat(csv.get(2).values()).containsExactly("Leicester", awkward, "Not yet classified");
    }

    @Test
    void shouldAnswerAnUnknownReportWithNotFound() throws Exception {
        mvc.perform(get("/reports/by-postcode")).andExpect(status().isNotFound());
        mvc.perform(get("/reports/by-postcode.csv")).andExpect(status().isNotFound());
    }

    @Test
    void shouldOfferEveryReportAsAWorkbookHoldingTheCsvFiguresAsNumbersAndPercentages() throws Exception {
        reportSample();
        add(3, Category.BME_NETWORK, OutreachStatus.INTERVIEWED, "Leicester", true, false, null);
        organisations.createAll(register.subList(register.size() - 3, register.size()), null);
        try (XSSFWorkbook all = workbook("/reports.xlsx")) {
            assertThat(all.getNumberOfSheets()).isEqualTo(ReportKind.values().length);
            for (ReportKind kind : ReportKind.values()) {
                Sheet sheet = all.getSheetAt(kind.ordinal());
                assertThat(sheet.getSheetName()).isEqualTo(html("/reports/" + kind.slug()).selectFirst("h1").text());
                assertSameAsCsv(sheet, csv("/reports/" + kind.slug() + ".csv"));
                try (XSSFWorkbook one = workbook("/reports/" + kind.slug() + ".xlsx")) {
                    assertSameAsCsv(one.getSheetAt(0), csv("/reports/" + kind.slug() + ".csv"));
                }
            }
            Row bmeNetwork = all.getSheetAt(ReportKind.ENGAGEMENT.ordinal()).getRow(2);
            assertThat(bmeNetwork.getCell(3).getNumericCellValue()).isEqualTo(0.6);
            assertThat(bmeNetwork.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0%");
        }
        mvc.perform(get("/reports/nonsense.xlsx")).andExpect(status().isNotFound());
    }

    private XSSFWorkbook workbook(String path) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get(path)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()));
    }

    /** Text as text, numbers as numbers, "60%" as 0.6 shown as a percentage, and an empty cell empty. */
    private static void assertSameAsCsv(Sheet sheet, List<CSVRecord> csv) {
        assertThat(sheet.getLastRowNum()).isEqualTo(csv.size() - 1);
        for (int r = 0; r < csv.size(); r++) {
            for (int c = 0; c < csv.get(r).size(); c++) {
                String expected = csv.get(r).get(c);
                Cell cell = sheet.getRow(r).getCell(c);
                if (expected.isEmpty()) {
                    assertThat(cell).isNull();
                } else if (r > 0 && expected.endsWith("%")) {
                    assertThat(cell.getNumericCellValue() * 100)
                            .isCloseTo(Double.parseDouble(expected.replace("%", "")), within(1e-9));
                } else if (r > 0 && c > 0 && expected.chars().allMatch(Character::isDigit)) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getNumericCellValue()).isEqualTo(Double.parseDouble(expected));
                } else {
                    assertThat(cell.getStringCellValue()).isEqualTo(expected);
                }
            }
        }
    }

    private Document html(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private List<CSVRecord> csv(String path) throws Exception {
        String text = new String(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }
}
