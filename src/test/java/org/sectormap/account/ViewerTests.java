package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A viewer reads the register's public fields: no contact's name or role, no sections about people. */
@DatabaseTest
class ViewerTests {

    private static final RequestPostProcessor VIEWER = user("viewer@test.example").roles("VIEWER");
    private static final RequestPostProcessor RESEARCHER = user("researcher@test.example").roles("RESEARCHER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private long organisation() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content("name,status,contact_name,contact_role,phone\nDerby REC,listed,Amrit Sandhu,Chair,01332 000000\n"))
                .andExpect(status().isOk());
        return jdbc.queryForObject("SELECT id FROM organisation", Long.class);
    }

    @Test
    void shouldLeaveContactNamesAndRolesOffTheRecordPageForAViewer() throws Exception {
        long id = organisation();
        String researcher = mvc.perform(get("/organisations/{id}", id).with(RESEARCHER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(researcher).contains("Amrit Sandhu").contains("Chair").contains("/edit");
        String viewer = mvc.perform(get("/organisations/{id}", id).with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(viewer).contains("Derby REC").contains("01332 000000").doesNotContain("Amrit Sandhu")
                .doesNotContain(">Chair<").doesNotContain("/edit").doesNotContain("/attempts/new")
                .doesNotContain("/interviews/new");
        String review = mvc.perform(get("/organisations/review").with(VIEWER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Derby REC").doesNotContain("Amrit Sandhu");
        // Nor does the menu offer what the role would refuse.
        assertThat(viewer).contains("href=\"/reports\"").doesNotContain("href=\"/import\"")
                .doesNotContain("href=\"/comments\"").doesNotContain("href=\"/outreach\"");
        assertThat(researcher).contains("href=\"/import\"");
    }

    /** A search that looked in contacts' names would tell a viewer whose contact someone is. */
    @Test
    void shouldSearchAViewersWordsInEverythingButTheContactsName() throws Exception {
        organisation();
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content("name,status,description,contact_name\nSandhu Family Trust,listed,Société de Derby,Amrit Sandhu\n"))
                .andExpect(status().isOk());
        for (RequestPostProcessor who : List.of(VIEWER, RESEARCHER)) {
            boolean viewer = who == VIEWER;
            mvc.perform(get("/api/organisations").param("q", "amrit").with(who))
                    .andExpect(jsonPath("$.total").value(viewer ? 0 : 2));
            mvc.perform(get("/api/organisations").param("q", "sandhu").with(who))
                    .andExpect(jsonPath("$.total").value(viewer ? 1 : 2))
                    .andExpect(jsonPath("$.items[0].name").value(viewer ? "Sandhu Family Trust" : "Derby REC"));
            mvc.perform(get("/api/organisations").param("q", "societe derby").with(who))
                    .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Sandhu Family Trust")));
            String page = mvc.perform(get("/organisations").param("q", "amrit").with(who)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page.contains("Derby REC")).as("the list page of %s", viewer ? "a viewer" : "a researcher")
                    .isEqualTo(!viewer);
        }
    }

    @Test
    void shouldLeaveContactNamesAndRolesOutOfTheApiForAViewer() throws Exception {
        long id = organisation();
        mvc.perform(get("/api/organisations/{id}", id).with(VIEWER))
                .andExpect(jsonPath("$.name").value("Derby REC")).andExpect(jsonPath("$.phone").value("01332 000000"))
                .andExpect(jsonPath("$.contactName").doesNotExist()).andExpect(jsonPath("$.contactRole").doesNotExist());
        mvc.perform(get("/api/organisations").with(VIEWER))
                .andExpect(jsonPath("$.items[0].contactName").doesNotExist())
                .andExpect(jsonPath("$.items[0].contactRole").doesNotExist());
        mvc.perform(get("/api/organisations/{id}", id).with(RESEARCHER))
                .andExpect(jsonPath("$.contactName").value("Amrit Sandhu")).andExpect(jsonPath("$.contactRole").value("Chair"));
    }
}
