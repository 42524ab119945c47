package org.sectormap.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectormap.WidestText;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.CommentService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class InterviewApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRecordAnInterviewAndReturnOnlyWhatIsKeptAgainstTheOrganisation() throws Exception {
        long id = organisations.create(OrganisationDetails.of("EMVY", OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Regional"));
        long first = questionnaire.current().questions().get(0).id();
        long second = questionnaire.current().questions().get(1).id();
        String body = """
                {"heldOn":"2007-07-20","mode":"telephone","intervieweeRole":"Manager","cypBoard":"through-board-member",
                 "fullInterview":true,"answers":[
                   {"questionId":%d,"text":"We cover the whole region.","about":"organisation"},
                   {"questionId":%d,"text":"Rural groups are left out.","about":"sector"}]}"""
                .formatted(first, second);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json").content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cypBoard").value("through-board-member"))
                .andExpect(jsonPath("$.answers.length()").value(1))
                .andExpect(jsonPath("$.answers[0].text").value("We cover the whole region."));
        // Held in the pool until enough interviews release it (AnonymityTests), released here to check it.
        assertThat(comments.all()).isEmpty();
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly("Rural groups are left out.");
        mvc.perform(get("/api/organisations/{id}/interviews", id)).andExpect(jsonPath("$.length()").value(1));
        // Through a board member is not sitting on the board itself, as section B counts it.
        assertThat(organisations.find(id).orElseThrow().details().tick(OrganisationField.CYP_BOARD)).isFalse();
    }

    @Test
    void shouldNameEachBadFieldAndHoldBackACommentThatNamesTheOrganisation() throws Exception {
        long id = organisations.create(OrganisationDetails.of("SEEM", OutreachStatus.LISTED));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content("{\"heldOn\":\"yesterday\",\"mode\":\"visit\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"))
                .andExpect(jsonPath("$.errors[1].field").value("cypBoard"));
        long question = questionnaire.current().questions().get(0).id();
        String naming = "{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"cypBoard\":\"no\",\"answers\":[{\"questionId\":"
                + question + ",\"text\":\"SEEM thinks so\",\"about\":\"sector\"}]";
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(naming + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.warnings[0].field").value("answers[0].text"));
        assertThat(comments.all()).isEmpty();
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                .content(naming + ",\"confirmAnonymous\":true}")).andExpect(status().isCreated());
        comments.releaseNow(Map.of());
        assertThat(comments.all()).hasSize(1);
        mvc.perform(get("/api/organisations/{id}/interviews", 987654)).andExpect(status().isNotFound());
    }

    private long listed(String name) {
        return organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED));
    }

    private String answer(long question, String about) {
        String aboutJson = about == null ? "" : ",\"about\":\"" + about + "\"";
        return "{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"cypBoard\":\"no\",\"answers\":[{\"questionId\":"
                + question + ",\"text\":\"Rural groups are left out.\"" + aboutJson + "}]}";
    }

    @Test
    void shouldRefuseAnAnswerWhoseAboutIsMissingMisspeltOrUnknown() throws Exception {
        long id = listed("EMVY");
        long question = questionnaire.current().questions().get(0).id();
        for (String about : new String[] {null, "elsewhere", "organization", ""}) {
            mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                            .content(answer(question, about)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("answers[0].about"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview_answer", Integer.class)).isZero();
        assertThat(comments.waiting().interviews()).isZero();

        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                .content(answer(question, "Sector"))).andExpect(status().isCreated());
        comments.releaseNow(Map.of());
        assertThat(comments.all()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview_answer", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseAnAnswerToAQuestionTheQuestionnaireDoesNotHave() throws Exception {
        long id = listed("EMVY");
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(answer(999_999, "organisation")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[0].questionId"))
                .andExpect(jsonPath("$.errors[0].message").value("There is no question 999999 in the questionnaire"))
                .andExpect(jsonPath("$.errors.length()").value(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseANullAmongTheAnswersNamingWhichOne() throws Exception {
        long id = listed("EMVY");
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content("{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"interviewer\":\"F\","
                                + "\"cypBoard\":\"no\",\"answers\":[null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers[0]"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Each answer is an object with questionId, text and about, not null"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseAValueOfTheWrongKindNamingItsPlaceAndTheKindWanted() throws Exception {
        long id = listed("EMVY");
        String[][] cases = {
            // A number is not a tick: Jackson would have ticked the box for any number but 0.
            {"\"fullInterview\":123", "fullInterview", "Give true or false here"},
            // Nor is it text: digits stored as a name or a phone number would lose a leading zero unseen.
            {"\"interviewer\":42", "interviewer", "Give text (a JSON string, in quotes) here"},
            {"\"answers\":[{\"questionId\":\"first\",\"text\":\"x\",\"about\":\"sector\"}]",
                "answers[0].questionId", "Give a whole number here"},
            {"\"answers\":[{\"questionId\":1,\"text\":true,\"about\":\"sector\"}]", "answers[0].text",
                "Give text (a JSON string, in quotes) here"},
            {"\"answers\":[1]", "answers[0]", "Give an object, in braces here"},
        };
        for (String[] c : cases) {
            mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                            .content("{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"cypBoard\":\"no\","
                                    + (c[0].startsWith("\"interviewer\"") ? "" : "\"interviewer\":\"F\",") + c[0] + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]))
                    .andExpect(jsonPath("$.errors[0].message").value(c[2]));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isZero();
        // Text for a tick is still read, as a script built from the form's fields sends it.
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content("{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"interviewer\":\"F\","
                                + "\"cypBoard\":\"no\",\"fullInterview\":\"true\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("SELECT full_interview FROM organisation WHERE id = ?", Boolean.class, id))
                .isTrue();
    }

    @Test
    void shouldAnswerWithTheInterviewJustRecordedNotTheLatestByDate() throws Exception {
        long id = listed("EMVY");
        long question = questionnaire.current().questions().get(0).id();
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                .content(answer(question, "organisation").replace("2007-07-20", "2007-09-01")))
                .andExpect(status().isCreated());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(answer(question, "organisation")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.heldOn").value("2007-07-20"));
    }

    @Test
    void shouldListTheQuestionnairesQuestionIds() throws Exception {
        long first = questionnaire.current().questions().get(0).id();
        mvc.perform(get("/api/questionnaire"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].code").value("A"))
                .andExpect(jsonPath("$.sections[0].questions[0].id").value(first));
    }

    @Test
    void shouldRefuseADateOutsideTheYearsAnInterviewCanHaveBeenHeld() throws Exception {
        long id = listed("EMVY");
        long question = questionnaire.current().questions().get(0).id();
        for (String heldOn : new String[] {"-9999-05-05", "1899-12-31", "2007-02-30", "+10000-05-05"}) {
            mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                            .content(answer(question, "organisation").replace("2007-07-20", heldOn)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isZero();
    }

    @Test
    void shouldStoreEveryAnswerAndNameAtItsLimitInTheWidestCharactersAndRefuseOneMore() throws Exception {
        long id = listed("EMVY");
        long first = questionnaire.current().questions().get(0).id();
        long second = questionnaire.current().questions().get(1).id();
        String answer = WidestText.of(InterviewRules.ANSWER_LENGTH);
        String role = WidestText.of(InterviewRules.SHORT);
        String body = """
                {"heldOn":"2007-07-20","mode":"visit","cypBoard":"no","intervieweeRole":"%s","interviewer":"%s",
                 "answers":[{"questionId":%d,"text":"%s","about":"organisation"},
                            {"questionId":%d,"text":"%s","about":"sector"}]}""";
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(body.formatted(role, role, first, answer, second, answer)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answers[0].text").value(answer));
        comments.releaseNow(Map.of());
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly(answer);

        String longer = WidestText.of(InterviewRules.ANSWER_LENGTH + 1);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(body.formatted(WidestText.of(InterviewRules.SHORT + 1), role, first, longer, second,
                                longer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "intervieweeRole", "answers[0].text", "answers[1].text")));
        assertThat(comments.all()).hasSize(1);
    }
}
