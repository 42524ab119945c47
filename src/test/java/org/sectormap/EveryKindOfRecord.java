package org.sectormap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectormap.comment.CommentService;
import org.sectormap.comment.ThemeService;
import org.sectormap.interview.Questionnaire;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The demo data and one of each record it lacks: an import, a saved import mapping, a referral, an interview with
 * answers about the organisation and about the sector, a contact attempt, a consent record, a setting, a coded
 * comment, and a recommendation with evidence and a note; for tests that need every table, or every page, to have
 * something in it.
 *
 * @param organisation interviewed, contacted and the referrer of {@code referred}
 */
public record EveryKindOfRecord(long organisation, long referred, long interview, String comment, long theme,
        long recommendation, Questionnaire.Question question) {

    public static EveryKindOfRecord fill(MockMvc mvc, ApplicationContext spring) throws Exception {
        mvc.perform(post("/demo").with(csrf())).andExpect(status().is3xxRedirection());
        // Named to sort last, so the demo data's first two organisations stay the first two.
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content("name,status\nZebra Crossing Group (example),listed\n")).andExpect(status().isOk());
        // Imported again with a phone number, chosen to update the record it now is.
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "zebra.csv", "text/csv",
                        "name,status,phone\nZebra Crossing Group (example),listed,0115 496 0000\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .param("duplicates", "update").header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk());
        // A file in its own headings, mapped on the mapping step and the mapping saved; not imported.
        MockHttpServletResponse theirs = mvc.perform(multipart("/import").file(new MockMultipartFile("file",
                "theirs.csv", "text/csv", "Org,Interviewed\nMapped Group (example),No\n".getBytes(StandardCharsets.UTF_8)))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        mvc.perform(post(theirs.getRedirectedUrl()).cookie(theirs.getCookie("SESSION")).with(csrf())
                .param("column-0", "name").param("column-1", "status").param("value-status-0-text", "No")
                .param("value-status-0", "listed").param("saveAs", "Their directory"))
                .andExpect(status().is3xxRedirection());
        List<Organisation> two = spring.getBean(OrganisationService.class)
                .search(OrganisationQuery.all().atPage(1, 2)).items();
        long first = two.get(0).id();
        long second = two.get(1).id();
        mvc.perform(ApiCalls.put("/api/organisations/{id}/referred-by", second).contentType("application/json")
                .content("{\"referredBy\":" + first + "}")).andExpect(status().isOk());

        List<Questionnaire.Question> questions = spring.getBean(QuestionnaireService.class).current().questions();
        String interview = mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", first)
                        .contentType("application/json").content("""
                                {"heldOn":"2007-07-20","mode":"telephone","cypBoard":"no","answers":[
                                  {"questionId":%d,"text":"Rural groups are left out.","about":"sector"},
                                  {"questionId":%d,"text":"We cover the county.","about":"organisation"}]}"""
                                .formatted(questions.get(0).id(), questions.get(1).id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", first).contentType("application/json").content("""
                {"attemptedOn":"2007-07-19","method":"telephone","outcome":"no-answer"}"""))
                .andExpect(status().isCreated());
        mvc.perform(post("/organisations/{id}/consents/new", first).with(csrf()).param("personName", "A Contact")
                .param("basis", "legitimate-interests").param("givenOn", "2007-07-19").param("givenHow", "By telephone")
                .param("purpose", "The mapping")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/privacy/retention").with(csrf()).param("months", "36"))
                .andExpect(status().is3xxRedirection());

        ThemeService themes = spring.getBean(ThemeService.class);
        // One interview is fewer than a release takes: released here so the comment pages have one to show.
        CommentService comments = spring.getBean(CommentService.class);
        comments.releaseNow(Map.of());
        String comment = comments.all().get(0).id();
        // And one still waiting, so the pool has a row too.
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", second).contentType("application/json")
                        .content("""
                                {"heldOn":"2007-07-21","mode":"visit","cypBoard":"no","answers":[
                                  {"questionId":%d,"text":"Nobody asks the small groups.","about":"sector"}]}"""
                                .formatted(questions.get(0).id())))
                .andExpect(status().isCreated());
        long theme = themes.all().get(0).id();
        themes.code(comment, Set.of(theme), true);
        RecommendationService recommendations = spring.getBean(RecommendationService.class);
        long recommendation = recommendations.groups().get(0).items().get(0).id();
        recommendations.link(recommendation, Set.of(theme), Set.of(comment));
        recommendations.changeStatus(recommendation, "agreed", "2007-08-01", "At the board");
        return new EveryKindOfRecord(first, second, ((Number) JsonPath.read(interview, "$.id")).longValue(), comment,
                theme, recommendation, questions.get(0));
    }
}
