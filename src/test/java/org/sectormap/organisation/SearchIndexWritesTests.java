package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.CleanDatabase;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whoever changes the register finds the change with their next search. On H2, through the index:
 * each way of writing organisations takes its change into the index before the request ends. On
 * PostgreSQL, each leaves the words of the search text (V147) exactly those of the records.
 */
@DatabaseTest
class SearchIndexWritesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    PlatformTransactionManager transactions;

    /** The names a search finds, asserting that the index answered it rather than LIKE, or that the words are in step. */
    private List<String> found(String text) {
        OrganisationQuery query = new OrganisationQuery(text, null, false, null, null, null, null, null, null,
                OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.MAX_SIZE);
        if (index.enabled()) {
            assertThat(index.current()).as("the index holds every committed change").isTrue();
            assertThat(index.find(query)).as("the index answers").isPresent();
        } else {
            assertThat(SearchWordsTests.stale(jdbc)).as("the words of the search text").isEmpty();
        }
        return organisations.search(query).items().stream().map(o -> o.details().name()).toList();
    }

    private long idOf(String name) {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, name);
    }

    @Test
    void shouldFindACreatedEditedAndDeletedRecordAtOnce() throws Exception {
        mvc.perform(post("/organisations/new").with(csrf()).param("name", "Zanzibar Refugee Forum")
                .param("status", "listed")).andExpect(status().is3xxRedirection());
        assertThat(found("zanzibar")).containsExactly("Zanzibar Refugee Forum");

        long id = idOf("Zanzibar Refugee Forum");
        Organisation before = organisations.get(id);
        organisations.update(id, before.version(), before.details().with(OrganisationField.NAME, "Quetzal Forum")
                .with(OrganisationField.DESCRIPTION, "Meets at the Zócalo"));
        assertThat(found("zanzibar")).isEmpty();
        assertThat(found("quetzal zocalo")).containsExactly("Quetzal Forum");

        organisations.delete(id, organisations.get(id).version());
        assertThat(found("quetzal")).isEmpty();
    }

    @Test
    void shouldFindWhatAnImportAddedAndNotWhatItsUndoRemoved() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content("name,status\nXylophone Trust,listed\nXylophone Network,interviewed\n"))
                .andExpect(status().isOk());
        assertThat(found("xylophone")).containsExactly("Xylophone Network", "Xylophone Trust");

        long imported = jdbc.queryForObject("SELECT MAX(id) FROM import_record", Long.class);
        mvc.perform(post("/imports/{id}/undo", imported).with(csrf())).andExpect(redirectedUrl("/imports"));
        assertThat(found("xylophone")).isEmpty();
    }

    @Test
    void shouldFindALargeImportOnceTakenInInTheBackgroundAndTheRightRecordsMeanwhile() {
        onH2();
        List<OrganisationDetails> many = new ArrayList<>();
        for (int i = 0; i < SearchIndex.AT_ONCE + 10; i++) {
            many.add(OrganisationDetails.of("Bulk Yodel Club " + i, OutreachStatus.LISTED));
        }
        organisations.createAll(many, null);
        OrganisationQuery query = new OrganisationQuery("yodel 100", null, false, null, null, null, null, null,
                null, OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE);
        // Whether or not the index has caught up, the search is right (LIKE answers until it has).
        assertThat(organisations.search(query).total()).isEqualTo(11);
        SearchIndexes.awaitCurrent(index);
        assertThat(index.find(query).orElseThrow().total()).isEqualTo(11);
    }

    @Test
    void shouldTakeInAnImportPastAThousandFromOneNoteAboutTheImport() {
        onH2();
        int rows = SearchIndex.AT_ONCE * 3;
        List<OrganisationDetails> many = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            many.add(OrganisationDetails.of("Walrus Choir " + i, OutreachStatus.LISTED));
        }
        long notes = new TransactionTemplate(transactions).execute(status -> {
            organisations.createAll(many, 42L);
            return jdbc.queryForObject("SELECT COUNT(*) FROM organisation_search_change", Long.class);
        });
        assertThat(notes).as("a note for each of the first thousand, then one for the import").isEqualTo(
                SearchIndex.AT_ONCE + 1);
        SearchIndexes.awaitCurrent(index);
        assertThat(index.find(new OrganisationQuery("walrus", null, false, null, null, null, null, null, null,
                OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE)).orElseThrow().total())
                .isEqualTo(rows);
        assertThat(found("walrus choir 2999")).containsExactly("Walrus Choir 2999");
    }

    @Test
    void shouldFollowAMergePublishingAndAReferral() throws Exception {
        long kept = organisations.create(OrganisationDetails.of("Kestrel Partnership", OutreachStatus.LISTED));
        long other = organisations.create(OrganisationDetails.of("Kestrel Partnership Ltd", OutreachStatus.LISTED));
        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", String.valueOf(kept))
                        .param("other", String.valueOf(other))
                        .param("keepVersion", String.valueOf(organisations.get(kept).version()))
                        .param("otherVersion", String.valueOf(organisations.get(other).version()))
                        .param("name", "other"))
                .andExpect(redirectedUrl("/organisations/" + kept));
        assertThat(found("kestrel")).containsExactly("Kestrel Partnership Ltd");
        assertThat(idOf("Kestrel Partnership Ltd")).isEqualTo(kept);

        organisations.setPublished(new OrganisationQuery("kestrel", null, false, null, null, null, null, null, null,
                OrganisationQuery.Sort.NAME, false, 1, OrganisationQuery.DEFAULT_SIZE), true);
        long referrer = organisations.create(OrganisationDetails.of("Osprey Forum", OutreachStatus.LISTED));
        organisations.setReferrer(kept, referrer);
        assertThat(found("kestrel")).containsExactly("Kestrel Partnership Ltd");
        assertThat(found("osprey")).containsExactly("Osprey Forum");
    }

    @Test
    void shouldForgetAnErasedContactName() throws Exception {
        organisations.create(OrganisationDetails.of("Heron Forum", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "Grace Adebayo"));
        assertThat(found("adebayo")).containsExactly("Heron Forum");

        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", "Grace Adebayo"))
                .andExpect(redirectedUrl("/privacy"));
        assertThat(found("adebayo")).isEmpty();
        assertThat(found("heron")).containsExactly("Heron Forum");
    }

    @Test
    void shouldFindWhatARestoredBackupHolds() throws Exception {
        organisations.create(OrganisationDetails.of("Pelican Network", OutreachStatus.LISTED));
        byte[] backup = mvc.perform(get("/backup/download")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        CleanDatabase.emptyNow(spring);
        assertThat(found("pelican")).isEmpty();

        mvc.perform(multipart("/backup/restore").file(new MockMultipartFile("file", "backup.zip", "application/zip",
                backup)).with(csrf())).andExpect(redirectedUrl("/backup"));
        assertThat(found("pelican")).containsExactly("Pelican Network");
    }

    private void onH2() {
        assumeTrue(index.enabled(), "How the index takes in a large import is H2's");
    }
}
