package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.audit.AuditEntry;
import org.sectormap.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
class MergeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    /** Someone saving the merged record while the merge runs, after every row has moved: the delete then fails. */
    @TestConfiguration
    static class SaveDuringMerge {

        static volatile boolean on;

        private final JdbcTemplate jdbc;

        SaveDuringMerge(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void save(OrganisationsMerged merge) {
            if (on) {
                jdbc.update("UPDATE organisation SET version = version + 1 WHERE id = ?", merge.merged());
            }
        }
    }

    @AfterEach
    void stopSaving() {
        SaveDuringMerge.on = false;
    }

    private long kept;
    private long other;
    private long led;

    /** Two records of one organisation: the other has the email, the interview, the history and a referral. */
    private void seed() {
        kept = service.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED)
                .with(OrganisationField.PHONE, "01332 111111"));
        other = service.create(OrganisationDetails.of("The Derby Racial Equality Council Ltd", OutreachStatus.LISTED)
                .with(OrganisationField.EMAIL, "info@drec.org.uk").with(OrganisationField.PHONE, "01332 222222")
                .interviewed(java.time.LocalDate.of(2007, 7, 20), InterviewMode.VISIT, true, true, false, true));
        led = service.create(OrganisationDetails.of("Derby Somali Forum", OutreachStatus.LISTED));
        service.setReferrer(led, other);
        service.setReferrer(kept, other);
        jdbc.update("INSERT INTO contact_attempt (organisation_id, attempted_on, method, outcome) "
                + "VALUES (?, DATE '2007-07-19', 'telephone', 'interview-arranged')", other);
        jdbc.update("INSERT INTO interview (organisation_id, held_on, mode, name_consent, full_interview, follow_up, "
                + "cyp_board, well_informed, statutory_work) VALUES (?, DATE '2007-07-20', 'visit', FALSE, TRUE, TRUE, "
                + "'no', TRUE, FALSE)", other);
        jdbc.update("INSERT INTO consent_record (organisation_id, person_name, basis, given_on, given_how, purpose) "
                + "VALUES (?, 'A Contact', 'consent', DATE '2007-07-19', 'By telephone', 'The mapping')", other);
    }

    private int version(long id) {
        return service.get(id).version();
    }

    private MockHttpServletRequestBuilder merge(int keptVersion, int otherVersion) {
        return post("/organisations/merge").with(csrf()).param("keep", String.valueOf(kept))
                .param("other", String.valueOf(other)).param("keepVersion", String.valueOf(keptVersion))
                .param("otherVersion", String.valueOf(otherVersion));
    }

    private Map<String, Long> rowsOf(long id) {
        return Map.of("contact_attempt", count("contact_attempt", id), "interview", count("interview", id),
                "consent_record", count("consent_record", id));
    }

    private long count(String table, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE organisation_id = ?", Long.class, id);
    }

    @Test
    void shouldListASeededPairWithALinkToMergeItAndNotADistinctRecord() throws Exception {
        seed();

        Document page = Jsoup.parse(mvc.perform(get("/organisations/duplicates")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("table caption").text()).isEqualTo("Likely duplicates, page 1");
        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody tr td").eachText()).startsWith("Derby Racial Equality Council",
                "The Derby Racial Equality Council Ltd", "Same name");
        assertThat(page.select("tbody a[href^=/organisations/merge]").attr("href"))
                .isEqualTo("/organisations/merge?keep=" + kept + "&other=" + other);
        assertThat(page.text()).doesNotContain("Somali");
        assertThat(Jsoup.parse(mvc.perform(get("/organisations")).andReturn().getResponse().getContentAsString())
                .select("a[href=/organisations/duplicates]")).hasSize(1);
    }

    @Test
    void shouldOfferEachDifferingFieldWithTheKeptValueUnlessItIsEmpty() throws Exception {
        seed();

        Document page = Jsoup.parse(mvc.perform(get("/organisations/merge").param("keep", String.valueOf(kept))
                .param("other", String.valueOf(other))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());

        assertThat(page.select("fieldset legend").eachText()).containsExactly("Name", "Telephone", "Email",
                "Outreach status and its details");
        assertThat(page.selectFirst("#name").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#phone").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#email-other").hasAttr("checked")).as("the kept record has no email").isTrue();
        assertThat(page.select("label[for=outreach-other]").text()).contains("Interviewed", "20 July 2007");
    }

    @Test
    void shouldMoveEverythingToTheKeptRecordKeepTheChosenValuesDeleteTheOtherAndNoteIt() throws Exception {
        seed();

        mvc.perform(merge(version(kept), version(other)).param("name", "keep").param("phone", "other")
                        .param("email", "other").param("outreach", "other"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/organisations/" + kept))
                .andExpect(flash().attribute("notice", "notice.merged"));

        assertThat(service.find(other)).isEmpty();
        OrganisationDetails merged = service.get(kept).details();
        assertThat(merged.name()).isEqualTo("Derby Racial Equality Council");
        assertThat(merged.get(OrganisationField.PHONE)).isEqualTo("01332 222222");
        assertThat(merged.get(OrganisationField.EMAIL)).isEqualTo("info@drec.org.uk");
        assertThat(merged.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        assertThat(merged.interviewDate()).isEqualTo(java.time.LocalDate.of(2007, 7, 20));
        assertThat(rowsOf(kept)).containsOnly(Map.entry("contact_attempt", 1L), Map.entry("interview", 1L),
                Map.entry("consent_record", 1L));
        assertThat(jdbc.queryForObject("SELECT referred_by_id FROM organisation WHERE id = ?", Long.class, led))
                .isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT referred_by_id FROM organisation WHERE id = ?", Long.class, kept))
                .as("a record is not referred by itself").isNull();
        List<AuditEntry> history = audit.history(OrganisationService.audited(kept));
        assertThat(history).anySatisfy(entry -> assertThat(entry.changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("mergedWith");
            assertThat(change.after()).isEqualTo("#" + other + " The Derby Racial Equality Council Ltd");
        }));
        assertThat(mvc.perform(get("/organisations/{id}", kept)).andReturn().getResponse().getContentAsString())
                .contains("Merged with", "#" + other + " The Derby Racial Equality Council Ltd");
    }

    /** Keeping the listed record's outreach, as the choice does by default, still counts the interview it gains. */
    @Test
    void shouldFollowTheInterviewTheKeptRecordGainsWhateverOutreachWasKept() throws Exception {
        seed();
        mvc.perform(merge(version(kept), version(other)).param("name", "keep").param("phone", "keep")
                        .param("email", "other").param("outreach", "keep"))
                .andExpect(redirectedUrl("/organisations/" + kept));
        OrganisationDetails merged = service.get(kept).details();
        assertThat(merged.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        assertThat(merged.interviewDate()).isEqualTo(java.time.LocalDate.of(2007, 7, 20));
        assertThat(merged.tick(OrganisationField.FULL_INTERVIEW)).isTrue();
    }

    @Test
    void shouldMoveNothingWhenTheMergeFailsPartWay() throws Exception {
        seed();
        int keptVersion = version(kept);
        int otherVersion = version(other);
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        SaveDuringMerge.on = true;

        mvc.perform(merge(keptVersion, otherVersion).param("email", "other").param("outreach", "other"))
                .andExpect(status().isConflict());

        assertThat(version(kept)).isEqualTo(keptVersion);
        assertThat(version(other)).isEqualTo(otherVersion);
        assertThat(service.get(kept).details().get(OrganisationField.EMAIL)).isNull();
        assertThat(rowsOf(other)).containsOnly(Map.entry("contact_attempt", 1L), Map.entry("interview", 1L),
                Map.entry("consent_record", 1L));
        assertThat(jdbc.queryForObject("SELECT referred_by_id FROM organisation WHERE id = ?", Long.class, led))
                .isEqualTo(other);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(entries);
    }

    @Test
    void shouldRefuseARecordChangedSinceTheScreenWasShown() throws Exception {
        seed();
        int stale = version(other);
        service.update(other, stale, service.get(other).details().with(OrganisationField.PHONE, "01332 333333"));

        String html = mvc.perform(merge(version(kept), stale).param("outreach", "other"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(html).select(".error-summary").text()).contains("Someone else changed one of these records");
        assertThat(Jsoup.parse(html).select("input[name=otherVersion]").val()).isEqualTo(String.valueOf(stale + 1));
        assertThat(service.find(other)).isPresent();
        assertThat(rowsOf(other).get("interview")).isEqualTo(1L);
    }

    @Test
    void shouldAnswerNotFoundForARecordThatDoesNotExist() throws Exception {
        seed();
        mvc.perform(get("/organisations/merge").param("keep", String.valueOf(kept)).param("other", "999999"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", "999999")
                        .param("other", String.valueOf(other)).param("keepVersion", "0").param("otherVersion", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations/merge").param("keep", String.valueOf(kept)).param("other", String.valueOf(kept)))
                .andExpect(status().isBadRequest());
        assertThat(service.find(other)).isPresent();
    }

    @Test
    void shouldRejectAChoiceThatIsNeitherRecord() throws Exception {
        seed();
        String html = mvc.perform(merge(version(kept), version(other)).param("email", "both"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select(".error-summary__list a").eachAttr("href")).containsExactly("#email");
        assertThat(service.find(other)).isPresent();
    }
}
