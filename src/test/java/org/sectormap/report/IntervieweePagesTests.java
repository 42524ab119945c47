package org.sectormap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Appendix 1 a page at a time: the pages, one after another, list exactly what the download lists,
 * in its order, with each area's whole count beside its share of the page.
 */
@DatabaseTest
class IntervieweePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    /** 130 in Nottingham, 60 in Derby city, 15 in an area no longer listed and 20 with none: three pages. */
    private void interviewees() {
        List<OrganisationDetails> all = new ArrayList<>();
        for (Object[] area : new Object[][] {{"Nottingham", 130}, {"Derby city", 60}, {"Atlantis", 15}, {null, 20}}) {
            for (int i = 0; i < (int) area[1]; i++) {
                all.add(OrganisationDetails.of(area[0] + " group " + (1000 - i), OutreachStatus.INTERVIEWED)
                        .with(OrganisationField.AREA, (String) area[0]));
            }
        }
        all.add(OrganisationDetails.of("Listed, not interviewed", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Derby city"));
        organisations.createAll(all, null);
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void shouldPageThroughTheAppendixInTheDownloadsOrder() throws Exception {
        interviewees();
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String json = body("/api/reports/interviewees?page=" + page);
            assertThat(JsonPath.<Integer>read(json, "$.page")).isEqualTo(page);
            assertThat(JsonPath.<Integer>read(json, "$.pageCount")).isEqualTo(3);
            assertThat(JsonPath.<Integer>read(json, "$.total")).isEqualTo(225);
            List<String> areas = JsonPath.read(json, "$.areas[*].area");
            for (int i = 0; i < areas.size(); i++) {
                List<String> inArea = JsonPath.read(json, "$.areas[" + i + "].organisations[*].name");
                for (String name : inArea) {
                    paged.add((areas.get(i) == null ? "Not recorded" : areas.get(i)) + " / " + name);
                }
            }
        }
        List<CSVRecord> csv = CSVFormat.RFC4180.parse(new StringReader(body("/reports/interviewees.csv").substring(1)))
                .getRecords();
        assertThat(paged).hasSize(225).containsExactlyElementsOf(csv.stream().skip(1)
                .map(r -> r.get(0) + " / " + r.get(1)).toList());
        assertThat(paged.get(0)).isEqualTo("Derby city / Derby city group 1000");
        assertThat(paged.get(60)).isEqualTo("Nottingham / Nottingham group 1000");
        assertThat(paged.get(190)).isEqualTo("Atlantis / Atlantis group 1000");

        String second = body("/api/reports/interviewees?page=2");
        assertThat(JsonPath.<List<String>>read(second, "$.areas[*].area")).containsExactly("Nottingham", "Atlantis");
        assertThat(JsonPath.<List<Integer>>read(second, "$.areas[*].interviewed")).containsExactly(130, 15);
        assertThat(JsonPath.<List<Integer>>read(second, "$.areas[*].organisations.length()")).containsExactly(90, 10);
        assertThat(JsonPath.<List<Object>>read(body("/api/reports/interviewees?page=4"), "$.areas")).isEmpty();
    }

    @Test
    void shouldLinkThePagesAndCountEachAreaInFull() throws Exception {
        interviewees();
        Document first = Jsoup.parse(body("/reports/interviewees"));
        assertThat(first.select("tbody td:first-child a")).hasSize(100);
        assertThat(first.select("nav.pagination span").text()).isEqualTo("Page 1 of 3");
        assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/reports/interviewees?page=2");
        assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
        assertThat(first.select("tr.table__group th").eachText()).containsExactly("Derby city (60 interviewed)",
                "Nottingham (130 interviewed)");
        Document last = Jsoup.parse(body("/reports/interviewees?page=3"));
        assertThat(last.select("tbody td:first-child a")).hasSize(25);
        assertThat(last.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/reports/interviewees?page=2");
    }

    @Test
    void shouldRefuseAPageThatIsNotAWholeNumberFromOne() throws Exception {
        for (String page : List.of("0", "-1", "two", "1.5")) {
            mvc.perform(get("/reports/interviewees").param("page", page)).andExpect(status().isBadRequest());
            mvc.perform(get("/api/reports/interviewees").param("page", page)).andExpect(status().isBadRequest());
        }
    }
}
