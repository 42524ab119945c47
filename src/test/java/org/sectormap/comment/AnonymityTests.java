package org.sectormap.comment;

import org.sectormap.shared.Coded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sectormap.DatabaseTest;
import org.sectormap.interview.InterviewService;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Records an interview with a comment about the wider sector, then looks everywhere a link back
 * to the interview could hide: the comment's own columns and keys, every other table, the API,
 * the export and the log.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class AnonymityTests {

    private static final String ORGANISATION = "Wellingborough Black Consortium";
    private static final String SECTOR_COMMENT = "Statutory bodies pick and choose who they want, when they want.";
    private static final String INTERVIEWER = "Interviewer Unique-Name";
    private static final String ROLE = "Coordinator Unique-Role";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    InterviewService interviews;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectMapper json;

    @Test
    void shouldLeaveNoLinkFromAnAnonymousCommentBackToItsInterview(CapturedOutput output) throws Exception {
        long organisationId = organisations.create(OrganisationDetails.of(ORGANISATION, OutreachStatus.LISTED)
                .with(OrganisationField.AREA, "Northamptonshire"));
        long question = questionnaire.current().questions().get(3).id();
        mvc.perform(post("/organisations/{id}/interviews/new", organisationId).with(csrf())
                        .param("heldOn", "2007-07-17").param("mode", "telephone").param("cypBoard", "no")
                        .param("intervieweeRole", ROLE).param("interviewer", INTERVIEWER)
                        .param("answer-" + question, SECTOR_COMMENT).param("about-" + question, "sector"))
                .andExpect(redirectedUrl("/organisations/" + organisationId));
        long interviewId = interviews.ofOrganisation(organisationId).get(0).id();

        // The comment holds its theme, its text, the month and the quote flag: nothing else.
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM anonymous_comment");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = lowerCaseKeys(rows.get(0));
        assertThat(row.keySet()).containsExactlyInAnyOrder("id", "section_code", "section_title", "comment_text",
                "recorded_month", "quote");
        assertThat(row.get("comment_text")).isEqualTo(SECTOR_COMMENT);
        assertThat(row.get("recorded_month")).isEqualTo("2007-07");
        String commentId = (String) row.get("id");
        assertThat(commentId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        for (Object value : row.values()) {
            String text = String.valueOf(value);
            assertThat(text).isNotEqualTo(String.valueOf(organisationId)).isNotEqualTo(String.valueOf(interviewId))
                    .doesNotContain(ORGANISATION).doesNotContain(INTERVIEWER).doesNotContain(ROLE);
        }

        // No key joins it to anything, and no other table holds its key or its text.
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String table = meta.storesUpperCaseIdentifiers() ? "ANONYMOUS_COMMENT" : "anonymous_comment";
            try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
                assertThat(keys.next()).as("foreign keys from anonymous_comment").isFalse();
            }
            for (String[] column : textColumnsOutside(meta, table)) {
                Integer holding = jdbc.queryForObject("SELECT COUNT(*) FROM " + column[0] + " WHERE "
                        + column[1] + " = ? OR " + column[1] + " LIKE ?", Integer.class, commentId,
                        "%" + SECTOR_COMMENT + "%");
                assertThat(holding).as(column[0] + "." + column[1]).isZero();
            }
        }

        // The API gives the theme and the text, and nothing else.
        JsonNode listing = json.readTree(mvc.perform(get("/api/comments")).andReturn().getResponse()
                .getContentAsString());
        assertThat(listing).hasSize(1);
        List<String> fields = new ArrayList<>(listing.get(0).propertyNames());
        assertThat(fields).containsExactlyInAnyOrder("theme", "text");

        // The export carries the theme, the text and the coding, and no one's name.
        String export = mvc.perform(get("/comments.csv")).andReturn().getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow())
                .isEqualTo("\uFEFFQuestionnaire theme,Comment,Coded themes,Quote");
        assertThat(export).contains(SECTOR_COMMENT).doesNotContain(ORGANISATION).doesNotContain(INTERVIEWER)
                .doesNotContain(ROLE).doesNotContain(commentId).doesNotContain("2007");

        // Nor does the log say who said it.
        assertThat(output.getAll()).doesNotContain(SECTOR_COMMENT).doesNotContain(ORGANISATION)
                .doesNotContain(INTERVIEWER);
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }

    /** Every character column of every table of ours but the comments' own, as {table, column}. */
    private static List<String[]> textColumnsOutside(DatabaseMetaData meta, String commentTable) throws Exception {
        List<String[]> columns = new ArrayList<>();
        String schema = meta.storesUpperCaseIdentifiers() ? "PUBLIC" : "public";
        try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                int type = rs.getInt("DATA_TYPE");
                boolean text = type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR
                        || type == java.sql.Types.LONGVARCHAR || type == java.sql.Types.CLOB;
                if (text && !table.equalsIgnoreCase(commentTable)
                        && !table.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    columns.add(new String[] {table, rs.getString("COLUMN_NAME")});
                }
            }
        }
        assertThat(columns).as("text columns found to search").hasSizeGreaterThan(10);
        return columns;
    }
}
