package org.sectormap.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Permissions-Policy", Matchers.containsString("camera=()")));
    }

    @Test
    void shouldAnswerOnlyTheConfiguredHostNames() throws Exception {
        for (String host : new String[] {"localhost", "127.0.0.1", "LOCALHOST"}) {
            mvc.perform(get("/organisations").with(request -> {
                request.setServerName(host);
                return request;
            })).andExpect(status().isOk());
        }
        mvc.perform(get("/api/organisations").with(request -> {
            request.setServerName("attacker.example");
            return request;
        })).andExpect(status().isBadRequest())
                .andExpect(content().string("This server does not answer to that host name."));
    }
}
