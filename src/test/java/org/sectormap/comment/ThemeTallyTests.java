package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.sectormap.BackupRoundTrip;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The themes report's counts always say what counting the coded comments says, however they were coded. */
@DatabaseTest
class ThemeTallyTests {

    private static final String COUNTED = "SELECT theme_id, section_code, SUM(comments) AS n FROM comment_theme_tally "
            + "GROUP BY theme_id, section_code HAVING SUM(comments) <> 0";
    private static final String GROUPED = "SELECT ct.theme_id, c.section_code, COUNT(*) AS n FROM comment_theme ct "
            + "JOIN anonymous_comment c ON c.id = ct.comment_id GROUP BY ct.theme_id, c.section_code";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommentService comments;

    @Autowired
    ThemeService themes;

    @Autowired
    ThemeRepository repository;

    @Autowired
    CommentRepository commentRepository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext spring;

    private final Random random = new Random(93);

    @Test
    void shouldEqualTheCodedCommentsCountedAfterCodingAgainDeletingAThemeFoldingAndARestore() throws Exception {
        List<NewComment> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String section = String.valueOf((char) ('A' + random.nextInt(4)));
            held.add(new NewComment(section, "Section " + section, "Comment " + i));
        }
        comments.hold(held, Map.of());
        comments.releaseNow(Map.of());
        List<String> ids = comments.all().stream().map(AnonymousComment::id).toList();
        for (int step = 0; step < 120; step++) {
            List<Long> all = themes.all().stream().map(Theme::id).toList();
            Set<Long> chosen = new HashSet<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                chosen.add(all.get(random.nextInt(all.size())));
            }
            themes.code(ids.get(random.nextInt(ids.size())), chosen, false);
            if (step == 40) {
                repository.foldTally();
            }
            if (step == 60) {
                themes.delete(all.get(0));
            }
            if (step == 80) {
                restore();
            }
            assertThat(rows(COUNTED)).as("step %d", step).isEqualTo(rows(GROUPED));
        }
        assertThat(themes.summary().rows().stream().mapToLong(ThemeService.Summary.Row::total).sum())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM comment_theme", Long.class)).isPositive();
    }

    @Test
    void shouldCountEveryCommentBySectionAfterReleasesAFoldAndARestore() throws Exception {
        String counted = "SELECT 0, section_code, SUM(comments) FROM comment_tally GROUP BY section_code";
        String grouped = "SELECT 0, section_code, COUNT(*) FROM anonymous_comment GROUP BY section_code";
        for (int release = 0; release < 4; release++) {
            List<NewComment> held = new ArrayList<>();
            for (int i = random.nextInt(12); i >= 0; i--) {
                String section = String.valueOf((char) ('A' + random.nextInt(4)));
                held.add(new NewComment(section, "Section " + section, "Comment " + release + "." + i));
            }
            comments.hold(held, Map.of());
            comments.releaseNow(Map.of());
            if (release == 1) {
                commentRepository.foldTally();
            }
            if (release == 2) {
                restore();
            }
            assertThat(rows(counted)).as("release %d", release).isEqualTo(rows(grouped)).isNotEmpty();
        }
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM anonymous_comment", Long.class);
        assertThat(themes.page(1).total()).isEqualTo(all);
        assertThat(Jsoup.parse(mvc.perform(get("/comments")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).select("main").text()).contains(String.valueOf(all));
    }

    private List<String> rows(String sql) {
        return jdbc.query(sql, (rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3)).stream()
                .sorted().toList();
    }

    private void restore() throws Exception {
        BackupRoundTrip.restore(mvc, spring);
    }
}
