package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.ErrorPattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** An import whose records nobody has changed since is undone in one step; any later change stops it. */
@DatabaseTest
class ImportUndoTests {

    private static final String CSV = "name,status\nDerby REC,listed\nLeicester CVS,interviewed\nBosnia UK,listed\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private long importCsv() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(CSV))
                .andExpect(status().isOk());
        return jdbc.queryForObject("SELECT MAX(id) FROM import_record", Long.class);
    }

    private long organisation(String name) {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, name);
    }

    private List<String> names() {
        return jdbc.queryForList("SELECT name FROM organisation ORDER BY name", String.class);
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldDeleteWhatAnUntouchedImportAddedAndNothingElse() throws Exception {
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "Kept by hand").param("status", "listed"))
                .andExpect(status().is3xxRedirection());
        long earlier = importCsv();
        long undone = importCsv();

        assertThat(page("/imports").select("a[href=/imports/" + undone + "/undo]")).hasSize(1);
        assertThat(page("/imports/" + undone + "/undo").select("p").eachText())
                .contains("The 3 organisations it added will be deleted.");
        mvc.perform(post("/imports/{id}/undo", undone).with(csrf())).andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("notice", "imports.undo.done"));

        assertThat(names()).containsExactly("Bosnia UK", "Derby REC", "Kept by hand", "Leicester CVS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE import_id = ?", Integer.class,
                earlier)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'DELETED' "
                + "AND record_kind = 'organisation'", Integer.class)).isEqualTo(3);
        Document history = page("/imports");
        assertThat(history.select("a[href=/imports/" + undone + "/undo]")).isEmpty();
        assertThat(history.select("tbody tr").first().text()).contains("Undone on");
        mvc.perform(get("/imports/{id}/undo", undone)).andExpect(status().isNotFound());
        mvc.perform(post("/imports/{id}/undo", undone).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseOnceARecordOfTheImportHasBeenEdited() throws Exception {
        long imported = importCsv();
        long derby = organisation("Derby REC");
        mvc.perform(post("/organisations/{id}/edit", derby).with(csrf()).param("name", "Derby Racial Equality Council")
                .param("status", "listed").param("version", "0")).andExpect(status().is3xxRedirection());

        assertRefused(imported, derby);
        assertThat(names()).containsExactly("Bosnia UK", "Derby Racial Equality Council", "Leicester CVS");
    }

    @Test
    void shouldRefuseOnceAContactAttemptHasBeenAddedToOne() throws Exception {
        long imported = importCsv();
        long bosnia = organisation("Bosnia UK");
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", bosnia).contentType("application/json")
                .content("{\"attemptedOn\":\"2007-07-03\",\"method\":\"email\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isCreated());

        assertRefused(imported, bosnia);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldRefuseOnceARecordItDidNotAddNamesOneAsItsReferrer() throws Exception {
        long imported = importCsv();
        long leicester = organisation("Leicester CVS");
        jdbc.update("INSERT INTO organisation (version, name, status, name_sort, search_text, referred_by_id) "
                + "VALUES (0, 'Found through Leicester', 'listed', 'found through leicester', '', ?)", leicester);

        assertRefused(imported, leicester);
    }

    private void assertRefused(long importId, long changed) throws Exception {
        List<String> before = names();
        String html = mvc.perform(post("/imports/{id}/undo", importId).with(csrf())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary").text())
                .contains("organisation " + changed + " (")
                .contains("has changed since it was imported");
        assertThat(ErrorPattern.faults(html)).isEmpty();
        assertThat(names()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT undone_at FROM import_record WHERE id = ?", Object.class, importId))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'DELETED'", Integer.class))
                .isZero();
    }
}
