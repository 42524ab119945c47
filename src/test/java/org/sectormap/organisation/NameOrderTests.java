package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Names sort the same way on every page: ignoring case, then by id. */
@DatabaseTest
class NameOrderTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @BeforeEach
    void register() {
        for (String name : List.of("cherry", "Banana", "apple")) {
            service.create(OrganisationDetails.of(name, OutreachStatus.INTERVIEWED)
                .with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.INTERVIEW_DATE, LocalDate.of(2007, 7, 20))
                .with(OrganisationField.INTERVIEW_MODE, InterviewMode.VISIT)
                .with(OrganisationField.FULL_INTERVIEW, true)
                .with(OrganisationField.FOLLOW_UP, true));
        }
    }

    private List<String> linkTexts(String path, String css) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        return page.select(css).eachText();
    }

    @Test
    void shouldSortTheListByNameIgnoringCaseInBothDirections() throws Exception {
        assertThat(linkTexts("/organisations", "tbody td:first-child a")).containsExactly("apple", "Banana", "cherry");
        assertThat(linkTexts("/organisations?sort=name&dir=desc", "tbody td:first-child a"))
                .containsExactly("cherry", "Banana", "apple");
    }

    @Test
    void shouldSortNamesOnOtherPagesAsTheListDoes() throws Exception {
        assertThat(linkTexts("/reports/interviewees", "tbody td:first-child a"))
                .containsExactly("apple", "Banana", "cherry");
        assertThat(linkTexts("/outreach/follow-up", "tbody td:first-child a"))
                .containsExactly("apple", "Banana", "cherry");
        assertThat(linkTexts("/organisations/review?position=2", "h1")).containsExactly("Banana");
    }
}
