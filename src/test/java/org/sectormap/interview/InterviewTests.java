package org.sectormap.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.WidestText;
import org.sectormap.DatabaseTest;
import org.sectormap.ErrorPattern;
import org.sectormap.comment.CommentService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
class InterviewTests {

    static final String ABOUT_ITSELF = "We have three paid posts and no funding for children's work.";
    static final String ABOUT_SECTOR = "Groups across the county hear about consultations far too late.";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    InterviewService interviews;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcTemplate jdbc;

    long organisation(String name) {
        return organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Leicester"));
    }

    /** An interview answering the first question about the organisation and the second about the sector. */
    static MockHttpServletRequestBuilder interview(long organisation, Questionnaire questionnaire, String itself,
            String sector) {
        return interview(organisation, questionnaire, itself, sector, Map.of());
    }

    /** The same, with some of the form's fields sent otherwise (an empty value leaves the field out). */
    static MockHttpServletRequestBuilder interview(long organisation, Questionnaire questionnaire, String itself,
            String sector, Map<String, String> otherwise) {
        List<Questionnaire.Question> questions = questionnaire.questions();
        long first = questions.get(0).id();
        long second = questions.get(1).id();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("heldOn", "2007-07-12", "mode", "visit",
                "intervieweeRole", "Director", "interviewer", "A. Researcher", "fullInterview", "yes", "followUp", "yes",
                "cypBoard", "directly", "wellInformed", "yes"));
        fields.putAll(Map.of("answer-" + first, itself, "about-" + first, "organisation", "answer-" + second, sector,
                "about-" + second, "sector"));
        fields.putAll(otherwise);
        MockHttpServletRequestBuilder request = post("/organisations/{id}/interviews/new", organisation).with(csrf());
        fields.forEach((name, value) -> {
            if (!value.isEmpty() || name.startsWith("answer-")) {
                request.param(name, value);
            }
        });
        return request;
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldKeepAnswersAboutTheOrganisationAgainstItAndSectorCommentsApart() throws Exception {
        long id = organisation("Leicester Ethnic Minority Partnership");
        mvc.perform(interview(id, questionnaire.current(), ABOUT_ITSELF, ABOUT_SECTOR))
                .andExpect(redirectedUrl("/organisations/" + id));

        Interview held = interviews.ofOrganisation(id).get(0);
        assertThat(held.answers()).extracting(Interview.Answer::text).containsExactly(ABOUT_ITSELF);
        assertThat(held.answers().get(0).question()).isEqualTo(questionnaire.current().questions().get(0).text());
        assertThat(held.intervieweeName()).isNull();

        OrganisationDetails details = organisations.find(id).orElseThrow().details();
        assertThat(details.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        assertThat(OrganisationField.Section.INTERVIEW.fields().stream()
                .filter(f -> f.kind() == OrganisationField.Kind.TICK).map(details::tick)).containsOnly(true);

        String orgPage = page("/organisations/" + id).text();
        assertThat(orgPage).contains(ABOUT_ITSELF).doesNotContain(ABOUT_SECTOR);
        // Held, unread, until enough interviews have joined it (AnonymityTests shows the release).
        assertThat(comments.all()).isEmpty();
        assertThat(comments.waiting().interviews()).isEqualTo(1);
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly(ABOUT_SECTOR);
        assertThat(page("/comments").select("blockquote").eachText()).containsExactly(ABOUT_SECTOR);
    }

    @Test
    void shouldWarnWhenAnAnonymousCommentNamesTheOrganisationAndSaveOnlyWhenConfirmed() throws Exception {
        long id = organisation("Charnwood REC");
        String naming = "At charnwood rec we think funding is the problem.";
        Document page = Jsoup.parse(mvc.perform(interview(id, questionnaire.current(), "", naming))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".warning-summary a").text()).contains("it names Charnwood REC");
        assertThat(page.select("textarea").stream().map(textarea -> textarea.val())).contains(naming);
        assertThat(comments.waiting().interviews()).isZero();

        mvc.perform(interview(id, questionnaire.current(), "", naming).param("confirmAnonymous", "yes"))
                .andExpect(redirectedUrl("/organisations/" + id));
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly(naming);
    }

