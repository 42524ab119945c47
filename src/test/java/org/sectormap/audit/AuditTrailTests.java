package org.sectormap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.ThemeService;
import org.sectormap.interview.Questionnaire;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Changes one record of each kind through its page and through the API, then finds each change
 * in the trail: who, what, and the values before and after.
 */
@DatabaseTest
class AuditTrailTests {

    private static final String PAGE_USER = "user";
    private static final String API_USER = "admin@test.example";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    ThemeService themes;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    JdbcTemplate jdbc;

    private List<AuditEntry> entries(AuditKind kind, Object id) {
        return trail.search(new AuditQuery(null, kind, String.valueOf(id), null, null, 1)).entries();
    }

    private AuditEntry only(AuditKind kind, Object id, AuditAction action) {
        List<AuditEntry> found = entries(kind, id).stream().filter(e -> e.action() == action).toList();
        assertThat(found).as("%s entries for %s %s", action, kind, id).hasSize(1);
        return found.get(0);
    }

    private static void assertChange(AuditEntry entry, String field, String before, String after) {
        assertThat(entry.changes()).as("changes of entry %d", entry.id())
                .contains(new AuditEntry.Change(field, before, after));
    }

    private void send(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    private long newOrganisation(String name) throws Exception {
        send(post("/organisations/new").param("name", name).param("status", "listed")
                .param("contactName", "Grace Okafor"));
        return organisations.search(OrganisationQuery.all()).items().stream()
                .filter(o -> o.details().name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void shouldRecordAnOrganisationsLifeThroughItsPagesWithBeforeAndAfterValues() throws Exception {
        long id = newOrganisation("Leicester Black Partnership");
        AuditEntry created = only(AuditKind.ORGANISATION, id, AuditAction.CREATED);
        assertThat(created.actor()).isEqualTo(PAGE_USER);
        assertChange(created, "name", null, "Leicester Black Partnership");
        assertChange(created, "contactName", null, "Grace Okafor");

        send(post("/organisations/{id}/edit", id).param("version", "0").param("name", "Leicester Black Partnership")
                .param("status", "excluded").param("exclusionReason", "adults-only").param("contactName", "Ada Mensah"));
        AuditEntry changed = only(AuditKind.ORGANISATION, id, AuditAction.CHANGED);
        assertChange(changed, "contactName", "Grace Okafor", "Ada Mensah");
        assertChange(changed, "status", "listed", "excluded");
        assertThat(changed.changes()).extracting(AuditEntry.Change::field).doesNotContain("name");

        send(post("/organisations/{id}/delete", id).param("version", "1"));
        AuditEntry deleted = only(AuditKind.ORGANISATION, id, AuditAction.DELETED);
        assertChange(deleted, "contactName", "Ada Mensah", null);
    }

    @Test
    void shouldRecordOutreachReferralsAndInterviewsOnTheOrganisationsHistory() throws Exception {
        long id = newOrganisation("Nottingham Refugee Forum");
        long referrer = newOrganisation("Nottingham CVS");
        Questionnaire.Question question = questionnaire.current().questions().get(0);

        send(post("/organisations/{id}/attempts/new", id).param("attemptedOn", "2007-07-10").param("method", "visit")
                .param("outcome", "no-answer").param("note", "Try Tuesdays"));
        send(post("/organisations/{id}/referral", id).param("referrer", String.valueOf(referrer)));
        send(post("/organisations/{id}/interviews/new", id).param("heldOn", "2007-07-12").param("mode", "visit")
                .param("intervieweeRole", "Director").param("interviewer", "A. Researcher").param("cypBoard", "no")
                .param("answer-" + question.id(), "We cover the city.").param("about-" + question.id(), "organisation"));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                .content("{\"attemptedOn\":\"2007-07-13\",\"method\":\"email\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isCreated());

        List<AuditEntry> history = trail.history(OrganisationService.audited(id));
        assertThat(history).extracting(AuditEntry::kind).contains(AuditKind.ORGANISATION, AuditKind.CONTACT_ATTEMPT,
                AuditKind.REFERRAL, AuditKind.INTERVIEW);
        assertThat(history.get(0).actor()).as("newest first, and the API's caller named").isEqualTo(API_USER);
        AuditEntry attempt = history.stream().filter(e -> e.kind() == AuditKind.CONTACT_ATTEMPT
                && PAGE_USER.equals(e.actor())).findFirst().orElseThrow();
        assertChange(attempt, "note", null, "Try Tuesdays");
        assertChange(attempt, "method", null, "visit");
        AuditEntry referral = history.stream().filter(e -> e.kind() == AuditKind.REFERRAL).findFirst().orElseThrow();
        assertChange(referral, "referredBy", null, "Nottingham CVS (" + referrer + ")");
        AuditEntry interview = history.stream().filter(e -> e.kind() == AuditKind.INTERVIEW).findFirst().orElseThrow();
        assertChange(interview, "intervieweeRole", null, "Director");
        assertChange(interview, "answer-1", null, question.text() + " We cover the city.");
        AuditEntry status = history.stream().filter(e -> e.kind() == AuditKind.ORGANISATION
                && e.action() == AuditAction.CHANGED).findFirst().orElseThrow();
        assertChange(status, "status", "listed", "interviewed");

        Document page = Jsoup.parse(mvc.perform(get("/organisations/{id}", id)).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#history ~ div table tbody tr")).hasSize(history.size());
        assertThat(page.select("#history ~ div table").text()).contains("Try Tuesdays", "Director", API_USER);
        // Kept as codes and ISO dates, shown as the other pages show them.
        String shown = page.select("#history ~ div table").html();
        assertThat(shown).contains("<ins>Visit</ins>", "<ins>No answer</ins>", "<ins>12 July 2007</ins>",
                "<del>Listed (on the database, not interviewed)</del>", "<ins>Interviewed</ins>");
        assertThat(shown).doesNotContain("<ins>visit</ins>", "<ins>no-answer</ins>", "<ins>2007-07-12</ins>",
                "<del>listed</del>");
    }

    @Test
    void shouldRecordTheQuestionnaireThemesRecommendationsAndUsers() throws Exception {
        Questionnaire.Question question = questionnaire.current().questions().get(0);
        send(post("/questionnaire/questions/{id}/edit", question.id()).param("text", "What does your group do?"));
        assertChange(only(AuditKind.QUESTION, question.id(), AuditAction.CHANGED), "text", question.text(),
                "What does your group do?");

        send(post("/themes").param("name", "Volunteer pathways"));
        long theme = themes.all().stream().filter(t -> t.name().equals("Volunteer pathways")).findFirst().orElseThrow().id();
        send(post("/themes/{id}/rename", theme).param("name", "Volunteering routes"));
        assertChange(only(AuditKind.THEME, theme, AuditAction.CREATED), "name", null, "Volunteer pathways");
        assertChange(only(AuditKind.THEME, theme, AuditAction.CHANGED), "name", "Volunteer pathways", "Volunteering routes");
        send(post("/themes/{id}/delete", theme));
        assertChange(only(AuditKind.THEME, theme, AuditAction.DELETED), "name", "Volunteering routes", null);

        send(post("/recommendations/groups").param("heading", "Commissioning"));
        long group = recommendations.groups().get(0).id();
        send(post("/recommendations/groups/{id}/items", group).param("text", "Call for commitment."));
        long recommendation = recommendations.groups().get(0).items().get(0).id();
        mvc.perform(ApiCalls.post("/api/recommendations/{id}/status", recommendation).contentType("application/json")
                .content("{\"status\":\"agreed\",\"notedOn\":\"2007-08-01\",\"note\":\"At the board\"}"))
                .andExpect(status().is2xxSuccessful());
        assertChange(only(AuditKind.RECOMMENDATION_GROUP, group, AuditAction.CREATED), "heading", null, "Commissioning");
        assertChange(only(AuditKind.RECOMMENDATION, recommendation, AuditAction.CREATED), "text", null,
                "Call for commitment.");
        AuditEntry agreed = only(AuditKind.RECOMMENDATION, recommendation, AuditAction.CHANGED);
        assertThat(agreed.actor()).isEqualTo(API_USER);
        assertChange(agreed, "recommendationStatus", "proposed", "agreed");
        assertChange(agreed, "note", null, "At the board");

        mvc.perform(post("/users").with(csrf()).param("email", "Researcher@Test.Example").param("role", "RESEARCHER"))
                .andExpect(status().isOk());
        long user = jdbc.queryForObject("SELECT id FROM app_user WHERE email = 'researcher@test.example'", Long.class);
        send(post("/users/{id}/role", user).param("role", "VIEWER"));
        send(post("/users/{id}/disable", user));
        assertChange(only(AuditKind.USER, user, AuditAction.CREATED), "role", null, "RESEARCHER");
        assertThat(entries(AuditKind.USER, user)).filteredOn(e -> e.action() == AuditAction.CHANGED)
                .flatExtracting(AuditEntry::changes).contains(new AuditEntry.Change("role", "RESEARCHER", "VIEWER"),
                        new AuditEntry.Change("enabled", "yes", "no"));

        assertThat(Jsoup.parse(mvc.perform(get("/users")).andReturn().getResponse().getContentAsString())
                .select("#history ~ div table").text())
                .contains("researcher@test.example", "Before:Researcher After:Viewer");
        assertThat(Jsoup.parse(mvc.perform(get("/questionnaire")).andReturn().getResponse().getContentAsString())
                .select("#history ~ div table").text()).contains("What does your group do?");
    }

    @Test
    void shouldRecordAnImportOneEntryPerOrganisationWithoutRepeatingItsValues() throws Exception {
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                        .content("name,status,contact_name\nDerby Racial Equality Council,listed,Sam Patel\n"
                                + "Chesterfield BME Forum,listed,\n"))
                .andExpect(status().is2xxSuccessful());
        List<AuditEntry> created = trail.search(new AuditQuery(null, AuditKind.ORGANISATION, null, null, null, 1))
                .entries();
        assertThat(created).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CREATED);
            assertThat(entry.actor()).isEqualTo(API_USER);
            assertThat(entry.changes()).isEmpty();
        });
    }

    @Test
    void shouldSayMoreThanTenThousandChangesMatchRatherThanCountThemAll() throws Exception {
        List<Object[]> entries = IntStream.range(0, 10_020).mapToObj(i -> new Object[] {
                Timestamp.valueOf("2007-07-13 10:00:00"), "bulk@test.example", AuditAction.CREATED.name(),
                AuditKind.ORGANISATION.code(), String.valueOf(i), "/organisations/" + i}).toList();
        jdbc.batchUpdate("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                + "VALUES (?, ?, ?, ?, ?, ?)", entries);

        Document first = Jsoup.parse(mvc.perform(get("/audit").param("actor", "bulk@"))
                .andReturn().getResponse().getContentAsString());
        assertThat(first.select("main p span").text()).isEqualTo("More than 10,000 changes");
        assertThat(first.select(".pagination span").text()).isEqualTo("Page 1");
        assertThat(first.select(".pagination a[rel=next]").attr("href")).contains("actor=bulk@", "page=2");
        // Past the counted, the pages go on as long as there are entries.
        Document full = Jsoup.parse(mvc.perform(get("/audit").param("actor", "bulk@").param("page", "200"))
                .andReturn().getResponse().getContentAsString());
        assertThat(full.select("#audit-caption ~ tbody tr")).hasSize(50);
        assertThat(full.select(".pagination a[rel=next]")).hasSize(1);
        Document last = Jsoup.parse(mvc.perform(get("/audit").param("actor", "bulk@").param("page", "201"))
                .andReturn().getResponse().getContentAsString());
        assertThat(last.select("#audit-caption ~ tbody tr")).hasSize(20);
        assertThat(last.select(".pagination a[rel=next]")).isEmpty();
        assertThat(last.select(".pagination a[rel=prev]").attr("href")).contains("actor=bulk@", "page=200");
        Document past = Jsoup.parse(mvc.perform(get("/audit").param("actor", "bulk@").param("page", "202"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(past.select("main p").text()).contains("There is no page 202 of these changes.");
        assertThat(past.select("#audit-caption, .pagination")).isEmpty();
        assertThat(past.select("main p:contains(There is no page) a:not([rel])").attr("href")).contains("actor=bulk@", "page=1")
                .doesNotContain("page=202");

        // A page number that is no number is the link's, edited: the form has no field to link an error to.
        mvc.perform(get("/audit").param("page", "abc")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;abc&#39; is not a valid value for page")));
    }

    @Test
    void shouldOfferNoNextPageAfterAFullLastPage() throws Exception {
        jdbc.batchUpdate("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                + "VALUES (?, ?, ?, ?, ?, ?)", IntStream.range(0, 100).mapToObj(i -> new Object[] {
                        Timestamp.valueOf("2007-07-13 10:00:00"), "hundred@test.example", AuditAction.CREATED.name(),
                        AuditKind.ORGANISATION.code(), String.valueOf(i), "/organisations/" + i}).toList());
        Document second = Jsoup.parse(mvc.perform(get("/audit").param("actor", "hundred@").param("page", "2"))
                .andReturn().getResponse().getContentAsString());
        assertThat(second.select("main p span").first().text()).isEqualTo("100 changes");
        assertThat(second.select("#audit-caption ~ tbody tr")).hasSize(50);
        assertThat(second.select(".pagination span").text()).isEqualTo("Page 2 of 2");
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();
    }

    @Test
    void shouldLeaveNoEntryWhenTheChangeFails() throws Exception {
        long id = organisations.create(OrganisationDetails.of("Corby Ethnic Minorities Forum", OutreachStatus.LISTED));
        mvc.perform(post("/organisations/{id}/edit", id).with(csrf()).param("version", "7")
                .param("name", "Renamed").param("status", "listed")).andExpect(status().isConflict());
        mvc.perform(post("/organisations/{id}/edit", id).with(csrf()).param("version", "0")
                .param("name", "").param("status", "listed")).andExpect(status().isUnprocessableContent());
        assertThat(entries(AuditKind.ORGANISATION, id)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATED);
    }

    @Test
    void shouldSearchByPersonRecordAndDateAndDownloadTheMatchesAsCsv() throws Exception {
        long id = newOrganisation("Lincoln Chinese Association");
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                .content("{\"attemptedOn\":\"2007-07-13\",\"method\":\"email\",\"outcome\":\"no-answer\",\"note\":\"=1+1\"}"))
                .andExpect(status().isCreated());

        Document byApiUser = Jsoup.parse(mvc.perform(get("/audit").param("actor", "ADMIN@test"))
                .andReturn().getResponse().getContentAsString());
        assertThat(byApiUser.select("#audit-caption ~ tbody tr")).hasSize(1);
        assertThat(byApiUser.select("#audit-caption ~ tbody").text()).contains("contact attempt", "=1+1");

        String today = LocalDate.now().toString();
        Document byRecordAndDay = Jsoup.parse(mvc.perform(get("/audit").param("kind", "organisation")
                .param("record", String.valueOf(id)).param("changedFrom", today).param("changedTo", today))
                .andReturn().getResponse().getContentAsString());
        assertThat(byRecordAndDay.select("#audit-caption ~ tbody tr")).hasSize(1);
        Document yesterday = Jsoup.parse(mvc.perform(get("/audit").param("changedTo",
                LocalDate.now().minusDays(1).toString())).andReturn().getResponse().getContentAsString());
        assertThat(yesterday.select("table")).isEmpty();

        String csv = mvc.perform(get("/audit.csv").param("actor", "admin@test")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().skip(1)).as("one row per changed field")
                .hasSize(4).allSatisfy(row -> assertThat(row).contains(API_USER, "contact-attempt"))
                .anySatisfy(row -> assertThat(row).endsWith(",,'=1+1"));
    }

    @Test
    void shouldRefuseASearchItCannotReadNamingTheField() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/audit").param("kind", "comment").param("changedFrom", "2007-02-31"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a")).extracting(a -> a.attr("href"))
                .containsExactlyInAnyOrder("#kind", "#changedFrom");
    }

