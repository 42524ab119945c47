package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class OrganisationExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Test
    void shouldExportTheCurrentSearchInTheImportColumnsWithTextExactlyAsStored() throws Exception {
        String name = "Ça & \"Jerry\" <b>中文</b>, O'Brien";
        service.create(OrganisationDetails.of(name, OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.COVERAGE, "Line one\nline two")
                .with(OrganisationField.DESCRIPTION, "=HYPERLINK(\"x\")")
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 2))
                .with(OrganisationField.INTERVIEW_MODE, InterviewMode.TELEPHONE)
                .with(OrganisationField.FULL_INTERVIEW, true)
                .with(OrganisationField.FOLLOW_UP, false)
                .with(OrganisationField.CYP_BOARD, true));
        service.create(OrganisationControllerTests.details("Not in the search"));

        byte[] body = mvc.perform(get("/organisations.csv").param("status", "interviewed"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"organisations.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFname,category,area,coverage,");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("name")).isEqualTo(name);
        assertThat(row.get("category")).isEqualTo("bme-network");
        assertThat(row.get("coverage")).isEqualTo("Line one\nline two");
        assertThat(row.get("description")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("interview_date")).isEqualTo("2007-07-02");
        assertThat(row.get("full_interview")).isEqualTo("yes");
        assertThat(row.get("follow_up")).isEqualTo("no");
        assertThat(row.get("well_informed")).as("not recorded").isEmpty();
    }

    @Test
    void shouldExportTheCurrentSearchAsAWorkbookWithDatesAsDatesAndFormulaeAsText() throws Exception {
        service.create(OrganisationDetails.of("=1+1 Group", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.DESCRIPTION, "=HYPERLINK(\"x\")")
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 2))
                .with(OrganisationField.FULL_INTERVIEW, true));
        service.create(OrganisationControllerTests.details("Not in the search"));

        byte[] body = mvc.perform(get("/organisations.xlsx").param("status", "interviewed"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"organisations.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row headings = sheet.getRow(0);
            assertThat(headings.getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(workbook.getFontAt(headings.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Row row = sheet.getRow(1);
            List<String> columns = java.util.Arrays.stream(OrganisationField.values()).map(OrganisationField::column)
                    .toList();
            Cell name = row.getCell(columns.indexOf("name"));
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=1+1 Group");
            assertThat(row.getCell(columns.indexOf("description")).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(row.getCell(columns.indexOf("category")).getStringCellValue()).isEqualTo("bme-network");
            Cell date = row.getCell(columns.indexOf("interview_date"));
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2007, 7, 2));
            assertThat(row.getCell(columns.indexOf("full_interview")).getStringCellValue()).isEqualTo("yes");
            assertThat(row.getCell(columns.indexOf("well_informed"))).as("not recorded").isNull();
        }
    }

    @Test
    void shouldExplainABadFilterInsteadOfFailing() throws Exception {
        mvc.perform(get("/organisations.csv").param("area", "Atlantis")).andExpect(status().isBadRequest());
    }
}
