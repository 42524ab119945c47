package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class DateInputFilterTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Test
    void shouldJoinDayMonthAndYearPaddingSingleDigits() {
        assertThat(DateInputFilter.join("5", "7", "2007")).isEqualTo("2007-07-05");
        assertThat(DateInputFilter.join(" 23 ", "12", "2007")).isEqualTo("2007-12-23");
        assertThat(DateInputFilter.join("", "", "")).isEmpty();
        assertThat(DateInputFilter.join("x", "7", "07")).isEqualTo("07-07-x");
    }

    @Test
    void shouldStoreADateTypedInThreeBoxes() throws Exception {
        String location = mvc.perform(post("/organisations/new").with(csrf()).param("name", "Converge")
                        .param("status", "interviewed").param("interviewDate-day", "9")
                        .param("interviewDate-month", "7").param("interviewDate-year", "2007"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(organisations.find(id).orElseThrow().details().interviewDate()).isEqualTo(LocalDate.of(2007, 7, 9));
    }

    @Test
    void shouldShowAnImpossibleDateBackAsTypedWithTheErrorLinkedToTheDayBox() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/organisations/new").with(csrf()).param("name", "Converge")
                        .param("status", "interviewed").param("interviewDate-day", "31")
                        .param("interviewDate-month", "2").param("interviewDate-year", "2007"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#interviewDate");
        assertThat(page.select(".error-summary a").text()).isEqualTo("Interview date must be a real date");
        assertThat(page.selectFirst("#interviewDate").val()).isEqualTo("31");
        assertThat(page.selectFirst("#interviewDate-month").val()).isEqualTo("02");
        assertThat(page.selectFirst("#interviewDate-year").val()).isEqualTo("2007");
    }
}
