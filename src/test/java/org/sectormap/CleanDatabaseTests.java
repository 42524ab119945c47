package org.sectormap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.sectormap.comment.CommentService;
import org.sectormap.comment.ThemeService;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationQuery;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class CleanDatabaseTests {

    private static final List<String> SEEDED = List.of("questionnaire_section", "question", "theme");

    @Autowired
    ApplicationContext spring;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    CommentService comments;

    @Autowired
    ThemeService themes;

    @Autowired
    RecommendationService recommendations;

    /** Rows in each table of the current schema but Flyway's, by lower-case name. */
    private Map<String, Integer> rowsPerTable() {
        Map<String, Integer> rows = new TreeMap<>();
        jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA "
                + "AND table_type = 'BASE TABLE'", String.class).stream()
                .filter(t -> !t.equalsIgnoreCase("flyway_schema_history"))
                .forEach(t -> rows.put(t.toLowerCase(), jdbc.queryForObject("SELECT COUNT(*) FROM \"" + t + "\"",
                        Integer.class)));
        return rows;
    }

    private void fillEveryKindOfRecord() throws Exception {
        mvc.perform(post("/demo").with(csrf())).andExpect(status().is3xxRedirection());
        List<Organisation> all = organisations.search(OrganisationQuery.all().atPage(1, 2)).items();
        long first = all.get(0).id();
        long second = all.get(1).id();
        mvc.perform(put("/api/organisations/{id}/referred-by", second).contentType("application/json")
                .content("{\"referredBy\":" + first + "}")).andExpect(status().isOk());
        List<Long> questions = questionnaire.current().questions().stream().map(q -> q.id()).toList();
        mvc.perform(post("/api/organisations/{id}/interviews", first).contentType("application/json").content("""
                {"heldOn":"2007-07-20","mode":"telephone","cypBoard":"no","answers":[
                  {"questionId":%d,"text":"Rural groups are left out.","about":"sector"},
                  {"questionId":%d,"text":"We cover the county.","about":"organisation"}]}"""
                .formatted(questions.get(0), questions.get(1))))
                .andExpect(status().isCreated());
        String comment = comments.all().get(0).id();
        long theme = themes.all().get(0).id();
        themes.code(comment, Set.of(theme), true);
        long recommendation = recommendations.groups().get(0).items().get(0).id();
        recommendations.link(recommendation, Set.of(theme), Set.of(comment));
        assertThat(recommendations.changeStatus(recommendation, "agreed", "2007-08-01", "At the board")).isEmpty();
        mvc.perform(post("/api/organisations/{id}/attempts", first).contentType("application/json").content("""
                {"attemptedOn":"2007-07-19","method":"telephone","outcome":"no-answer"}"""))
                .andExpect(status().isCreated());
        jdbc.update("DELETE FROM theme WHERE name = 'Faith groups'");
        jdbc.update("INSERT INTO theme (position, name) VALUES (99, 'Added by a test')");
    }

    @Test
    void shouldEmptyEveryTableChildrenFirstEvenOnesAddedSince() throws Exception {
        Map<String, Integer> seeded = rowsPerTable();
        assertThat(seeded).containsKeys("organisation", "recommendation_note");
        SEEDED.forEach(table -> assertThat(seeded.get(table)).as(table).isPositive());

        jdbc.execute("CREATE TABLE clean_test_parent (id BIGINT PRIMARY KEY, "
                + "organisation_id BIGINT NOT NULL REFERENCES organisation (id))");
        jdbc.execute("CREATE TABLE clean_test_child (id BIGINT PRIMARY KEY, "
                + "parent_id BIGINT NOT NULL REFERENCES clean_test_parent (id))");
        try {
            fillEveryKindOfRecord();
            long organisation = organisations.search(OrganisationQuery.all().atPage(1, 1)).items().get(0).id();
            jdbc.update("INSERT INTO clean_test_parent VALUES (1, ?)", organisation);
            jdbc.update("INSERT INTO clean_test_child VALUES (1, 1)");
            Map<String, Integer> filled = rowsPerTable();
            assertThat(filled.entrySet()).filteredOn(e -> !SEEDED.contains(e.getKey()) && e.getValue() == 0)
                    .as("tables the test should have put rows in").isEmpty();

            CleanDatabase.Schema.read(spring).empty(jdbc);

            Map<String, Integer> cleaned = rowsPerTable();
            cleaned.keySet().removeAll(List.of("clean_test_parent", "clean_test_child"));
            assertThat(cleaned).isEqualTo(seeded);
            assertThat(rowsPerTable()).containsEntry("clean_test_parent", 0).containsEntry("clean_test_child", 0);
            assertThat(jdbc.queryForList("SELECT name FROM theme ORDER BY position", String.class))
                    .contains("Faith groups").doesNotContain("Added by a test");
        } finally {
            jdbc.execute("DROP TABLE clean_test_child");
            jdbc.execute("DROP TABLE clean_test_parent");
        }
    }
}
