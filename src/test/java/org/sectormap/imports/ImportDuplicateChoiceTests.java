package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Each likely duplicate of an import is added, updates the record it probably is, or is left out, as chosen. */
@DatabaseTest
class ImportDuplicateChoiceTests {

    private static final String CSV = """
            name,status,phone
            The Derby Racial Equality Council Ltd,listed,01332 111111
            Leicester CVS,listed,
            Leicester Council for Voluntary Service,listed,0116 222222
            Bosnia UK,listed,
            Nottingham Refugee Forum,listed,0115 333333
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    private long derby;
    private long forum;

    /** Derby is published and has a contact, which a file without those columns must leave alone. */
    private void register() {
        derby = organisations.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED)
                .with(OrganisationField.PHONE, "01332 000000").with(OrganisationField.CONTACT_NAME, "A. Person")
                .with(OrganisationField.PUBLISH, true));
        forum = organisations.create(OrganisationDetails.of("Nottingham Refugee Forum", OutreachStatus.EXCLUDED)
                .with(OrganisationField.EXCLUSION_REASON, ExclusionReason.ADULTS_ONLY));
    }

    /** Uploads the file and answers the preview's address, with the session that holds it. */
    private String upload(Imported imported, String csv) throws Exception {
        return imported.remember(mvc.perform(multipart("/import").file(new MockMultipartFile("file", "groups.csv",
                "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("headerRow", "1").with(csrf())))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private MockHttpServletRequestBuilder confirm(String preview, Imported imported, Map<String, String> choices) {
        MockHttpServletRequestBuilder request = post(preview).with(imported.session()).with(csrf());
        choices.forEach(request::param);
        return request;
    }

    private Map<String, Object> organisation(long id) {
        return jdbc.queryForMap("SELECT name, phone, contact_name, publish, version FROM organisation WHERE id = ?", id);
    }

    private List<String> names() {
        return jdbc.queryForList("SELECT name FROM organisation ORDER BY name", String.class);
    }

    private Map<String, Object> lastImport() {
        return jdbc.queryForMap("SELECT id, rows_added, rows_updated, rows_skipped FROM import_record "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
    }

    /** Imports the file updating Derby with row 2, leaving the forum's row out; answers the import's id. */
    private long importUpdatingDerby() throws Exception {
        register();
        Imported imported = new Imported();
        mvc.perform(confirm(upload(imported, CSV), imported, Map.of("row-2", "update", "row-6", "skip")))
                .andExpect(redirectedUrl("/organisations"));
        return ((Number) lastImport().get("id")).longValue();
    }

    @Test
    void shouldShowWhatUpdatingWouldChangeAndOfferNoUpdateThatWouldBreakTheRules() throws Exception {
        register();
        Imported imported = new Imported();
        Document page = Jsoup.parse(mvc.perform(get(upload(imported, CSV)).with(imported.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#changes-2 tbody tr").stream().map(tr -> tr.children().eachText()).toList())
                .containsExactly(List.of("Name", "Derby Racial Equality Council", "The Derby Racial Equality Council Ltd"),
                        List.of("Telephone", "01332 000000", "01332 111111"));
        assertThat(page.select("select#row-2 option").eachAttr("value")).containsExactly("", "add", "update", "skip");
        // Listed, the forum's exclusion reason would no longer fit: it can be added or left out only.
        assertThat(page.select("#cannot-6").text()).startsWith("Cannot be updated:");
        assertThat(page.select("select#row-6 option").eachAttr("value")).containsExactly("", "add", "skip");
        assertThat(page.select("select#row-6").attr("aria-describedby")).isEqualTo("cannot-6");
        assertThat(page.select("select#row-2").hasAttr("aria-describedby")).isFalse();
        assertThat(page.select("input[name=duplicates][checked]").val()).isEqualTo("add");
    }

    @Test
    void shouldUpdateOneRowLeaveAnotherOutAndAddTheRest() throws Exception {
        register();
        Imported imported = new Imported();
        String preview = upload(imported, CSV);

        mvc.perform(confirm(preview, imported, Map.of("duplicates", "add", "row-2", "update", "row-6", "skip")))
                .andExpect(redirectedUrl("/organisations"))
                .andExpect(flash().attribute("notice", "import.doneWithDuplicates"))
                .andExpect(flash().attribute("noticeArgs", new Object[] {3, 1, 1}));

        assertThat(organisation(derby)).containsEntry("name", "The Derby Racial Equality Council Ltd")
                .containsEntry("phone", "01332 111111").containsEntry("contact_name", "A. Person")
                .containsEntry("publish", true);
        assertThat(names()).containsExactlyInAnyOrder("Bosnia UK", "Leicester Council for Voluntary Service",
                "Leicester CVS", "Nottingham Refugee Forum", "The Derby Racial Equality Council Ltd");
        assertThat(lastImport()).containsEntry("rows_added", 3).containsEntry("rows_updated", 1)
                .containsEntry("rows_skipped", 1);
    }

    @Test
    void shouldUpdateTheRecordAnEarlierRowOfTheFileMadeWhenUpdatingIsChosenForAll() throws Exception {
        register();
        Imported imported = new Imported();
        String preview = upload(imported, CSV);

        mvc.perform(confirm(preview, imported, Map.of("duplicates", "update", "row-6", "skip")))
                .andExpect(redirectedUrl("/organisations"));

        // Row 4 repeats row 3, so it updates the record row 3 has just made rather than adding another.
        assertThat(names()).containsExactly("Bosnia UK", "Leicester Council for Voluntary Service",
                "Nottingham Refugee Forum", "The Derby Racial Equality Council Ltd");
        assertThat(jdbc.queryForObject("SELECT phone FROM organisation WHERE name = 'Leicester Council for Voluntary "
                + "Service'", String.class)).isEqualTo("0116 222222");
        assertThat(lastImport()).containsEntry("rows_added", 2).containsEntry("rows_updated", 2)
                .containsEntry("rows_skipped", 1);
    }

    @Test
    void shouldPutBackWhatAnImportUpdatedWhenItIsUndone() throws Exception {
        long id = importUpdatingDerby();

        mvc.perform(post("/imports/{id}/undo", id).with(csrf())).andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("noticeArgs", new Object[] {3, 1}));

        assertThat(organisation(derby)).containsEntry("name", "Derby Racial Equality Council")
                .containsEntry("phone", "01332 000000").containsEntry("contact_name", "A. Person")
                .containsEntry("publish", true);
        assertThat(names()).containsExactly("Derby Racial Equality Council", "Nottingham Refugee Forum");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_import_update", Integer.class)).isZero();
    }

    @Test
    void shouldNotUndoAnImportWhoseUpdatedRecordChangedSince() throws Exception {
        long id = importUpdatingDerby();
        var now = organisations.get(derby);
        organisations.update(derby, now.version(), now.details().with(OrganisationField.PHONE, "01332 999999"));

        String answer = mvc.perform(post("/imports/{id}/undo", id).with(csrf())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(answer).text()).contains("organisation " + derby
                + " (The Derby Racial Equality Council Ltd) has changed since it was imported");
        assertThat(organisation(derby)).containsEntry("phone", "01332 999999");
        assertThat(names()).hasSize(5);
    }

    @Test
    void shouldForgetAnErasedPersonFromWhatAnUpdatedRecordHeldBefore() throws Exception {
        long id = importUpdatingDerby();
        assertThat(jdbc.queryForObject("SELECT previous FROM organisation_import_update", String.class))
                .contains("A. Person");

        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", "A. Person"))
                .andExpect(redirectedUrl("/privacy"));

        assertThat(jdbc.queryForObject("SELECT previous FROM organisation_import_update", String.class))
                .doesNotContain("A. Person");
        mvc.perform(post("/imports/{id}/undo", id).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void shouldRefuseAnUnknownChoiceNamingItsRowAndStoreNothing() throws Exception {
        register();
        Imported imported = new Imported();
        String preview = upload(imported, CSV);

        String answer = mvc.perform(confirm(preview, imported, Map.of("row-2", "merge")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(answer);
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#row-2");
        assertThat(page.select("#row-2-error").text()).contains("What to do with a likely duplicate");
        assertThat(page.select("select#row-2").attr("aria-describedby")).isEqualTo("row-2-error");
        assertThat(page.select("select#row-2").hasClass("input--error")).isTrue();
        assertThat(page.select("select#row-6").attr("aria-describedby")).isEqualTo("cannot-6");
        assertThat(page.select("fieldset").attr("aria-describedby")).isEqualTo("duplicates-hint");
        Document forAll = Jsoup.parse(mvc.perform(confirm(preview, imported, Map.of("duplicates", "merge")))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(forAll.select(".error-summary a").eachAttr("href")).containsExactly("#duplicates");
        assertThat(forAll.select("fieldset").attr("aria-describedby")).isEqualTo("duplicates-hint duplicates-error");
        assertThat(names()).containsExactly("Derby Racial Equality Council", "Nottingham Refugee Forum");
        // The file still waits, so the user can choose again.
        mvc.perform(confirm(preview, imported, Map.of("row-2", "skip", "row-6", "skip")))
                .andExpect(redirectedUrl("/organisations"));
        assertThat(names()).hasSize(5);
    }

    @Test
    void shouldFailWholeWhenAnUpdateChosenForAllWouldBreakTheRules() throws Exception {
        register();
        Imported imported = new Imported();

        String job = mvc.perform(confirm(upload(imported, CSV), imported, Map.of("duplicates", "update")))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(job).startsWith("/imports/jobs/");
        assertThat(Jsoup.parse(mvc.perform(get(job)).andReturn().getResponse().getContentAsString()).text())
                .contains("would leave that record breaking the rules");
        assertThat(names()).containsExactly("Derby Racial Equality Council", "Nottingham Refugee Forum");
        assertThat(organisation(derby)).containsEntry("phone", "01332 000000");
    }

    @Test
    void shouldTakeTheChoicesThroughTheApiAndAnswerTheChangesOnADryRun() throws Exception {
        register();
        MockMultipartFile file = new MockMultipartFile("file", "groups.csv", "text/csv",
                CSV.getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/imports").file(file).param("dryRun", "true")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates[0].changes[1].column").value("phone"))
                .andExpect(jsonPath("$.duplicates[0].changes[1].after").value("01332 111111"))
                .andExpect(jsonPath("$.duplicates[0].updateRefused").value(false))
                .andExpect(jsonPath("$.duplicates[2].updateRefused").value(true));
        // Updating every duplicate, one the dry run said cannot be: refused, saying why, and nothing stored.
        List<String> before = names();
        mvc.perform(multipart("/api/imports").file(file).param("duplicates", "update")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("A row chosen to update a record")));
        assertThat(names()).isEqualTo(before);
        mvc.perform(multipart("/api/imports").file(file).param("duplicates", "skip")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.skipped").value(3));
        mvc.perform(multipart("/api/imports").file(file).param("row-2", "replace")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("row-2"));
    }
}
