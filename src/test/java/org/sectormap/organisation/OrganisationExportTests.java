package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
        service.create(new OrganisationDetails(name, Category.BME_NETWORK, "Leicester", "Line one\nline two", null,
                null, null, null, null, null, null, "=HYPERLINK(\"x\")", OutreachStatus.INTERVIEWED, null, null,
                LocalDate.of(2007, 7, 2), InterviewMode.TELEPHONE, true, false, true, false));
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
    }

    @Test
    void shouldExplainABadFilterInsteadOfFailing() throws Exception {
        mvc.perform(get("/organisations.csv").param("area", "Atlantis")).andExpect(status().isBadRequest());
    }
}
