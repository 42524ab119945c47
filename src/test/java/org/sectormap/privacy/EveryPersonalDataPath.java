package org.sectormap.privacy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.sectormap.ApiCalls;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One person's data entered through every page and API that accepts personal data: the
 * organisation form, the import page and API, contact attempts by form and API, interviews by
 * form and API (their name given with consent, answers mentioning them) and consent records by form and API.
 *
 * @param organisation the record made with the organisation form, which names them as its contact
 */
record EveryPersonalDataPath(long organisation, long imported) {

    static EveryPersonalDataPath enter(MockMvc mvc, OrganisationService organisations, QuestionnaireService questionnaire,
            String name, String email, String role) throws Exception {
        String location = mvc.perform(post("/organisations/new").with(csrf()).param("name", "Riverside Family Forum")
                        .param("status", "listed").param("contactName", name).param("contactRole", role)
                        .param("email", email).param("description", "Set up by " + name + " in 2001."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long organisation = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(
                ("name,status,contact_name,contact_role,email\nHilltop Carers,listed," + name + "," + role + "," + email
                        + "\n").getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
        MockHttpServletResponse uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file",
                        "people.csv", "text/csv", ("name,status,contact_name\nValley Youth Project,listed," + name + "\n")
                                .getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        // The session that holds the waiting file's token, as the browser's cookie carries it.
        mvc.perform(post(uploaded.getRedirectedUrl()).cookie(uploaded.getCookie("SESSION")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long imported = organisations.search(OrganisationQuery.all()).items().stream()
                .filter(o -> o.details().name().equals("Hilltop Carers")).findFirst().orElseThrow().id();

        mvc.perform(post("/organisations/{id}/attempts/new", organisation).with(csrf()).param("attemptedOn", "2007-07-02")
                .param("method", "telephone").param("outcome", "call-back-arranged")
                .param("note", "Spoke to " + name + ", who will call back.")).andExpect(status().is3xxRedirection());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", imported).contentType("application/json")
                .content("""
                        {"attemptedOn":"2007-07-03","method":"email","outcome":"no-answer","note":"Wrote to %s"}"""
                        .formatted(email))).andExpect(status().isCreated());

        long question = questionnaire.current().questions().get(1).id();
        mvc.perform(post("/organisations/{id}/interviews/new", organisation).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("cypBoard", "no").param("nameConsent", "yes")
                .param("intervieweeName", name).param("intervieweeRole", role)
                .param("answer-" + question, "Since " + name + " joined we reach more families.")
                .param("about-" + question, "organisation")).andExpect(status().is3xxRedirection());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/interviews", imported).contentType("application/json")
                .content("""
                        {"heldOn":"2007-07-11","mode":"telephone","cypBoard":"no","nameConsent":true,
                         "intervieweeName":"%s","intervieweeRole":"%s","answers":[
                         {"questionId":%d,"text":"Ask %s about the funding.","about":"organisation"}]}"""
                        .formatted(name, role, question, email))).andExpect(status().isCreated());

        mvc.perform(post("/organisations/{id}/consents/new", organisation).with(csrf()).param("personName", name)
                .param("personEmail", email).param("basis", "consent").param("givenOn", "2007-07-10")
                .param("givenHow", "Signed the form at the visit").param("purpose", "To be named in the mapping"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(ApiCalls.post("/api/organisations/{id}/consents", imported).contentType("application/json")
                .content("""
                        {"personName":"%s","personEmail":"%s","basis":"legitimate-interests","givenOn":"2007-07-03",
                         "givenHow":"Agreed by email","purpose":"Contact about the mapping"}""".formatted(name, email)))
                .andExpect(status().isCreated());
        return new EveryPersonalDataPath(organisation, imported);
    }
}
