package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.comment.AnonymousComment;
import org.sectormap.comment.CommentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The worked example against the 2007 report's own figures: its contact funnel, Tables 1 and 2
 * and the engagement comparison of section B, and the research record behind them.
 */
@DatabaseTest
class DemoDataWorkedExampleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    CommentService comments;

    @BeforeEach
    void loadTheWorkedExample() {
        assertThat(demo.load(DemoDataSet.WORKED_EXAMPLE).outcome()).isEqualTo(DemoData.Outcome.LOADED);
    }

    /** 74 contacted, 20 of them excluded with a reason, 54 on the database and 45 of those interviewed. */
    @Test
    void shouldReproduceTheReportsContactFunnel() throws Exception {
        mvc.perform(get("/api/reports/outreach")).andExpect(status().isOk()).andExpect(content().json("""
                {"contacted":74,"excluded":20,"excludedByReason":{"no-bme-work":8,"adults-only":5,\
                "direct-service-only":5,"other":2},"listed":9,"interviewed":45,"unreachable":0,"onDatabase":54,\
                "fullInterviews":44,"followUp":13}""", true));
    }

    @Test
    void shouldReproduceTable1() throws Exception {
        mvc.perform(get("/api/reports/by-category"))
                .andExpect(jsonPath("$.rows[*].category", contains("bme-infrastructure", "bme-network",
                        "general-infrastructure", "general-network", "access-point")))
                .andExpect(jsonPath("$.rows[*].onDatabase", contains(18, 6, 22, 6, 2)))
                .andExpect(jsonPath("$.rows[*].interviewed", contains(17, 2, 18, 6, 2)))
                .andExpect(jsonPath("$.total.onDatabase").value(54))
                .andExpect(jsonPath("$.total.interviewed").value(45));
    }

    @Test
    void shouldReproduceTable2WithNoneInRutland() throws Exception {
        mvc.perform(get("/api/reports/by-area"))
                .andExpect(jsonPath("$.rows[*].area", contains("Derby city", "Derbyshire", "Nottingham",
                        "Nottinghamshire", "Leicester", "Leicestershire", "Rutland", "Lincolnshire", "Northamptonshire",
                        "Regional", "National")))
                .andExpect(jsonPath("$.rows[*].onDatabase", contains(8, 2, 9, 8, 1, 8, 0, 8, 5, 4, 1)))
                .andExpect(jsonPath("$.total.onDatabase").value(54));
    }

    /**
     * Section B counts 16 BME infrastructure organisations where Table 1 has 17 interviewed: the
     * worked example's 17th interview stopped before section B and is not a full interview, and
     * the engagement report counts full interviews, so it gives the report's 25%, 31% and 56%.
     */
    @Test
    void shouldReproduceTheEngagementComparisonOfSectionB() throws Exception {
        mvc.perform(get("/api/reports/engagement"))
                .andExpect(jsonPath("$.rows[*].fullInterviews", contains(16, 2, 18, 6, 2)))
                .andExpect(jsonPath("$.rows[*].onCypBoard", contains(4, 0, 10, 3, 1)))
                .andExpect(jsonPath("$.rows[*].wellInformed", contains(5, 1, 10, 3, 1)))
                .andExpect(jsonPath("$.rows[0].onCypBoardPercent").value(25))
                .andExpect(jsonPath("$.rows[0].wellInformedPercent").value(31))
                .andExpect(jsonPath("$.rows[2].onCypBoardPercent").value(56))
                .andExpect(jsonPath("$.rows[2].wellInformedPercent").value(56));

        String bmeFullInterviews = "category=bme-infrastructure&status=interviewed&fullInterview=yes";
        assertThat(total(bmeFullInterviews)).isEqualTo(16);
        assertThat(total(bmeFullInterviews + "&cypBoard=yes")).isEqualTo(4);
        assertThat(total(bmeFullInterviews + "&wellInformed=yes")).isEqualTo(5);
        assertThat(total("category=bme-infrastructure&status=interviewed&fullInterview=no&cypBoard=no&wellInformed=no"))
                .isEqualTo(1);
    }

    @Test
    void shouldListTheIntervieweesByArea() throws Exception {
        String json = body("/api/reports/interviewees");
        assertThat(JsonPath.<List<String>>read(json, "$.areas[*].area")).containsExactly("Derby city", "Derbyshire",
                "Nottingham", "Nottinghamshire", "Leicester", "Leicestershire", "Lincolnshire", "Northamptonshire",
                "Regional");
        assertThat(JsonPath.<List<Integer>>read(json, "$.areas[*].organisations.length()"))
                .containsExactly(8, 2, 9, 6, 1, 6, 6, 3, 4);
        assertThat(JsonPath.<List<String>>read(json, "$.areas[*].organisations[*].name"))
                .hasSize(45).allMatch(name -> name.endsWith(" (example)"));
    }

    @Test
    void shouldRecordContactAttemptsInJuly2007ForEveryOrganisation() throws Exception {
        for (Map<String, Object> organisation : organisations()) {
            String history = body("/api/organisations/" + organisation.get("id") + "/attempts");
            List<String> dates = JsonPath.read(history, "$[*].attemptedOn");
            assertThat(dates).as(organisation.get("name").toString()).isNotEmpty()
                    .allMatch(date -> date.startsWith("2007-07-"));
            if ("interviewed".equals(organisation.get("status"))) {
                assertThat(JsonPath.<String>read(history, "$[0].outcome")).isEqualTo("interview-held");
                assertThat(dates.get(0)).isEqualTo(organisation.get("interviewDate"));
            }
        }
    }

    /** The nine listed but never interviewed: those with something arranged first, then the longest waiting. */
    @Test
    void shouldPutTheListedOrganisationsOnTheMorningList() throws Exception {
        Document page = Jsoup.parse(body("/outreach"));
        assertThat(page.select("tbody tr td:nth-child(4)").eachText()).containsExactly("Interview arranged",
                "Call back arranged", "Interview arranged", "Call back arranged", "Other", "Other", "Other",
                "No answer", "No answer");
        assertThat(page.select("tbody tr td:nth-child(2)").eachText()).allMatch(s -> s.startsWith("Listed"));
    }

    @Test
    void shouldRecordWhoWasFoundThroughWhom() throws Exception {
        mvc.perform(get("/api/referrals"))
                .andExpect(jsonPath("$.neverReferredCount").value(39))
                .andExpect(jsonPath("$.chains[?(@.name == 'Riverside BME Forum (example)')]"
                        + ".referred[*].referred[*].referred[*].name",
                        hasItem("Eastgate Supplementary School (example)")));
    }

    @Test
    void shouldRecordInterviewsAgainstTheQuestionnaire() throws Exception {
        List<String> interviews = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (Map<String, Object> organisation : organisations()) {
            String json = body("/api/organisations/" + organisation.get("id") + "/interviews");
            for (Map<String, Object> interview : JsonPath.<List<Map<String, Object>>>read(json, "$")) {
                assertThat(interview.get("heldOn")).isEqualTo(organisation.get("interviewDate"));
                assertThat(interview.get("intervieweeName")).isNull();
                interviews.add(organisation.get("name") + ": " + interview.get("cypBoard") + ", statutory work "
                        + interview.get("statutoryWork"));
            }
            questions.addAll(JsonPath.read(json, "$[*].answers[*].question"));
        }
        assertThat(interviews).hasSize(26).contains(
                "Soarbridge Ethnic Minority Partnership (example): through-board-member, statutory work false",
                "Trentbridge Black Partnership (example): directly, statutory work true",
                "Wreake Valley Racial Equality Council (example): no, statutory work true");
        assertThat(questions).hasSize(73)
                .contains("Is your organisation confidently engaged in the Every Child Matters agenda?");
    }

    @Test
    void shouldKeepAnswersAboutTheSectorAsAnonymousCommentsCodedIntoThemes() throws Exception {
        List<AnonymousComment> all = comments.all();
        assertThat(all).hasSize(54);
        // 26 interviews: five releases of five, and the last one's released by the demo itself, none left waiting.
        assertThat(comments.waiting().interviews()).isZero();
        assertThat(all.stream().filter(AnonymousComment::quote)).hasSize(7);
        List<String> names = organisations().stream().map(o -> o.get("name").toString().replace(" (example)", ""))
                .toList();
        assertThat(all).allSatisfy(c -> assertThat(names).noneMatch(name -> c.text().contains(name)));

        String themes = body("/api/themes");
        assertThat(JsonPath.<List<String>>read(themes, "$[*].name")).containsExactly("Funding", "Capacity",
                "Information flow", "Representation", "Commissioning", "Trust", "New communities", "Language",
                "Faith groups");
        assertThat(JsonPath.<List<Integer>>read(themes, "$[*].comments")).allMatch(count -> count > 0);
    }

    @Test
    void shouldLinkEveryRecommendationToTheThemesAndCommentsBehindIt() throws Exception {
        String json = body("/api/recommendations");
        assertThat(JsonPath.<List<Integer>>read(json, "$[*].recommendations[*].number")).hasSize(25);
        assertThat(JsonPath.<List<List<String>>>read(json, "$[*].recommendations[*].themes"))
                .allMatch(themes -> !themes.isEmpty());
        assertThat(JsonPath.<List<List<Object>>>read(json, "$[*].recommendations[*].comments"))
                .allMatch(comments -> !comments.isEmpty());
    }

    private List<Map<String, Object>> organisations() throws Exception {
        String json = body("/api/organisations?size=200");
        assertThat(JsonPath.<Integer>read(json, "$.total")).isEqualTo(74);
        return JsonPath.read(json, "$.items");
    }

    private int total(String query) throws Exception {
        return JsonPath.read(body("/api/organisations?" + query), "$.total");
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
