package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever the rules accept, the database stores: every text field at its longest, in the
 * character whose lower case is longer than itself (which search text holds beside the original).
 */
@DatabaseTest
class OrganisationLimitsTests {

    /** Lower-cased by String.toLowerCase it becomes two characters. */
    private static final String WIDE = "\u0130";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService service;

    @Test
    void shouldStoreTheLongestAcceptedValueOfEveryTextFieldInTheWidestCharacters() throws Exception {
        MockHttpServletRequestBuilder form = post("/organisations/new").with(csrf())
                .param("status", "excluded").param("exclusionReason", "other");
        for (OrganisationField field : OrganisationField.values()) {
            if (field.kind() == OrganisationField.Kind.LINE || field.kind() == OrganisationField.Kind.TEXT) {
                form.param(field.property(), WIDE.repeat(field.maxLength()));
            }
        }
        form.param("email", "a".repeat(300) + "@example.org.uk")
                // A domain's labels are 63 characters at most: the length is in the path.
                .param("website", "https://www.example.org.uk/" + "w".repeat(473))
                .param("postcode", "DE1 1AA");
        String location = mvc.perform(form).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        OrganisationDetails stored = service.get(id).details();
        assertThat(stored.description()).isEqualTo(WIDE.repeat(10_000));
        assertThat(stored.exclusionDetail()).hasSize(1000);
        mvc.perform(get("/api/organisations").param("q", "i\u0307"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/organisations").param("q", WIDE.repeat(3)))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void shouldRefuseOneCharacterMoreNamingTheFieldAndStoreNothing() throws Exception {
        for (OrganisationField field : OrganisationField.values()) {
            if (field.kind() != OrganisationField.Kind.LINE && field.kind() != OrganisationField.Kind.TEXT) {
                continue;
            }
            MockHttpServletRequestBuilder form = post("/organisations/new").with(csrf()).param("status", "excluded")
                    .param("exclusionReason", "other").param(field.property(), WIDE.repeat(field.maxLength() + 1));
            if (field != OrganisationField.NAME) {
                form.param("name", "A");
            }
            if (field != OrganisationField.EXCLUSION_DETAIL) {
                form.param("exclusionDetail", "why");
            }
            mvc.perform(form)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                            .as(field.property()).contains("href=\"#" + field.property() + "\""));
        }
        assertThat(service.count()).isZero();
    }
}
