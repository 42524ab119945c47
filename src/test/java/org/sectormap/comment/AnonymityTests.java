package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.DatabaseTest;
import org.sectormap.interview.InterviewService;
import org.sectormap.interview.Questionnaire;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Records an interview with a comment about the wider sector, then looks everywhere a link back
 * to the interview could hide: the comment's own columns and keys, every other table, the API,
 * the export and the log; then plays the colleague who reads the comments before and after an
 * interview is recorded, and the administrator who reads the database. The shuffle that orders a
 * release is seeded here, so the order it must give can be worked out and checked.
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

    @Autowired
    CommentService comments;

    @Autowired
    CommentPoolCipher cipher;

    @Autowired
    AnonymitySettings settings;

    @Autowired
    @Qualifier(CommentShuffle.BEAN)
    Random shuffle;

    private static final long SEED = 20070717L;
    private static final Pattern TAG = Pattern.compile("^Interview (\\d+) ");
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @TestConfiguration
    static class SeededShuffle {

        @Bean
        @Primary
        @Qualifier(CommentShuffle.BEAN)
        Random seededShuffle() {
            return new Random(SEED);
        }
    }

    @BeforeEach
    void seed() {
        shuffle.setSeed(SEED);
    }

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
        // Enough other interviews, saying nothing about the sector, to release it.
        for (int i = 1; i < settings.releaseAfter(); i++) {
            recordInterview(i, List.of());
        }

        // The comment holds its theme, its text and the quote flag: nothing else, not even a month.
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM anonymous_comment");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = lowerCaseKeys(rows.get(0));
        assertThat(row.keySet()).containsExactlyInAnyOrder("id", "section_code", "section_title", "comment_text",
                "quote");
        assertThat(row.get("comment_text")).isEqualTo(SECTOR_COMMENT);
        String commentId = (String) row.get("id");
        assertThat(commentId).matches(UUID_V4);
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

    @Test
    void shouldShowAColleagueComparingBeforeAndAfterNothingUntilAtLeastKInterviewsAreMixedTogether() throws Exception {
        int k = settings.releaseAfter();
        int questions = questionnaire.current().questions().size();
        List<String> entered = new ArrayList<>();
        Set<String> poolKeys = new HashSet<>();
        for (int n = 1; n <= k; n++) {
            List<String> apiBefore = apiTexts();
            List<String> pageBefore = pageTexts();
            String exportBefore = export();
            List<String> said = new ArrayList<>();
            for (int q = 1; q <= questions; q++) {
                said.add("Interview " + n + " says thing " + q + " about the sector.");
            }
            recordInterview(n, said);
            entered.addAll(said);

            if (n < k) {
                // Held in the pool: the colleague reading again sees exactly what was there before.
                assertThat(apiTexts()).as("API after interview %d", n).isEqualTo(apiBefore);
                assertThat(pageTexts()).as("page after interview %d", n).isEqualTo(pageBefore);
                assertThat(export()).as("export after interview %d", n).isEqualTo(exportBefore);
                assertThat(comments.waiting().interviews()).isEqualTo(n);
                poolKeys.addAll(jdbc.queryForList("SELECT id FROM comment_pool", String.class));
            } else {
                // Released: what is new is every comment of k interviews at once, not one interview's.
                List<String> appeared = new ArrayList<>(apiTexts());
                appeared.removeAll(apiBefore);
                assertThat(appeared).containsExactlyInAnyOrderElementsOf(entered);
                assertThat(appeared.stream().map(AnonymityTests::interviewOf).distinct()).hasSize(k);
                assertThat(pageTexts()).containsExactlyInAnyOrderElementsOf(entered);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment_pool", Integer.class)).isZero();
        assertThat(comments.waiting().interviews()).isZero();

        // New rows with fresh random keys, none of them a key the pool's rows had.
        List<String> ids = jdbc.queryForList("SELECT id FROM anonymous_comment", String.class);
        assertThat(ids).hasSize(entered.size()).allMatch(id -> id.matches(UUID_V4))
                .doesNotContainAnyElementsOf(poolKeys);

        // Stored in the order the injected randomness shuffled them into, which is not the order of entry.
        // H2 keeps rows in the order they were written; PostgreSQL may put a row wherever a page has room,
        // so there only "not the order of entry" holds.
        List<String> stored = inStorageOrder();
        assertThat(stored).hasSize(k * questions).isNotEqualTo(entered);
        if (onPostgresql()) {
            return;
        }
        Map<String, AnonymousComment> byText = new HashMap<>();
        comments.all().forEach(c -> byText.put(c.text(), c));
        List<NewComment> expected = new ArrayList<>(entered.stream().map(byText::get)
                .map(c -> new NewComment(c.sectionCode(), c.sectionTitle(), c.text())).toList());
        expected.sort(Comparator.comparing(NewComment::sectionCode).thenComparing(NewComment::sectionTitle)
                .thenComparing(NewComment::text));
        Collections.shuffle(expected, new Random(SEED));
        assertThat(stored).isEqualTo(expected.stream().map(NewComment::text).toList());
    }

    @Test
    void shouldKeepThePoolUnreadableToWhoeverHoldsOnlyTheDatabase(@TempDir Path elsewhere) throws Exception {
        recordInterview(1, List.of(SECTOR_COMMENT));
        recordInterview(2, List.of());
        List<String> longest = new ArrayList<>();
        for (int q = 0; q < questionnaire.current().questions().size(); q++) {
            longest.add((q + " The longest answer the form takes.".repeat(300)).substring(0, 9_999) + ".");
        }
        recordInterview(3, longest);

        // One row per interview, with or without comments: a random key and a sealed blob, nothing else.
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM comment_pool");
        assertThat(rows).hasSize(3);
        Set<Integer> lengths = new HashSet<>();
        List<byte[]> sealed = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> lower = lowerCaseKeys(row);
            assertThat(lower.keySet()).containsExactlyInAnyOrder("id", "sealed");
            assertThat((String) lower.get("id")).matches(UUID_V4);
            byte[] bytes = (byte[]) lower.get("sealed");
            sealed.add(bytes);
            lengths.add(bytes.length);
            for (String plain : List.of(SECTOR_COMMENT, "Barriers facing", "The longest answer", "Interview")) {
                assertThat(contains(bytes, plain.getBytes(StandardCharsets.UTF_8))).as(plain).isFalse();
                assertThat(contains(bytes, plain.getBytes(StandardCharsets.UTF_16BE))).as(plain).isFalse();
            }
        }
        // No comments, one short one, or every answer at its limit: the same length.
        assertThat(lengths).containsExactly(12 + CommentPoolCipher.SMALLEST_BUCKET + 16);

        // Opened with the key outside the database the rows are the comments; with any other key they do not open.
        assertThat(sealed.stream().flatMap(b -> cipher.open(b).stream()).map(NewComment::text))
                .contains(SECTOR_COMMENT).containsAll(longest).hasSize(1 + longest.size());
        CommentPoolCipher anotherKey = new CommentPoolCipher(new CommentPoolKey(new AnonymitySettings(5, null),
                elsewhere));
        assertThat(sealed).allSatisfy(b -> assertThatThrownBy(() -> anotherKey.open(b))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sectormap.anonymity.pool-key"));
    }

    @Test
    void shouldTellAResearcherHowManyInterviewsAreWaitingButNotWhatTheySaid() throws Exception {
        int k = settings.releaseAfter();
        Document empty = page("/comments");
        assertThat(empty.select("#waiting").text()).startsWith("No comments are waiting.")
                .contains("until " + k + " interviews have added to them");
        recordInterview(1, List.of(SECTOR_COMMENT));
        recordInterview(2, List.of());
        recordInterview(3, List.of("Interview 3 says something else."));

        Document page = Jsoup.parse(mvc.perform(get("/comments").with(user("r@test.example").roles("RESEARCHER")))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#waiting").text()).startsWith("Comments from 3 interviews are waiting; they are "
                + "released when " + k + " interviews have added to them, after " + (k - 3) + " more interviews.");
        assertThat(page.text()).doesNotContain(SECTOR_COMMENT).doesNotContain("something else");
        mvc.perform(get("/api/comments/waiting")).andExpect(jsonPath("$.interviews").value(3))
                .andExpect(jsonPath("$.releaseAfter").value(k));
        mvc.perform(get("/api/comments/waiting").with(user("v@test.example").roles("VIEWER")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldGiveEveryCommentOfAReleaseItsSectionsTitleAsItStandsNotAsItWasWordedAtItsInterview() throws Exception {
        int k = settings.releaseAfter();
        Questionnaire.Section first = questionnaire.current().sections().get(0);
        // The section renamed before each interview, as the questionnaire's History would show.
        for (int i = 1; i <= k; i++) {
            mvc.perform(post("/questionnaire/sections/{id}/edit", first.id()).with(csrf())
                    .param("text", first.title() + " (wording " + i + ")")).andExpect(status().is3xxRedirection());
            recordInterview(i, List.of("Interview " + i + " thinks funding is short."));
        }

        assertThat(jdbc.queryForList("SELECT DISTINCT section_title FROM anonymous_comment WHERE section_code = ?",
                String.class, first.code())).containsExactly(first.title() + " (wording " + k + ")");
        assertThat(apiTexts()).hasSize(k);
    }

    /** Records an interview at an organisation of its own, its sector comments answering the questions in turn. */
    private void recordInterview(int number, List<String> aboutTheSector) {
        long organisation = organisations.create(OrganisationDetails.of("Batch member " + number,
                OutreachStatus.LISTED));
        List<Questionnaire.Question> questions = questionnaire.current().questions();
        Map<String, String> typed = new HashMap<>(Map.of("heldOn", "2007-07-17", "mode", "visit", "cypBoard", "no"));
        for (int i = 0; i < aboutTheSector.size(); i++) {
            typed.put("answer-" + questions.get(i).id(), aboutTheSector.get(i));
            typed.put("about-" + questions.get(i).id(), "sector");
        }
        interviews.record(organisation, typed);
    }

    private List<String> apiTexts() throws Exception {
        JsonNode listing = json.readTree(mvc.perform(get("/api/comments")).andReturn().getResponse()
                .getContentAsString());
        List<String> texts = new ArrayList<>();
        listing.forEach(c -> texts.add(c.get("text").asString()));
        return texts;
    }

    private List<String> pageTexts() throws Exception {
        return page("/comments").select("blockquote").eachText();
    }

    private String export() throws Exception {
        return mvc.perform(get("/comments.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
    }

    /** The order rows lie in storage, which a plain SELECT or a copy of the file shows: H2's row id, PostgreSQL's ctid. */
    private List<String> inStorageOrder() throws Exception {
        return jdbc.queryForList("SELECT comment_text FROM anonymous_comment ORDER BY "
                + (onPostgresql() ? "ctid" : "_ROWID_"), String.class);
    }

    private boolean onPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        }
    }

    private static String interviewOf(String text) {
        Matcher tag = TAG.matcher(text);
        assertThat(tag.find()).as(text).isTrue();
        return tag.group(1);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
