package org.sectormap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/** Consent and lawful basis records, subject access and retention, as researchers, administrators and viewers use them. */
@DatabaseTest
class PersonalDataPagesTests {

    private static final RequestPostProcessor VIEWER = user("viewer@test.example").roles("VIEWER");
    private static final RequestPostProcessor RESEARCHER = user("researcher@test.example").roles("RESEARCHER");
    private static final String NAME = "Grace Adebayo-Lin";
    private static final String EMAIL = "grace.al@pages-test.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsentService consents;

    @Autowired
    PlatformTransactionManager transactions;

    private long organisation() {
        return organisations.create(OrganisationDetails.of("Eastside Elders", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, NAME).with(OrganisationField.EMAIL, EMAIL));
    }

    @Test
    void shouldRecordConsentAndItsWithdrawalInTheTrail() throws Exception {
        long id = organisation();
        mvc.perform(get("/organisations/{id}/consents/new", id).with(RESEARCHER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + NAME + "\"")));
        mvc.perform(post("/organisations/{id}/consents/new", id).with(RESEARCHER).with(csrf())
                        .param("personName", NAME).param("basis", "legitimate-interests")
                        .param("givenOn-day", "4").param("givenOn-month", "7").param("givenOn-year", "2007")
                        .param("givenHow", "Told at the first call").param("purpose", "Contact about the mapping"))
                .andExpect(redirectedUrl("/organisations/" + id));
        long consent = jdbc.queryForObject("SELECT id FROM consent_record", Long.class);
        mvc.perform(get("/organisations/{id}", id).with(RESEARCHER))
                .andExpect(content().string(containsString("Personal data")))
                .andExpect(content().string(containsString("Legitimate interests")))
                .andExpect(content().string(containsString("4 July 2007")));

