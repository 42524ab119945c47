package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Requests that a person or a script can get wrong, each answered with a 4xx that says what, never a 500. */
@DatabaseTest
class BadRequestTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequestMappingHandlerMapping mappings;

    private long organisation() {
        return organisations.create(OrganisationDetails.of("Loughborough Forum", OutreachStatus.LISTED));
    }

    @Test
    void shouldRefuseAnApiRequestThatWillNotTakeJsonBeforeStoringAnything() throws Exception {
        long id = organisation();
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.TEXT_HTML)
                        .content("{\"attemptedOn\":\"2025-11-01\",\"method\":\"telephone\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(
                        "This API answers only in JSON: ask for application/json, or send no Accept header"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Long.class)).isZero();

        mvc.perform(get("/api/reports/by-area").accept(MediaType.TEXT_HTML)).andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/reports/by-area").accept(MediaType.TEXT_HTML, MediaType.ALL)).andExpect(status().isOk());
        mvc.perform(get("/api/backup").accept("application/zip"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"));
    }

    @Test
    void shouldSayEveryApiAddressAnswersInJsonOrItsOwnType() {
        List<String> unsaid = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (api && info.getProducesCondition().isEmpty()) {
                unsaid.add(info.toString());
            }
        });
        assertThat(unsaid).as("API mappings that do not say what they answer in (use @ApiController)").isEmpty();
    }

    @Test
    void shouldAnswerAPageWhoseNumberIsNotOneWithA400SayingWhich() throws Exception {
        long id = organisation();
        assertThat(mvc.perform(get("/organisations/99999999999999999999")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString())
                .contains("&#39;99999999999999999999&#39; is not a valid value for id");
        mvc.perform(get("/organisations/merge").param("keep", "abc").param("other", String.valueOf(id)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/organisations/{id}/delete", id).param("version", "abc").with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(organisations.count()).isEqualTo(1);
    }

    @Test
    void shouldAnswerAFormSentWithoutOneOfItsFieldsWithA400PageNamingIt() throws Exception {
        long id = organisation();
        for (String accept : List.of("text/html", "*/*")) {
            assertThat(mvc.perform(post("/organisations/{id}/delete", id).with(csrf()).accept(accept))
                    .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andReturn().getResponse().getContentAsString()).contains("version is required");
        }
        assertThat(mvc.perform(get("/organisations/merge").param("keep", String.valueOf(id)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("other is required");
        assertThat(organisations.count()).isEqualTo(1);
    }

    @Test
    void shouldAnswerAPagePastTheLastOfEveryPagedListWithA404LinkingToTheLast() throws Exception {
        long theme = jdbc.queryForObject("SELECT MIN(id) FROM theme", Long.class);
        for (String list : List.of("/comments", "/themes/" + theme, "/reports/interviewees", "/outreach/follow-up")) {
            Document page = Jsoup.parse(mvc.perform(get(list).param("page", "2")).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString());
            assertThat(page.text()).as(list).contains("There is no page 2: this list has 1 page.");
            assertThat(page.select("a:contains(the last page)").attr("href")).as(list).isEqualTo(list + "?page=1");
            mvc.perform(get(list)).andExpect(status().isOk());
        }
    }

    @Test
    void shouldSayWhatIsWrongWithADownloadsFilterAndPageFarPastTheEnd() throws Exception {
        assertThat(mvc.perform(get("/audit.csv").param("changedFrom", "2020-13-01"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("Changed on or after must be a real date");
        // Past the end of a trail with entries, a page says there is none.
        organisations.create(OrganisationDetails.of("Derby Council for Voluntary Service", OutreachStatus.LISTED));
        for (String page : List.of("42949674", String.valueOf(Integer.MAX_VALUE))) {
            assertThat(mvc.perform(get("/audit").param("page", page)).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString()).contains("There is no page");
        }
    }
}