    /** The organisation is named whatever the apostrophes, accents and case of its name in the answer. */
    @Test
    void shouldWarnWhenAnAnswerNamesTheOrganisationWithoutItsPunctuation() throws Exception {
        long id = organisation("Zeta Women's Group");
        for (String naming : List.of("Here at Zeta Womens Group we feel unheard.", "ZETA WOMEN’S GROUP is stretched.",
                "Zéta Women's  Group, like others, lacks funding.")) {
            Document page = Jsoup.parse(mvc.perform(interview(id, questionnaire.current(), "", naming))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
            assertThat(page.select(".warning-summary a").text()).as(naming).contains("it names Zeta Women's Group");
        }
        // Its words inside others' are no naming.
        mvc.perform(interview(id, questionnaire.current(), "", "The Zeta Women's Groupings network is new."))
                .andExpect(redirectedUrl("/organisations/" + id));
    }

    /** An answer's error is read with its box, as a warning about it is (a warning comes once the answers are valid). */
    @Test
    void shouldDescribeAnAnswerByItsErrorAndItsWarning() throws Exception {
        long id = organisation("Charnwood REC");
        String tooLong = "Funding is short. ".repeat(1_000);
        Document page = Jsoup.parse(mvc.perform(interview(id, questionnaire.current(), tooLong, tooLong))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        String second = "answer-" + questionnaire.current().questions().get(1).id();
        assertThat(page.getElementById(second).attr("aria-describedby")).isEqualTo(second + "-error");
        assertThat(page.getElementById(second).hasClass("input--error")).isTrue();
        assertThat(ErrorPattern.faults(page.outerHtml())).isEmpty();
        assertThat(page.title()).startsWith("Error: ");
    }

    /** An earlier interview typed up late leaves the register's fields as the latest interview set them. */
    @Test
    void shouldKeepTheRegisterAsTheLatestInterviewFoundIt() throws Exception {
        long id = organisation("Riverside BME Forum");
        mvc.perform(interview(id, questionnaire.current(), "", "")).andExpect(redirectedUrl("/organisations/" + id));
        mvc.perform(interview(id, questionnaire.current(), "", "", Map.of("heldOn", "2007-06-20", "mode", "telephone",
                "fullInterview", "", "cypBoard", "no", "wellInformed", ""))).andExpect(redirectedUrl("/organisations/" + id));
        OrganisationDetails kept = organisations.get(id).details();
        assertThat(kept.interviewDate()).isEqualTo(LocalDate.of(2007, 7, 12));
        assertThat(kept.get(OrganisationField.INTERVIEW_MODE)).hasToString("VISIT");
        assertThat(kept.get(OrganisationField.FULL_INTERVIEW)).isEqualTo(true);
        assertThat(kept.get(OrganisationField.CYP_BOARD)).isEqualTo(true);
        assertThat(interviews.ofOrganisation(id)).hasSize(2);
        // A later one is followed.
        mvc.perform(interview(id, questionnaire.current(), "", "", Map.of("heldOn", "2007-07-20", "cypBoard", "no")))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(organisations.get(id).details().interviewDate()).isEqualTo(LocalDate.of(2007, 7, 20));
        assertThat(organisations.get(id).details().get(OrganisationField.CYP_BOARD)).isEqualTo(false);
        // Deleted as recorded in error, the latest no longer decides them: the one before it does again.
        long latest = interviews.ofOrganisation(id).stream().filter(i -> i.heldOn().equals(LocalDate.of(2007, 7, 20)))
                .findFirst().orElseThrow().id();
        mvc.perform(post("/organisations/{id}/interviews/{interview}/delete", id, latest).with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(organisations.get(id).details().interviewDate()).isEqualTo(LocalDate.of(2007, 7, 12));
        assertThat(organisations.get(id).details().get(OrganisationField.CYP_BOARD)).isEqualTo(true);
        // An interview recorded in error, deleted and recorded again earlier, is followed.
        long early = organisation("Typed Up Late");
        mvc.perform(interview(early, questionnaire.current(), "", "", Map.of("heldOn", "2007-07-15")));
        long wrong = interviews.ofOrganisation(early).get(0).id();
        mvc.perform(post("/organisations/{id}/interviews/{interview}/delete", early, wrong).with(csrf()));
        mvc.perform(interview(early, questionnaire.current(), "", "", Map.of("heldOn", "2007-07-05")));
        assertThat(organisations.get(early).details().interviewDate()).isEqualTo(LocalDate.of(2007, 7, 5));
    }

    /** The edit form would drop what the recorded interview found with a status other than interviewed. */
    @Test
    void shouldKeepTheStatusOfAnOrganisationWithRecordedInterviews() throws Exception {
        long id = organisation("Theta Youth Voice");
        mvc.perform(interview(id, questionnaire.current(), "", "")).andExpect(redirectedUrl("/organisations/" + id));
        int version = organisations.get(id).version();
        Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/edit", id).with(csrf())
                        .param("name", "Theta Youth Voice").param("status", "unreachable")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#status");
        assertThat(page.select(".error-summary").text()).contains("An interview is recorded for this organisation");
        OrganisationDetails kept = organisations.get(id).details();
        assertThat(kept.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        assertThat(kept.interviewDate()).isEqualTo(LocalDate.of(2007, 7, 12));
        assertThat(organisations.get(id).version()).isEqualTo(version);
    }

    @Test
    void shouldKeepTheIntervieweesNameOnlyWithConsent() throws Exception {
        long id = organisation("Youth Voice");
        Document page = Jsoup.parse(mvc.perform(interview(id, questionnaire.current(), "", "")
                        .param("intervieweeName", "Hamza Example"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#intervieweeName");
        assertThat(interviews.ofOrganisation(id)).isEmpty();

        mvc.perform(interview(id, questionnaire.current(), "", "").param("intervieweeName", "Hamza Example")
                .param("nameConsent", "yes")).andExpect(redirectedUrl("/organisations/" + id));
        assertThat(interviews.ofOrganisation(id).get(0).intervieweeName()).isEqualTo("Hamza Example");
    }

    @Test
    void shouldKeepRecordedInterviewsAsAskedWhenTheQuestionnaireChanges() throws Exception {
        Questionnaire.Section first = questionnaire.current().sections().get(0);
        mvc.perform(get("/questionnaire/sections/{id}/questions/new", first.id())).andExpect(status().isOk());
        // A section that does not exist has no form to add to it, as its POST has nothing to add to.
        mvc.perform(get("/questionnaire/sections/{id}/questions/new", 999_999)).andExpect(status().isNotFound());
        mvc.perform(post("/questionnaire/sections/{id}/questions/new", first.id()).with(csrf())
                .param("text", "How many staff do you have?")).andExpect(redirectedUrl("/questionnaire"));
        Questionnaire.Question added = questionnaire.current().sections().get(0).questions().stream()
                .filter(q -> q.text().equals("How many staff do you have?")).findFirst().orElseThrow();
        try {
            long id = organisation("NAVO");
            mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf())
                    .param("heldOn", "2007-07-12").param("mode", "telephone").param("cypBoard", "no")
                    .param("answer-" + added.id(), "Two part-time").param("about-" + added.id(), "organisation"))
                    .andExpect(redirectedUrl("/organisations/" + id));

            mvc.perform(post("/questionnaire/questions/{id}/edit", added.id()).with(csrf())
                    .param("text", "How many paid staff do you have?")).andExpect(redirectedUrl("/questionnaire"));
            assertThat(interviews.ofOrganisation(id).get(0).answers().get(0).question())
                    .isEqualTo("How many staff do you have?");
        } finally {
            mvc.perform(post("/questionnaire/questions/{id}/delete", added.id()).with(csrf()))
                    .andExpect(redirectedUrl("/questionnaire"));
        }
        assertThat(questionnaire.question(added.id())).isEmpty();
    }

    @Test
    void shouldDeleteAnOrganisationsInterviewsButNeverTheAnonymousComments() throws Exception {
        long id = organisation("Lincoln Inter Faith Forum");
        mvc.perform(interview(id, questionnaire.current(), ABOUT_ITSELF, ABOUT_SECTOR))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(page("/organisations/" + id + "/delete").select("ul.list li").eachText())
                .anySatisfy(w -> assertThat(w).contains("Its interview and one answer about itself will be deleted"));

        mvc.perform(post("/organisations/{id}/delete", id).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/organisations"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview_answer", Integer.class)).isZero();
        // Still waiting, still counted towards the release: the pool cannot tell which row was the interview's.
        assertThat(comments.waiting().interviews()).isEqualTo(1);
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly(ABOUT_SECTOR);
    }

    @Test
    void shouldRejectABadInterviewNamingEachField() throws Exception {
        long id = organisation("SEEM");
        Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/interviews/new", id).with(csrf())
                        .param("heldOn", "12/07/2007").param("mode", "carrier pigeon"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary__list a").eachAttr("href"))
                .containsExactly("#heldOn", "#mode", "#cypBoard");
        assertThat(page.select(".error-summary__list a").eachText()).contains(
                "Date of the interview must be a real date",
                "How the interview was held must be one of: visit, telephone");
        assertThat(organisations.find(id).orElseThrow().details().status()).isEqualTo(OutreachStatus.LISTED);
    }

    @Test
    void shouldLinkAnAnswerWithNoChoiceOfWhereItGoesToThatChoice() throws Exception {
        long id = organisation("SEEM");
        long third = questionnaire.current().questions().get(2).id();
        Document page = Jsoup.parse(mvc.perform(interview(id, questionnaire.current(), "", "")
                        .param("answer-" + third, "Said without a choice"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        String link = page.select(".error-summary__list a").attr("href");
        assertThat(link).isEqualTo("#about-" + third);
        assertThat(page.selectFirst(link)).as("the summary's link lands on the first choice").isNotNull();
        assertThat(page.select("#about-" + third + "-error").text()).contains("about the organisation or the wider");
    }

    @Test
    void shouldDeleteAnInterviewRecordedInErrorAfterAskingButKeepItsAnonymousComments() throws Exception {
        long id = organisation("Converge");
        mvc.perform(interview(id, questionnaire.current(), ABOUT_ITSELF, ABOUT_SECTOR))
                .andExpect(redirectedUrl("/organisations/" + id));
        long interview = interviews.ofOrganisation(id).get(0).id();
        assertThat(page("/organisations/" + id).select("#interviews ~ .interview h3").eachText())
                .containsExactly("12 July 2007, Visit");
        Document confirm = page("/organisations/" + id + "/interviews/" + interview + "/delete");
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete the interview of 12 July 2007 with Converge?");
        assertThat(confirm.select("main p").eachText()).anySatisfy(p -> assertThat(p)
                .startsWith("Its one answer about the organisation will be deleted too.")
                .contains("Its anonymous comments are not linked to it and stay, released or still waiting to be.")
                .endsWith("The organisation's own record is not changed."));
        assertThat(interviews.ofOrganisation(id)).hasSize(1);

        long other = organisation("Someone else");
        mvc.perform(post("/organisations/{id}/interviews/{i}/delete", other, interview).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/organisations/{id}/interviews/{i}/delete", id, interview).with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(interviews.ofOrganisation(id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview_answer", Integer.class)).isZero();
        // Still waiting, still counted towards the release: the pool cannot tell which row was the interview's.
        assertThat(comments.waiting().interviews()).isEqualTo(1);
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly(ABOUT_SECTOR);
    }

    @Test
    void shouldStoreQuestionsAndTitlesAtTheirLimitInTheWidestCharactersAndRefuseOneMore() throws Exception {
        Questionnaire.Section section = questionnaire.current().sections().get(0);
        long question = section.questions().get(0).id();
        String text = WidestText.of(QuestionnaireService.QUESTION_LENGTH);
        String title = WidestText.of(QuestionnaireService.TITLE_LENGTH);
        mvc.perform(post("/questionnaire/questions/{id}/edit", question).with(csrf()).param("text", text))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/questionnaire/sections/{id}/edit", section.id()).with(csrf()).param("text", title))
                .andExpect(status().is3xxRedirection());
        assertThat(questionnaire.question(question).orElseThrow().text()).isEqualTo(text);

        mvc.perform(post("/questionnaire/questions/{id}/edit", question).with(csrf())
                        .param("text", WidestText.of(QuestionnaireService.QUESTION_LENGTH + 1)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/questionnaire/sections/{id}/edit", section.id()).with(csrf())
                        .param("text", WidestText.of(QuestionnaireService.TITLE_LENGTH + 1)))
                .andExpect(status().isUnprocessableContent());
        assertThat(questionnaire.current().sections().get(0).title()).isEqualTo(title);
    }
}
