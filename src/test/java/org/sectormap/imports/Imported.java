package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sectormap.ApiCalls;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.http.Cookie;

/** What import tests look at: the register in the order stored, and the session a browser's uploads carry. */
final class Imported {

    /** The session cookie the first upload set, which holds the waiting file's token as a browser's would. */
    private Cookie sessionCookie;

    RequestPostProcessor session() {
        return request -> {
            if (sessionCookie != null) {
                request.setCookies(sessionCookie);
            }
            return request;
        };
    }

    /** Keeps the session an upload started, for the requests after it. */
    ResultActions remember(ResultActions uploaded) {
        Cookie set = uploaded.andReturn().getResponse().getCookie("SESSION");
        sessionCookie = set == null ? sessionCookie : set;
        return uploaded;
    }

    static List<OrganisationDetails> stored(OrganisationService organisations) {
        return organisations.search(OrganisationQuery.all().atPage(1, 200)).items().stream()
                .sorted(Comparator.comparing(Organisation::id)).map(Organisation::details).toList();
    }

    /** What the file stored, next to what the CSV stores: the register holds both alike, the file's first. */
    static void assertSameRegisterAs(MockMvc mvc, OrganisationService organisations, String csv) throws Exception {
        int before = stored(organisations).size();
        assertThat(before).isPositive();
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
        List<OrganisationDetails> all = stored(organisations);
        assertThat(all).hasSize(2 * before);
        assertThat(all.subList(0, before)).isEqualTo(all.subList(before, all.size()));
    }

    /** The form as a browser would send it untouched: each select's chosen option and the hidden values. */
    static Map<String, String> formOf(Document page) {
        Map<String, String> form = new LinkedHashMap<>();
        for (Element select : page.select("form select")) {
            Element chosen = select.selectFirst("option[selected]");
            form.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
        }
        page.select("form input[type=hidden]").forEach(i -> form.put(i.attr("name"), i.attr("value")));
        return form;
    }

    /** The select beside a heading or a value, by the text of its label. */
    static String selectFor(Document page, String label) {
        return page.select("tbody label").stream().filter(l -> l.text().equals(label)).findFirst().orElseThrow()
                .attr("for");
    }
}
