package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A theme's page, and the page of every comment, list 50 at a time in the comments' one order (section,
 * then random key), counting them all.
 */
@DatabaseTest
class ThemePageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    @Autowired
    ThemeService themes;

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void shouldPageATheme() throws Exception {
        List<NewComment> held = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            held.add(new NewComment(i % 2 == 0 ? "A" : "B", "Section", "Comment " + (1000 + i)));
        }
        comments.hold(held, Map.of());
        comments.releaseNow(Map.of());
        long funding = themes.all().get(0).id();
        long trust = themes.all().get(1).id();
        comments.all().forEach(c -> themes.code(c.id(), Set.of(funding, trust), false));

        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Document html = Jsoup.parse(body("/themes/" + funding + "?page=" + page));
            assertThat(html.select("main p").eachText()).contains("120 comments are coded under this theme.");
            assertThat(html.select("nav.pagination span").text()).isEqualTo("Page " + page + " of 3");
            assertThat(html.select("nav.pagination a[rel=next]").attr("href"))
                    .isEqualTo(page < 3 ? "/themes/" + funding + "?page=" + (page + 1) : "");
            assertThat(html.select("nav.pagination a[rel=prev]").attr("href"))
                    .isEqualTo(page > 1 ? "/themes/" + funding + "?page=" + (page - 1) : "");
            paged.addAll(html.select("blockquote").eachText());
            assertThat(html.select("li.comment").last().select("a.tag--theme").eachText())
                    .containsExactly(themes.all().get(0).name(), themes.all().get(1).name());
        }
        assertThat(paged).hasSize(120).containsExactlyElementsOf(
                JsonPath.<List<String>>read(body("/api/themes/" + funding + "/comments"), "$[*].text"));
        assertThat(Jsoup.parse(body("/themes/" + funding)).select("blockquote")).hasSize(50);
        mvc.perform(get("/themes/" + funding).param("page", "0")).andExpect(status().isBadRequest());
    }

    @Test
    void shouldPageEveryCommentBySectionThenKey() throws Exception {
        List<NewComment> held = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            held.add(new NewComment(i % 3 == 0 ? "B" : "A", i % 3 == 0 ? "Networks" : "Barriers", "Comment " + i));
        }
        comments.hold(held, Map.of());
        comments.releaseNow(Map.of());
        List<AnonymousComment> stored = comments.all();
        List<String> expected = stored.stream()
                .sorted(Comparator.comparing(AnonymousComment::sectionCode).thenComparing(AnonymousComment::id))
                .map(AnonymousComment::id).toList();

        List<String> paged = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Document html = Jsoup.parse(body("/comments?page=" + page));
            assertThat(html.select("main p").eachText()).contains("120 comments, 50 to a page, grouped by questionnaire theme.");
            assertThat(html.select("nav.pagination span").text()).isEqualTo("Page " + page + " of 3");
            assertThat(html.select("li.comment")).hasSize(page < 3 ? 50 : 20);
            paged.addAll(html.select("li.comment").eachAttr("id"));
            headings.addAll(html.select("main h2").eachText());
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(headings).containsExactly("A. Barriers", "A. Barriers", "B. Networks", "B. Networks");
        assertThat(JsonPath.<List<String>>read(body("/api/comments"), "$[*].text")).containsExactlyElementsOf(
                expected.stream().map(id -> stored.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().text())
                        .toList());
        // Past the last page: none, and a 404 that says so.
        Document past = Jsoup.parse(mvc.perform(get("/comments?page=4")).andExpect(status().isNotFound()).andReturn()
                .getResponse().getContentAsString());
        assertThat(past.select("li.comment")).isEmpty();
        assertThat(past.text()).contains("There is no page 4: this list has 3 pages.");
    }
}
