package org.sectormap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class HomeTests {

    @Autowired
    MockMvc mvc;

    private Document home() throws Exception {
        return Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
    }

    @Test
    void shouldOfferBothDemoDataSetsOnlyWhileTheRegisterIsEmpty() throws Exception {
        Document empty = home();
        assertThat(empty.select("form[action=/demo] button").eachText())
                .containsExactly("Load Appendix 1 of the 2007 report", "Load the worked example");
        assertThat(empty.select("form[action=/demo] input[name=set]").eachAttr("value"))
                .containsExactly("appendix-1", "worked-example");
        assertThat(empty.select("form[action=/demo] button").eachAttr("aria-describedby"))
                .allSatisfy(hint -> assertThat(empty.getElementById(hint)).isNotNull());
        mvc.perform(post("/demo").param("set", "appendix-1").with(csrf()));
        Document loaded = home();
        assertThat(loaded.select("form[action=/demo]")).isEmpty();
        assertThat(loaded.select("main p").eachText())
                .contains("48 organisations contacted: 0 excluded, 48 on the database, 48 interviewed.");
    }
}
