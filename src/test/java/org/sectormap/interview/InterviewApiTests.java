package org.sectormap.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.CommentService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
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
        mvc.perform(post("/api/organisations/{id}/interviews", id).contentType("application/json").content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.cypBoard").value("through-board-member"))
                .andExpect(jsonPath("$.answers.length()").value(1))
                .andExpect(jsonPath("$.answers[0].text").value("We cover the whole region."));
        assertThat(comments.all()).extracting(c -> c.text()).containsExactly("Rural groups are left out.");
        mvc.perform(get("/api/organisations/{id}/interviews", id)).andExpect(jsonPath("$.length()").value(1));
        // Through a board member is not sitting on the board itself, as section B counts it.
        assertThat(organisations.find(id).orElseThrow().details().tick(OrganisationField.CYP_BOARD)).isFalse();
    }

    @Test
    void shouldNameEachBadFieldAndHoldBackACommentThatNamesTheOrganisation() throws Exception {
        long id = organisations.create(OrganisationDetails.of("SEEM", OutreachStatus.LISTED));
        mvc.perform(post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content("{\"heldOn\":\"yesterday\",\"mode\":\"visit\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"))
                .andExpect(jsonPath("$.errors[1].field").value("cypBoard"));
        long question = questionnaire.current().questions().get(0).id();
        String naming = "{\"heldOn\":\"2007-07-20\",\"mode\":\"visit\",\"cypBoard\":\"no\",\"answers\":[{\"questionId\":"
                + question + ",\"text\":\"SEEM thinks so\",\"about\":\"sector\"}]";
        mvc.perform(post("/api/organisations/{id}/interviews", id).contentType("application/json")
                        .content(naming + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.warnings[0].field").value("answers[0].text"));
        assertThat(comments.all()).isEmpty();
        mvc.perform(post("/api/organisations/{id}/interviews", id).contentType("application/json")
                .content(naming + ",\"confirmAnonymous\":true}")).andExpect(status().isCreated());
        assertThat(comments.all()).hasSize(1);
        mvc.perform(get("/api/organisations/{id}/interviews", 987654)).andExpect(status().isNotFound());
    }
}
