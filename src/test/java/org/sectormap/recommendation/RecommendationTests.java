package org.sectormap.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.WidestText;
import org.sectormap.ApiCalls;
import org.sectormap.ErrorPattern;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.NewComment;
import org.sectormap.comment.ThemeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@DatabaseTest
class RecommendationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    ThemeService themes;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcTemplate jdbc;

    private long onlyRecommendation() {
        return recommendations.groups().get(0).items().get(0).id();
    }

    /** A recommendation, and a released comment coded under the first theme, both linked to it as its evidence. */
    private record Evidence(long recommendation, String comment, long theme) {
    }

    private Evidence linkedEvidence() {
        recommendations.addGroup("Supporting the infrastructure organisations", "VCS Engage");
        recommendations.add(recommendations.groups().get(0).id(), "Seek clarification of NRF funding.");
        long id = onlyRecommendation();
        comments.hold(List.of(new NewComment("A", "Barriers", "The whole county rests on NRF money.")), Map.of());
        comments.releaseNow(Map.of());
        String nrf = comments.all().get(0).id();
        long funding = themes.all().get(0).id();
        themes.code(nrf, Set.of(funding), true);
        recommendations.link(id, Set.of(funding), Set.of(nrf));
        return new Evidence(id, nrf, funding);
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldNumberRecommendationsOnAcrossHeadings() throws Exception {
        mvc.perform(post("/recommendations/groups").with(csrf()).param("heading", "Commissioning")
                .param("addressedTo", "VCS Engage")).andExpect(redirectedUrl("/recommendations"));
        mvc.perform(post("/recommendations/groups").with(csrf()).param("heading", "Spreading the message"))
                .andExpect(redirectedUrl("/recommendations"));
        long first = recommendations.groups().get(0).id();
        long second = recommendations.groups().get(1).id();
        mvc.perform(post("/recommendations/groups/{id}/items", first).with(csrf()).param("text", "Call for commitment."))
                .andExpect(redirectedUrl("/recommendations"));
        mvc.perform(post("/recommendations/groups/{id}/items", second).with(csrf()).param("text", "Meet networks."))
                .andExpect(redirectedUrl("/recommendations"));

        Document page = page("/recommendations");
        assertThat(page.select("h2:not(#history)").eachText()).containsExactly("Commissioning", "Spreading the message");
        assertThat(page.select("ol.recommendations li").eachAttr("value")).containsExactly("1", "2");
        assertThat(page.select(".caption").eachText()).contains("VCS Engage should:");

        Document empty = Jsoup.parse(mvc.perform(post("/recommendations/groups/{id}/items", first).with(csrf())
                        .param("text", " "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(empty.select(".error-summary a").text()).isEqualTo("Enter the recommendation");
    }

    @Test
    void shouldGiveEachHeadingsAddFormItsOwnLabelledTextBox() throws Exception {
        for (String heading : List.of("Commissioning", "Spreading the message", "Infrastructure")) {
            recommendations.addGroup(heading, null);
        }
        Document page = page("/recommendations");
        List<String> ids = page.select("form[action$=/items] textarea").eachAttr("id");
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(page.select("label[for=" + id + "]")).as(id).hasSize(1);
        }
    }

    @Test
    void shouldLinkAnErrorToTheTextBoxOfTheHeadingItWasAddedUnder() throws Exception {
        for (String heading : List.of("Commissioning", "Spreading the message", "Infrastructure")) {
            recommendations.addGroup(heading, null);
        }
        long second = recommendations.groups().get(1).id();
        Document page = Jsoup.parse(mvc.perform(post("/recommendations/groups/{id}/items", second).with(csrf())
                        .param("text", " "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        String href = page.selectFirst(".error-summary a").attr("href");
        Element box = page.selectFirst(href);
        assertThat(box).isNotNull();
        assertThat(box.closest("form").attr("action")).isEqualTo("/recommendations/groups/" + second + "/items");
        assertThat(box.closest("details").hasAttr("open")).isTrue();
        assertThat(page.select(".error-message").eachText()).containsExactly("Error: Enter the recommendation");
        assertThat(page.getElementById(box.attr("aria-describedby")).text()).contains("Enter the recommendation");
    }

    /** A theme's deletion drops its links to recommendations; each one's History says so. */
    @Test
    void shouldNoteInARecommendationsHistoryThatItsThemeWasDeleted() {
        Evidence evidence = linkedEvidence();
        assertThat(themes.delete(evidence.theme())).isTrue();
        assertThat(recommendations.find(evidence.recommendation()).orElseThrow().themes()).isEmpty();
        assertThat(jdbc.queryForList("SELECT c.before_value || ' -> ' || COALESCE(c.after_value, '') FROM audit_change c "
                + "JOIN audit_entry e ON e.id = c.entry_id WHERE e.record_kind = 'recommendation' AND e.record_id = ? "
                + "AND c.field = 'themes' AND e.id = (SELECT MAX(id) FROM audit_entry WHERE record_kind = 'recommendation')",
                String.class, String.valueOf(evidence.recommendation())))
                .containsExactly(evidence.theme() + " -> ");
    }

    /** A form sent back with its errors keeps what was typed, and its page follows the error pattern. */
    @Test
    void shouldKeepWhatWasTypedWhenAFormComesBackWithErrors() throws Exception {
        recommendations.addGroup("Commissioning", null);
        long group = recommendations.groups().get(0).id();
        recommendations.add(group, "Encourage commissioning boards to value local knowledge.");
        long id = onlyRecommendation();
        String tooLong = "Spreading the message ".repeat(40);
        Document heading = Jsoup.parse(mvc.perform(post("/recommendations/groups").with(csrf())
                        .param("heading", tooLong).param("addressedTo", "VCS Engage"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(heading.selectFirst("#heading").val()).isEqualTo(tooLong);
        assertThat(heading.selectFirst("#addressedTo").val()).isEqualTo("VCS Engage");
        Document text = Jsoup.parse(mvc.perform(post("/recommendations/groups/{id}/items", group).with(csrf())
                        .param("text", "x".repeat(9_000)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(text.selectFirst("#text-" + group).text()).hasSize(9_000);
        Document progress = Jsoup.parse(mvc.perform(post("/recommendations/{id}/status", id).with(csrf())
                        .param("status", "agreed").param("notedOn", "2007-02-31").param("note", "Agreed at the board"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(progress.selectFirst("input[name=status][checked]").val()).isEqualTo("agreed");
        assertThat(progress.selectFirst("#note").text()).isEqualTo("Agreed at the board");
        for (Document page : List.of(heading, text, progress)) {
            assertThat(ErrorPattern.faults(page.outerHtml())).as(page.title()).isEmpty();
        }
    }

    @Test
    void shouldTrackStatusWithDatedNotesNewestFirst() throws Exception {
        recommendations.addGroup("Commissioning", null);
        recommendations.add(recommendations.groups().get(0).id(), "Encourage commissioning boards to value local knowledge.");
        long id = onlyRecommendation();
        mvc.perform(post("/recommendations/{id}/status", id).with(csrf()).param("status", "agreed")
                .param("notedOn", "2007-08-01").param("note", "Agreed at the board")).andExpect(redirectedUrl("/recommendations/" + id));
        mvc.perform(post("/recommendations/{id}/status", id).with(csrf()).param("status", "in-progress")
                .param("notedOn", "2007-09-15").param("note", "Letters sent")).andExpect(redirectedUrl("/recommendations/" + id));

        Document page = page("/recommendations/" + id);
        assertThat(page.selectFirst("table").select("tbody tr td:first-child").eachText())
                .containsExactly("15 September 2007", "1 August 2007");
        assertThat(page.select("h1 + p .tag").text()).isEqualTo("In progress");
        // An older note typed up afterwards joins the list but leaves the status the latest-dated one's.
        mvc.perform(post("/recommendations/{id}/status", id).with(csrf()).param("status", "proposed")
                .param("notedOn", "2007-07-20").param("note", "Raised at the forum")).andExpect(redirectedUrl("/recommendations/" + id));
        assertThat(page("/recommendations/" + id).select("h1 + p .tag").text()).isEqualTo("In progress");
        assertThat(recommendations.find(id).orElseThrow().status()).isEqualTo(RecommendationStatus.IN_PROGRESS);

        Document bad = Jsoup.parse(mvc.perform(post("/recommendations/{id}/status", id).with(csrf())
                        .param("status", "finished").param("notedOn", "tomorrow"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select(".error-summary a").eachAttr("href")).containsExactly("#status", "#notedOn");
        assertThat(bad.selectFirst("#notedOn-year").val()).isEqualTo("tomorrow");
        mvc.perform(ApiCalls.post("/api/recommendations/{id}/status", id).contentType("application/json")
                        .content("{\"status\":\"done\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notedOn"));
        assertThat(recommendations.find(id).orElseThrow().status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
    }

    @Test
    void shouldHeadTheNotesWithTheRecommendationsStatusNotTheOutreachStatus() throws Exception {
        recommendations.addGroup("Commissioning", null);
        recommendations.add(recommendations.groups().get(0).id(), "Value local knowledge.");
        long id = onlyRecommendation();
        recommendations.changeStatus(id, "agreed", "2007-08-01", "Agreed at the board");

        assertThat(page("/recommendations/" + id).selectFirst("table").select("thead th").eachText())
                .containsExactly("Date", "Status", "Note");
    }

    @Test
    void shouldLinkTheThemesAndCommentsThatSupportARecommendation() throws Exception {
        recommendations.addGroup("Supporting the infrastructure organisations", "VCS Engage");
        recommendations.add(recommendations.groups().get(0).id(), "Seek clarification of NRF funding.");
        long id = onlyRecommendation();
        comments.hold(List.of(new NewComment("A", "Barriers", "The whole county rests on NRF money."),
                new NewComment("A", "Barriers", "Meetings are too central.")), Map.of());
        comments.releaseNow(Map.of());
        String nrf = comments.all().stream().filter(c -> c.text().startsWith("The whole")).findFirst().orElseThrow().id();
        long funding = themes.all().get(0).id();
        themes.code(nrf, Set.of(funding), true);

        mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf()).param("theme", String.valueOf(funding)))
                .andExpect(redirectedUrl("/recommendations/" + id));
        assertThat(page("/recommendations/" + id).select("input[name=comment] + label").eachText())
                .containsExactly("The whole county rests on NRF money.");
        mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf()).param("theme", String.valueOf(funding))
                .param("comment", nrf)).andExpect(redirectedUrl("/recommendations/" + id));
        // A blank choice, which the page never sends, chooses nothing rather than failing.
        mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf()).param("theme", String.valueOf(funding), "")
                .param("comment", nrf)).andExpect(redirectedUrl("/recommendations/" + id));

        mvc.perform(get("/api/recommendations/{id}", id))
                .andExpect(jsonPath("$.themes", contains("Funding")))
                .andExpect(jsonPath("$.comments[0].text").value("The whole county rests on NRF money."))
                .andExpect(jsonPath("$.comments[0].theme").value("A. Barriers"))
                .andExpect(jsonPath("$.comments[0].id").doesNotExist())
                .andExpect(jsonPath("$.comments[0].recordedMonth").doesNotExist());
        assertThat(page("/recommendations").select("ol.recommendations .caption").text()).isEqualTo("Funding");
    }

    @Test
    void shouldLeaveTheThemesAndCommentsBehindARecommendationOutForAViewer() throws Exception {
        long id = linkedEvidence().recommendation();
        RequestPostProcessor viewer = user("viewer@test.example").roles("VIEWER");

        String one = mvc.perform(get("/recommendations/{id}", id).with(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(one).contains("Seek clarification of NRF funding.").doesNotContain("rests on NRF money")
                .doesNotContain("Funding").doesNotContain("/evidence").doesNotContain("/status");
        Document list = Jsoup.parse(mvc.perform(get("/recommendations").with(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("ol.recommendations li").text()).contains("Seek clarification");
        assertThat(list.select("ol.recommendations .caption")).isEmpty();
        assertThat(list.select("form")).noneMatch(f -> f.attr("action").startsWith("/recommendations"));
        Document report = Jsoup.parse(mvc.perform(get("/reports/mapping").with(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(report.select("ol.recommendations li").text()).contains("Seek clarification");
        assertThat(report.select("ol.recommendations .caption")).isEmpty();
        mvc.perform(get("/api/recommendations/{id}", id).with(viewer))
                .andExpect(jsonPath("$.text").value("Seek clarification of NRF funding."))
                .andExpect(jsonPath("$.themes").doesNotExist()).andExpect(jsonPath("$.comments").doesNotExist());
        mvc.perform(get("/api/recommendations").with(viewer))
                .andExpect(jsonPath("$[0].recommendations[0].number").value(1))
                .andExpect(jsonPath("$[0].recommendations[0].themes").doesNotExist())
                .andExpect(jsonPath("$[0].recommendations[0].comments").doesNotExist());
        // A researcher still reads the evidence.
        assertThat(page("/recommendations/" + id).select("input[name=comment] + label").eachText())
                .containsExactly("The whole county rests on NRF money.");
        assertThat(Jsoup.parse(mvc.perform(get("/reports/mapping")).andReturn().getResponse().getContentAsString())
                .select("ol.recommendations .caption").text()).isEqualTo("Funding");
    }

    @Test
    void shouldRefuseEvidenceNamingAThemeOrCommentThatDoesNotExistAndKeepTheLinksItHad() throws Exception {
        Evidence linked = linkedEvidence();
        long id = linked.recommendation();
        String nrf = linked.comment();
        long funding = linked.theme();
        long training = themes.all().get(1).id();
        int audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class);
        // A theme deleted, and a comment key that names no comment, since the page was shown.
        long deleted = themes.all().stream().mapToLong(t -> t.id()).max().orElseThrow() + 1;
        String unknown = "00000000-0000-0000-0000-000000000000";

        Document page = Jsoup.parse(mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf())
                        .param("theme", String.valueOf(training), String.valueOf(deleted)).param("comment", unknown))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").eachText()).containsExactly(
                "A theme you ticked has been deleted since this page was shown: check the themes and save again",
                "A comment you ticked is no longer in the comments: check them and save again");
        for (String href : page.select(".error-summary a").eachAttr("href")) {
            assertThat(page.selectFirst(href)).as(href).isNotNull();
        }
        assertThat(page.select(".form-group--error .error-message").eachText()).containsExactly(
                "Error: A theme you ticked has been deleted since this page was shown: check the themes and save again",
                "Error: A comment you ticked is no longer in the comments: check them and save again");
        // Ticked again as sent, not as stored.
        assertThat(page.select("input[name=theme][checked]").eachAttr("value")).containsExactly(String.valueOf(training));
        assertThat(page.select("input[name=comment][checked]")).isEmpty();

        Recommendation kept = recommendations.find(id).orElseThrow();
        assertThat(kept.themes()).extracting(t -> t.id()).containsExactly(funding);
        assertThat(kept.comments()).extracting(AnonymousComment::id).containsExactly(nrf);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Integer.class)).isEqualTo(audited);

        // A blank among the ids, which the page never sends, still chooses nothing.
        mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf()).param("theme", String.valueOf(training), "")
                .param("comment", "", nrf)).andExpect(redirectedUrl("/recommendations/" + id));
        assertThat(recommendations.find(id).orElseThrow().themes()).extracting(t -> t.id()).containsExactly(training);
    }

    @Test
    void shouldLinkTheErrorSummaryToTheCommentsEvenWhenNoneAreOffered() throws Exception {
        recommendations.addGroup("Supporting the infrastructure organisations", "VCS Engage");
        recommendations.add(recommendations.groups().get(0).id(), "Seek clarification of NRF funding.");
        long id = onlyRecommendation();
        // No theme linked yet, so no comment is offered to tick.
        Document page = Jsoup.parse(mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf())
                        .param("comment", "00000000-0000-0000-0000-000000000000"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("input[name=comment]")).isEmpty();
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#comment");
        assertThat(page.selectFirst("#comment")).isNotNull();
    }

    @Test
    void shouldOfferTheFirstTwoHundredCommentsUnderItsThemesAndAnyAlreadyLinked() throws Exception {
        recommendations.addGroup("Supporting the infrastructure organisations", "VCS Engage");
        recommendations.add(recommendations.groups().get(0).id(), "Seek clarification of NRF funding.");
        long id = onlyRecommendation();
        comments.hold(IntStream.range(0, 230)
                .mapToObj(i -> new NewComment(i % 3 == 0 ? "B" : "A", "Section", "Comment " + i)).toList(), Map.of());
        comments.releaseNow(Map.of());
        long funding = themes.all().get(0).id();
        List<AnonymousComment> all = comments.all();
        all.forEach(c -> themes.code(c.id(), Set.of(funding), false));
        // Linked, though last in the comments' order and so not among the first 200 under the theme.
        String last = all.get(all.size() - 1).id();
        mvc.perform(post("/recommendations/{id}/evidence", id).with(csrf()).param("theme", String.valueOf(funding))
                .param("comment", last)).andExpect(redirectedUrl("/recommendations/" + id));

        Document page = page("/recommendations/" + id);
        List<String> offered = page.select("input[name=comment]").eachAttr("value");
        assertThat(offered).hasSize(201).doesNotHaveDuplicates().startsWith(last)
                .containsSubsequence(all.subList(0, 200).stream().map(c -> c.id()).toList());
        assertThat(page.select("input[name=comment][checked]").eachAttr("value")).containsExactly(last);
        assertThat(page.text()).contains("Only the first 200 comments under these themes are offered");
    }

    @Test
    void shouldAnswerAMissingRecommendationWithNotFound() throws Exception {
        mvc.perform(get("/recommendations/{id}", 987654)).andExpect(status().isNotFound());
        mvc.perform(get("/api/recommendations/{id}", 987654)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("No recommendation 987654"));
    }

    @Test
    void shouldStoreEveryTextAtItsLimitInTheWidestCharactersAndRefuseOneMore() {
        String heading = WidestText.of(RecommendationService.HEADING_LENGTH);
        recommendations.addGroup(heading, WidestText.of(RecommendationService.HEADING_LENGTH));
        long group = recommendations.groups().get(0).id();
        recommendations.add(group, WidestText.of(RecommendationService.TEXT_LENGTH));
        long id = onlyRecommendation();
        recommendations.changeStatus(id, "agreed", "2007-08-01", WidestText.of(RecommendationService.TEXT_LENGTH));
        assertThat(recommendations.groups().get(0).heading()).isEqualTo(heading);

        assertThatThrownBy(() -> recommendations.addGroup(WidestText.of(RecommendationService.HEADING_LENGTH + 1),
                null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> recommendations.add(group, WidestText.of(RecommendationService.TEXT_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> recommendations.changeStatus(id, "done", "2007-08-02",
                WidestText.of(RecommendationService.TEXT_LENGTH + 1))).isInstanceOf(InvalidInputException.class);
        assertThat(recommendations.groups()).hasSize(1);
        assertThat(recommendations.find(id).orElseThrow().status()).isEqualTo(RecommendationStatus.AGREED);
    }

    @Test
    void shouldSayANoteDatedInTheFutureIsInTheFuture() throws Exception {
        recommendations.addGroup("Commissioning", null);
        recommendations.add(recommendations.groups().get(0).id(), "Value local knowledge.");
        long id = onlyRecommendation();
        Document page = Jsoup.parse(mvc.perform(post("/recommendations/{id}/status", id).with(csrf())
                        .param("status", "agreed").param("notedOn", "2999-01-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary a").text()).isEqualTo("Date of the note must be today or in the past");
    }
}