    @Test
    void shouldShowNoHistoryToAViewerNorTheTrailToAResearcher() throws Exception {
        long id = newOrganisation("Mansfield Asian Women's Group");
        Document asViewer = Jsoup.parse(mvc.perform(get("/organisations/{id}", id).with(user("v").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString());
        assertThat(asViewer.select("#history")).isEmpty();
        assertThat(asViewer.text()).doesNotContain("Grace Okafor");
        mvc.perform(get("/audit").with(user("r").roles("RESEARCHER"))).andExpect(status().isForbidden());
    }

    @Test
    void shouldRecordNothingOfAnInterviewsSectorCommentsNotEvenHowMany() throws Exception {
        long quiet = newOrganisation("Boston Polish Club");
        long talkative = newOrganisation("Grantham Gypsy and Traveller Forum");
        List<Questionnaire.Question> questions = questionnaire.current().questions();
        String sectorAnswer = "Statutory bodies pick and choose who they want.";
        for (long id : List.of(quiet, talkative)) {
            StringBuilder answers = new StringBuilder("{\"questionId\":%d,\"text\":\"We cover the county.\",\"about\":\"organisation\"}"
                    .formatted(questions.get(0).id()));
            if (id == talkative) {
                for (int q = 1; q <= 3; q++) {
                    answers.append(",{\"questionId\":%d,\"text\":\"%s %d\",\"about\":\"sector\"}"
                            .formatted(questions.get(q).id(), sectorAnswer, q));
                }
            }
            mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                    .content("{\"heldOn\":\"2007-07-20\",\"mode\":\"telephone\",\"cypBoard\":\"no\",\"answers\":["
                            + answers + "]}")).andExpect(status().isCreated());
        }

        List<AuditEntry> quietInterview = trail.history(OrganisationService.audited(quiet));
        List<AuditEntry> talkativeInterview = trail.history(OrganisationService.audited(talkative));
        assertThat(talkativeInterview).extracting(e -> e.kind() + " " + e.action() + " " + e.changes().stream()
                        .map(c -> c.field() + "=" + (c.field().equals("name") || c.field().equals("contactName") ? "" : c.after()))
                        .toList())
                .as("the same entries, field for field, whatever the sector comments")
                .isEqualTo(quietInterview.stream().map(e -> e.kind() + " " + e.action() + " " + e.changes().stream()
                        .map(c -> c.field() + "=" + (c.field().equals("name") || c.field().equals("contactName") ? "" : c.after()))
                        .toList()).toList());
        assertThat(jdbc.queryForList("SELECT COALESCE(before_value, '') || ' ' || COALESCE(after_value, '') FROM audit_change",
                String.class)).noneMatch(value -> value.contains("pick and choose"));
    }
}
