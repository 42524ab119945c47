package org.sectormap.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class SecurityTests {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldRefuseAFormPostWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/organisations/new").param("name", "Forged").param("status", "listed"))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldForbidFramingAndForeignScript() throws Exception {
        mvc.perform(get("/organisations"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
