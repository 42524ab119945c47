package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.WidestText;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class ThemeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    @Autowired
    ThemeService themes;

    private String commentId(String text) {
        return comments.all().stream().filter(c -> c.text().equals(text)).findFirst().orElseThrow().id();
    }

    private long themeId(String name) {
        return themes.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldOfferTheDefaultThemes() {
        assertThat(themes.all()).extracting(Theme::name).containsExactly("Funding", "Capacity", "Information flow",
                "Representation", "Commissioning", "Trust", "New communities", "Language", "Faith groups");
    }

    @Test
    void shouldWriteEveryCommentWithItsThemesToTheCsvPastABatchOfAThousand() throws Exception {
        List<NewComment> many = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            many.add(new NewComment("B", "Support", String.format("Comment %04d", i)));
        }
        comments.hold(many, Map.of());
        comments.releaseNow(Map.of());
        themes.code(commentId("Comment 1100"), Set.of(themeId("Funding"), themeId("Trust")), true);
        themes.code(commentId("Comment 0003"), Set.of(themeId("Trust")), false);

        List<String> lines = mvc.perform(get("/comments.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).hasSize(1 + 1_205);
        // In the comments' order: their section, then their random key.
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1]).toList())
                .containsExactlyElementsOf(comments.all().stream().sorted(Comparator.comparing(
                        AnonymousComment::sectionCode).thenComparing(AnonymousComment::id)).map(AnonymousComment::text)
                        .toList());
        assertThat(lines).contains("B. Support,Comment 0003,Trust,", "B. Support,Comment 1101,,")
                .anyMatch(line -> line.matches("B\\. Support,Comment 1100,(Funding; Trust|Trust; Funding),Yes"));
    }

    @Test
    void shouldCodeACommentUnderSeveralThemesAndCountThemBySection() throws Exception {
        comments.hold(List.of(new NewComment("A", "Barriers", "Funding runs out in April."),
                new NewComment("D", "Groups", "Small groups cannot fund training or find trusted support."),
                new NewComment("D", "Groups", "Faith groups are met with suspicion.")), Map.of());
        comments.releaseNow(Map.of());
        String mixed = commentId("Small groups cannot fund training or find trusted support.");
        mvc.perform(post("/comments/{id}/code", mixed).with(csrf())
                        .param("theme", String.valueOf(themeId("Funding")))
                        .param("theme", String.valueOf(themeId("Trust"))).param("quote", "yes"))
                .andExpect(redirectedUrl("/comments#" + mixed));
        // Neither yes nor no is refused, naming the field, and changes nothing.
        assertThat(mvc.perform(post("/comments/{id}/code", mixed).with(csrf()).param("quote", "maybe"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("&#39;maybe&#39; is not a valid value for quote");
        themes.code(commentId("Funding runs out in April."), Set.of(themeId("Funding")), false);
        themes.code(commentId("Faith groups are met with suspicion."), Set.of(themeId("Faith groups")), false);

        Document summary = page("/themes");
        Element funding = summary.select("tbody tr").first();
        assertThat(summary.select("thead th").eachText()).containsExactly("Theme", "A", "D", "Total");
        assertThat(funding.select("th").text()).isEqualTo("Funding");
        assertThat(funding.select("td").eachText()).containsExactly("1", "1", "2");

        assertThat(page("/themes/" + themeId("Funding")).select("blockquote").eachText())
                .containsExactly("Funding runs out in April.", "Small groups cannot fund training or find trusted support.");
        assertThat(comments.all()).filteredOn(AnonymousComment::quote).extracting(AnonymousComment::id)
                .containsExactly(mixed);
        mvc.perform(get("/api/themes")).andExpect(jsonPath("$[0].comments").value(2));
        mvc.perform(get("/api/themes/{id}/comments", themeId("Trust")))
                .andExpect(jsonPath("$[*].text", contains("Small groups cannot fund training or find trusted support.")));
    }

    @Test
    void shouldAddRenameAndDeleteThemesWithoutLosingComments() throws Exception {
        mvc.perform(post("/themes").with(csrf()).param("name", "Premises")).andExpect(redirectedUrl("/themes"));
        Document duplicate = Jsoup.parse(mvc.perform(post("/themes").with(csrf()).param("name", "funding"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(duplicate.select(".error-summary a").text()).isEqualTo("There is already a theme called 'funding'");

        long premises = themeId("Premises");
        comments.hold(List.of(new NewComment("D", "Groups", "The rent on the hall doubled.")), Map.of());
        comments.releaseNow(Map.of());
        themes.code(commentId("The rent on the hall doubled."), Set.of(premises), false);
        mvc.perform(post("/themes/{id}/rename", premises).with(csrf()).param("name", "Premises and rent"))
                .andExpect(redirectedUrl("/themes/" + premises));
        assertThat(themes.find(premises).orElseThrow().name()).isEqualTo("Premises and rent");
        mvc.perform(post("/themes/{id}/delete", premises).with(csrf())).andExpect(redirectedUrl("/themes"));
        assertThat(comments.all()).extracting(AnonymousComment::text).containsExactly("The rent on the hall doubled.");
        assertThat(themes.find(premises)).isEmpty();
    }

    @Test
    void shouldRefuseToCodeUnderAThemeThatDoesNotExist() throws Exception {
        comments.hold(List.of(new NewComment("A", "Barriers", "Too many meetings.")), Map.of());
        comments.releaseNow(Map.of());
        String id = commentId("Too many meetings.");
        mvc.perform(post("/comments/{id}/code", id).with(csrf()).param("theme", "999999"))
                .andExpect(status().isNotFound());
        assertThat(themes.comment(id).orElseThrow().themes()).isEmpty();
        mvc.perform(get("/api/themes/{id}/comments", 999999)).andExpect(status().isNotFound());
    }

    @Test
    void shouldStoreAThemeNameAtItsLimitInTheWidestCharactersAndRefuseOneMore() {
        String name = WidestText.of(ThemeService.NAME_LENGTH);
        themes.save(null, name);
        assertThat(themes.all()).extracting(Theme::name).contains(name);
        assertThatThrownBy(() -> themes.save(null, WidestText.of(ThemeService.NAME_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