        mvc.perform(post("/organisations/{id}/consents/{c}/withdraw", id, consent).with(RESEARCHER).with(csrf())
                .param("withdrawnOn", "2007-07-01")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("on or after the date given")));
        mvc.perform(post("/organisations/{id}/consents/{c}/withdraw", id, consent).with(RESEARCHER).with(csrf())
                .param("withdrawnOn", "2008-01-31")).andExpect(redirectedUrl("/organisations/" + id));
        assertThat(jdbc.queryForObject("SELECT withdrawn_on FROM consent_record", java.sql.Date.class))
                .hasToString("2008-01-31");
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE record_kind = 'consent' ORDER BY id",
                String.class)).containsExactly("CREATED", "CHANGED");
        assertThat(jdbc.queryForObject("SELECT after_value FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                + "WHERE e.record_kind = 'consent' AND c.field = 'withdrawnOn'", String.class)).isEqualTo("2008-01-31");
    }

    @Test
    void shouldRemoveAnIntervieweesNameFromTheInterviewAndItsHistoryOnceNoRecordLetsUsKeepIt() throws Exception {
        long id = organisation();
        String interviewee = "Interviewee Oyelaran";
        mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("cypBoard", "no").param("nameConsent", "yes")
                .param("intervieweeName", interviewee).param("intervieweeRole", "Imam of the Central Mosque"))
                .andExpect(status().is3xxRedirection());
        long interview = jdbc.queryForObject("SELECT id FROM interview", Long.class);
        for (String basis : List.of("consent", "legitimate-interests")) {
            mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personName", interviewee)
                    .param("interview", String.valueOf(interview)).param("basis", basis).param("givenOn", "2007-07-10")
                    .param("givenHow", "Signed").param("purpose", "Named in the report"))
                    .andExpect(status().is3xxRedirection());
        }
        List<Long> consents = jdbc.queryForList("SELECT id FROM consent_record ORDER BY id", Long.class);

        // Another record still stands: the name stays, and the page says nothing of removing it.
        mvc.perform(get("/organisations/{id}/consents/{c}/withdraw", id, consents.get(0)).with(RESEARCHER))
                .andExpect(content().string(not(containsString("name-removed"))));
        mvc.perform(post("/organisations/{id}/consents/{c}/withdraw", id, consents.get(0)).with(RESEARCHER).with(csrf())
                .param("withdrawnOn", "2008-01-31")).andExpect(flash().attribute("notice", "consent.withdrawn"));
        assertThat(jdbc.queryForObject("SELECT interviewee_name FROM interview", String.class)).isEqualTo(interviewee);

        Document page = Jsoup.parse(mvc.perform(get("/organisations/{id}/consents/{c}/withdraw", id, consents.get(1))
                .with(RESEARCHER)).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("name-removed").text()).contains(interviewee, "10 July 2007");
        mvc.perform(post("/organisations/{id}/consents/{c}/withdraw", id, consents.get(1)).with(RESEARCHER).with(csrf())
                .param("withdrawnOn", "2008-02-01"))
                .andExpect(flash().attribute("notice", "consent.withdrawn.nameRemoved"));

        assertThat(jdbc.queryForObject("SELECT interviewee_name FROM interview", String.class)).isNull();
        assertThat(jdbc.queryForObject("SELECT interviewee_role FROM interview", String.class))
                .as("the role, which could still say who they were").isNull();
        assertThat(jdbc.queryForObject("SELECT name_consent FROM interview", Boolean.class)).isFalse();
        for (String held : List.of("Oyelaran", "Imam")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                    + "WHERE e.record_kind = 'interview' AND (c.before_value LIKE ? OR c.after_value LIKE ?)", Long.class,
                    "%" + held + "%", "%" + held + "%")).as("%s in the interview's history", held).isZero();
        }
    }

    @Test
    void shouldRemoveTheIntervieweesNameWhenTheLastTwoRecordsAreWithdrawnAtOnce() throws Exception {
        long id = organisation();
        mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("cypBoard", "no").param("nameConsent", "yes")
                .param("intervieweeName", "Interviewee Oyelaran")).andExpect(status().is3xxRedirection());
        long interview = jdbc.queryForObject("SELECT id FROM interview", Long.class);
        for (String basis : List.of("consent", "legitimate-interests")) {
            mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personName", "Interviewee Oyelaran")
                    .param("interview", String.valueOf(interview)).param("basis", basis).param("givenOn", "2007-07-10")
                    .param("givenHow", "Signed").param("purpose", "Named in the report"))
                    .andExpect(status().is3xxRedirection());
        }
        List<Long> ids = jdbc.queryForList("SELECT id FROM consent_record ORDER BY id", Long.class);
        ConsentRecord first = consents.get(id, ids.get(0));
        ConsentRecord second = consents.get(id, ids.get(1));

        // The second withdrawal runs while the first's transaction is still open: each would see the
        // other's record standing, unless the second waits for the first.
        Thread[] other = new Thread[1];
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            consents.withdraw(first, LocalDate.of(2008, 1, 31));
            other[0] = new Thread(() -> consents.withdraw(second, LocalDate.of(2008, 1, 31)));
            other[0].start();
            try {
                other[0].join(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        other[0].join();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record WHERE withdrawn_on IS NULL", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT interviewee_name FROM interview", String.class))
                .as("no record stands").isNull();
    }

    @Test
    void shouldRecordAndListConsentThroughTheApi() throws Exception {
        long id = organisation();
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", id).contentType("application/json").content("""
                        {"personEmail":"%s","basis":"contract","givenOn":"2007-07-05","givenHow":"Service agreement",
                         "purpose":"Invoices"}""".formatted(EMAIL)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.basis").value("contract"))
                .andExpect(jsonPath("$.givenOn").value("2007-07-05"));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", id).contentType("application/json")
                        .content("{\"basis\":\"hope\",\"interview\":12}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("personName",
                        "interview", "basis", "givenOn", "givenHow", "purpose")));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", id).contentType("application/json").content("""
                        {"personName":[1],"basis":"consent","givenOn":"2007-07-05","givenHow":{"a":1},
                         "purpose":"Invoices"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("personName",
                        "givenHow")))
                .andExpect(jsonPath("$.errors[0].message").value("Give one value here, not a list or an object"));
        // Text is text: true or a number is refused, as everywhere in the API; the interview's id may be either.
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", id).contentType("application/json").content("""
                        {"personName":true,"basis":"consent","givenOn":"2007-07-05","givenHow":"Phone",
                         "purpose":12345}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("personName",
                        "purpose")))
                .andExpect(jsonPath("$.errors[0].message").value("Give text (a JSON string, in quotes) here"));
        mvc.perform(get("/api/organisations/{id}/consents", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].personEmail").value(EMAIL));
        mvc.perform(get("/api/organisations/{id}/consents", id).with(VIEWER)).andExpect(status().isForbidden());
    }

    @Test
    void shouldRefuseAConsentsEmailAddressThatIsNotOneAsTheOrganisationFormDoes() throws Exception {
        long id = organisation();
        mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personEmail", "not-an-email")
                        .param("basis", "consent").param("givenOn", "2020-01-02").param("givenHow", "Email")
                        .param("purpose", "Mapping"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("&#39;not-an-email&#39; is not an email address")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record", Integer.class)).isZero();
    }

    @Test
    void shouldNameEachMissingPartOfAConsentRecord() throws Exception {
        long id = organisation();
        mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("interview", "999"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter the person&#39;s name or email address")))
                .andExpect(content().string(containsString("Choose one of this organisation&#39;s interviews")))
                .andExpect(content().string(containsString("Choose the lawful basis")))
                .andExpect(content().string(containsString("Enter the date it was given")))
                .andExpect(content().string(containsString("Enter how it was given")))
                .andExpect(content().string(containsString("Enter what the data is kept for")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record", Integer.class)).isZero();
    }

    @Test
    void shouldShowAViewerNoPersonalDataNorIntervieweeNames() throws Exception {
        long id = organisation();
        long question = questionnaire.current().questions().get(1).id();
        mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("cypBoard", "no").param("nameConsent", "yes")
                .param("intervieweeName", "Interviewee Zorawar").param("answer-" + question, "We run a lunch club.")
                .param("about-" + question, "organisation")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personName", "Interviewee Zorawar")
                .param("basis", "consent").param("givenOn", "2007-07-10").param("givenHow", "Signed")
                .param("purpose", "Named in the report")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/organisations/{id}", id).with(RESEARCHER))
                .andExpect(content().string(containsString("Interviewee Zorawar")))
                .andExpect(content().string(containsString("Record consent or lawful basis")));
        mvc.perform(get("/organisations/{id}", id).with(VIEWER)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Interviewee Zorawar"))))
                .andExpect(content().string(not(containsString("Personal data"))))
                .andExpect(content().string(not(containsString(NAME))));
        mvc.perform(get("/organisations/{id}/consents/new", id).with(VIEWER)).andExpect(status().isForbidden());
        mvc.perform(get("/privacy").with(RESEARCHER)).andExpect(status().isForbidden());
    }

    @Test
    void shouldFindEverythingHeldAboutAPersonAsAPageAndOneJsonDocument() throws Exception {
        EveryPersonalDataPath.enter(mvc, organisations, questionnaire, NAME, EMAIL, "Chair");
        String page = mvc.perform(post("/privacy/subject-access").with(csrf()).param("name", "grace adebayo")
                .param("email", EMAIL)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Spoke to " + NAME, "Since " + NAME + " joined", "Anonymous comments are never searched",
                "Download as JSON", "Erase this person");

        String json = mvc.perform(post("/privacy/subject-access.json").with(csrf()).param("name", "grace adebayo")
                        .param("email", EMAIL)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("subject-access.json")))
                .andExpect(jsonPath("$.searchedFor.name").value("grace adebayo"))
                .andExpect(jsonPath("$.searchedFor.email").value(EMAIL))
                .andExpect(jsonPath("$.searchedAt").exists())
                .andReturn().getResponse().getContentAsString();
        List<String> heldIn = JsonPath.read(json, "$.findings[*].heldIn");
        assertThat(heldIn).contains("organisation", "contact-attempt", "interview", "consent").doesNotContain("comment");
        List<String> values = JsonPath.read(json, "$.findings[*].value");
        assertThat(values).contains(NAME, EMAIL, "Wrote to " + EMAIL, "Chair");
    }

    @Test
    void shouldRefuseASearchTooShortToMeanOnePerson() throws Exception {
        mvc.perform(post("/privacy/subject-access").with(csrf()).param("name", "Al"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Give at least 3 characters")));
        mvc.perform(post("/privacy/subject-access").with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter the person&#39;s name or email address")));
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("email", "x"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ERASED'", Integer.class))
                .isZero();
    }

    @Test
    void shouldPageContactPeopleKeptTooLongLongestFirstAHundredAtATime() throws Exception {
        List<OrganisationDetails> all = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            all.add(OrganisationDetails.of("Group " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.CONTACT_NAME, "Contact " + i));
        }
        organisations.createAll(all, null);
        // Two people to a day, the later groups contacted longest ago; the first 110 from before the
        // trail, never recorded, as V152 leaves such records: more than a page of them.
        for (Map<String, Object> row : jdbc.queryForList("SELECT id, name FROM organisation")) {
            int i = Integer.parseInt(((String) row.get("name")).substring(6));
            String page = "organisation/" + row.get("id");
            if (i < 110) {
                jdbc.update("DELETE FROM audit_entry WHERE record_page = ?", page);
            } else {
                jdbc.update("UPDATE audit_entry SET occurred_at = ? WHERE record_page = ?",
                        Timestamp.valueOf(LocalDateTime.of(2020, 6, 30, 10, 0).minusDays(i / 2)), page);
            }
        }
        LastContactsTests.recount(jdbc);

        Document first = Jsoup.parse(mvc.perform(get("/privacy/retention")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(first.text()).contains("150 contact people have been kept longer, shown 100 to a page.");
        List<String> shown = new ArrayList<>(first.select("tbody tr td:first-child").eachText());
        assertThat(shown).hasSize(100);
        String next = first.select(".pagination a[rel=next]").attr("href");
        assertThat(next).as("the last of the page never contacted").matches("/privacy/retention\\?after=\\d+");
        Document second = Jsoup.parse(mvc.perform(get(next)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        shown.addAll(second.select("tbody tr td:first-child").eachText());
        // The same page from a link bookmarked before the empty date was left out of it.
        Document bookmarked = Jsoup.parse(mvc.perform(get(next + "&lastContact=")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(bookmarked.select("tbody tr td:first-child").eachText())
                .isEqualTo(second.select("tbody tr td:first-child").eachText());
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
        assertThat(second.select(".pagination a").attr("href")).isEqualTo("/privacy/retention");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            expected.add("Contact " + i);
        }
        for (int day = 74; day >= 55; day--) {
            expected.add("Contact " + 2 * day);
            expected.add("Contact " + (2 * day + 1));
        }
        assertThat(shown).containsExactlyElementsOf(expected);
        mvc.perform(get("/privacy/retention").param("after", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/privacy/retention").param("after", "3").param("lastContact", "2020-13-01"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldListContactPeopleKeptPastTheRetentionPeriodAndOfferTheirErasure() throws Exception {
        long old = organisation();
        long recent = organisations.create(OrganisationDetails.of("Northside Youth", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "Recent Contact"));
        organisations.create(OrganisationDetails.of("Nobody Named", OutreachStatus.LISTED));
        jdbc.update("UPDATE audit_entry SET occurred_at = TIMESTAMP '2020-01-01 10:00:00' WHERE record_page = ?",
                "organisation/" + old);
        LastContactsTests.recount(jdbc);

        mvc.perform(get("/privacy/retention")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"24\"")))
                .andExpect(content().string(containsString(NAME)))
                .andExpect(content().string(containsString("1 January 2020")))
                .andExpect(content().string(not(containsString("Recent Contact"))))
                .andExpect(content().string(not(containsString("Nobody Named"))));

        mvc.perform(post("/privacy/retention").with(csrf()).param("months", "0"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/privacy/retention").with(csrf()).param("months", "1200"))
                .andExpect(redirectedUrl("/privacy/retention"));
        mvc.perform(get("/privacy/retention")).andExpect(content().string(not(containsString(NAME))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE record_kind = 'setting'", Integer.class))
                .isEqualTo(1);

        mvc.perform(post("/privacy/erasure").with(csrf()).param("name", NAME)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Check what will be erased")));
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME))
                .andExpect(redirectedUrl("/privacy"));
        assertThat(organisations.get(old).details().get(OrganisationField.CONTACT_NAME)).isNull();
        assertThat(organisations.get(recent).details().get(OrganisationField.CONTACT_NAME)).isEqualTo("Recent Contact");
    }
}
