package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.NewComment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class DemoDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommentService comments;

    @Test
    void shouldLoadTheInterviewedOrganisationsOfAppendix1ByArea() throws Exception {
        mvc.perform(post("/demo").with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(organisations.count()).isEqualTo(48);
        mvc.perform(get("/api/reports/by-area"))
                .andExpect(jsonPath("$.rows[*].onDatabase", contains(7, 2, 8, 8, 1, 9, 0, 5, 5, 3, 0)));
        mvc.perform(get("/api/reports/outreach")).andExpect(jsonPath("$.interviewed").value(48));
        mvc.perform(get("/api/organisations").param("q", "Rosehill"))
                .andExpect(jsonPath("$.items[0].area").value("Derby city"));
    }

    @Test
    void shouldLoadTheReportsTwentyFiveRecommendationsUnderItsThreeHeadings() throws Exception {
        demo.load(DemoDataSet.APPENDIX_1);
        mvc.perform(get("/api/recommendations"))
                .andExpect(jsonPath("$[*].heading", contains("Supporting the Infrastructure Organisations",
                        "Spreading the ECM Message", "Commissioning")))
                .andExpect(jsonPath("$[0].recommendations.length()").value(8))
                .andExpect(jsonPath("$[1].recommendations[0].number").value(9))
                .andExpect(jsonPath("$[2].recommendations[9].number").value(25))
                .andExpect(jsonPath("$[2].recommendations[9].text").value(org.hamcrest.Matchers.startsWith(
                        "Open a debate on 5 year commissioned contracts")))
                .andExpect(jsonPath("$[0].recommendations[0].status").value("proposed"));
    }

    @Test
    void shouldRefuseAnEmptyOrUnknownSetRatherThanLoadTheDefault() throws Exception {
        for (String set : new String[] {"", "appendix-2"}) {
            mvc.perform(post("/demo").param("set", set).with(csrf())).andExpect(status().isBadRequest());
        }
        assertThat(organisations.count()).isZero();
    }

    @Test
    void shouldLoadOnlyIntoAnEmptyRegister() throws Exception {
        demo.run(new DefaultApplicationArguments("--demo"));
        demo.run(new DefaultApplicationArguments("--demo"));
        assertThat(organisations.count()).isEqualTo(48);
        mvc.perform(post("/demo").with(csrf())).andExpect(redirectedUrl("/"));
        assertThat(organisations.count()).isEqualTo(48);
    }

    /** Released with the demo's comments, which anyone can read in the source, a real one would stand out. */
    @Test
    void shouldNotLoadWhileARealInterviewsCommentsWaitInThePool() {
        comments.hold(List.of(new NewComment("A", "Barriers", "Said at an interview whose organisation was deleted.")), Map.of());

        assertThat(demo.load(DemoDataSet.WORKED_EXAMPLE).outcome()).isEqualTo(DemoData.Outcome.NOT_EMPTY);
        assertThat(organisations.count()).isZero();
        assertThat(comments.all()).isEmpty();
        assertThat(comments.waiting().interviews()).isEqualTo(1);
    }

    @Test
    void shouldLoadOnlyOnceInTheDatabasesLifeEvenIntoARegisterEmptiedSince() throws Exception {
        demo.load(DemoDataSet.APPENDIX_1);
        // Through the app, as a user would empty it: the tally it counts the register by follows.
        jdbc.query("SELECT id, version FROM organisation", (rs, row) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .forEach(record -> organisations.delete(record[0], (int) record[1]));

        assertThat(demo.load(DemoDataSet.APPENDIX_1).outcome()).isEqualTo(DemoData.Outcome.ALREADY_LOADED);
        mvc.perform(post("/demo").with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "demo.alreadyLoaded"));
        assertThat(organisations.count()).isZero();
    }

    @Test
    void shouldLoadTheWorkedExampleFromThePageOnlyIntoAnEmptyRegister() throws Exception {
        mvc.perform(post("/demo").param("set", "worked-example").with(csrf()))
                .andExpect(redirectedUrl("/organisations"))
                .andExpect(flash().attribute("notice", "demo.loaded.worked-example"));
        assertThat(organisations.count()).isEqualTo(74);

        mvc.perform(post("/demo").param("set", "worked-example").with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "demo.notEmpty"));
        assertThat(organisations.count()).isEqualTo(74);
    }

    @Test
    void shouldLoadTheWorkedExampleWhenStartedWithDemoWorkedExample() {
        demo.run(new DefaultApplicationArguments("--demo=worked-example"));
        assertThat(organisations.count()).isEqualTo(74);
    }

    @Test
    void shouldRefuseADemoDataSetItDoesNotHave() throws Exception {
        assertThatThrownBy(() -> demo.run(new DefaultApplicationArguments("--demo=appendix-2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--demo=worked-example");
        mvc.perform(post("/demo").param("set", "appendix-2").with(csrf())).andExpect(status().isBadRequest());
        assertThat(organisations.count()).isZero();
    }

    @Test
    void shouldNotLoadWithoutBeingAsked() {
        demo.run(new DefaultApplicationArguments());
        assertThat(organisations.count()).isZero();
    }

    /** Appendix 1 names the people interviewed; no shipped demo file may, the worked example's included. */
    @Test
    void shouldHoldNoNameOfAPersonInterviewed() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/**/*.csv");
        assertThat(files).hasSizeGreaterThan(7);
        StringBuilder demoCsv = new StringBuilder();
        for (Resource file : files) {
            demoCsv.append(file.getContentAsString(StandardCharsets.UTF_8));
        }
        Path reportFile = Path.of("../shared/seed/000_6be310d4604ff33d.txt");
        assumeTrue(Files.exists(reportFile), "Skipped: the 2007 report is not at " + reportFile.toAbsolutePath()
                + " (CI has it beside the checkout)");
        String report = Files.readString(reportFile);
        String appendix = report.substring(report.indexOf("Appendix 1"));
        Matcher line = Pattern.compile("(?m)^.*\\t([^\\t]+)$").matcher(appendix);
        int people = 0;
        while (line.find()) {
            String person = line.group(1).strip();
            if (!person.isEmpty() && !person.equals("Person Interviewed")) {
                people++;
                assertThat(demoCsv).as(person).doesNotContain(person);
            }
        }
        assertThat(people).isGreaterThan(40);
    }
}
