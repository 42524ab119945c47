package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A link shown to someone whose role may not follow it is a broken page to them: the register's
 * downloads and the home page's outreach and comments were offered to viewers, and the
 * questionnaire's wording changes to researchers, each answering 403. Every page reachable by links
 * from the home page, over the worked example, is visited as each role, and every link on it followed.
 */
@DatabaseTest
class OfferedLinksTests {

    private static final int MOST_PAGES = 400;

    @Autowired
    MockMvc mvc;

    @Test
    void shouldOfferAViewerNoLinkTheyMayNotFollow() throws Exception {
        followEveryLink(user("viewer@test.example").roles("VIEWER"));
    }

    @Test
    void shouldOfferAResearcherNoLinkTheyMayNotFollow() throws Exception {
        followEveryLink(user("researcher@test.example").roles("RESEARCHER"));
    }

    private void followEveryLink(RequestPostProcessor who) throws Exception {
        mvc.perform(post("/demo").param("set", "worked-example").with(user("admin@test.example").roles("ADMIN"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        Map<String, Integer> visited = new LinkedHashMap<>();
        Deque<String> waiting = new ArrayDeque<>(List.of("/"));
        while (!waiting.isEmpty() && visited.size() < MOST_PAGES) {
            String link = waiting.poll();
            if (visited.containsKey(link)) {
                continue;
            }
            MvcResult result = mvc.perform(get(URI.create(link)).with(who)).andReturn();
            int status = result.getResponse().getStatus();
            visited.put(link, status);
            String type = result.getResponse().getContentType();
            if (status == 200 && type != null && type.startsWith("text/html")) {
                Jsoup.parse(result.getResponse().getContentAsString()).select("a[href^=/]").stream()
                        .map(a -> a.attr("href").replaceFirst("#.*", ""))
                        // One page of each list and each record's history is enough to reach every kind of link.
                        .filter(href -> !href.isEmpty() && !href.matches(".*[?&]page=([3-9]|\\d\\d+).*"))
                        .filter(href -> !visited.containsKey(href)).forEach(waiting::add);
            }
        }
        assertThat(visited).as("pages visited").hasSizeGreaterThan(40);
        assertThat(visited).allSatisfy((link, status) ->
                assertThat(status).as("following %s", link).isNotIn(401, 403).isLessThan(500));
    }
}
