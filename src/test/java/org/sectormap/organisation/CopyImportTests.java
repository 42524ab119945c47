package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.shared.Databases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On PostgreSQL an import's organisations and their audit entries go by COPY; the same file stored
 * through INSERT statements, as on H2, must leave exactly the same register: the rows, the audit
 * trail, the tallies, what a search finds, and what undoing the import takes away. (On H2 both runs
 * take the one path, which still checks the comparison itself.)
 */
@DatabaseTest
class CopyImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    OrganisationService organisations;

    @Autowired
    Areas areas;

    /** Every column, with text COPY must escape (tab, backslash, its null marker, a line end) and wide characters. */
    private String file() {
        List<String> fields = Arrays.stream(OrganisationField.values()).map(OrganisationField::column).toList();
        String area = areas.areas().get(0);
        List<Map<String, String>> rows = List.of(
                Map.of("name", "Société Derby \\N REC", "area", area, "status", "interviewed",
                        "interview_date", "2007-07-12", "interview_mode", "visit", "full_interview", "yes",
                        "cyp_board", "yes",
                        "description", "\"Back\\slash\ttab and\nsecond line \\. end\"",
                        "email", "info@derby-rec.org.uk", "publish", "yes"),
                Map.of("name", "Leicester CVS", "category", "general-infrastructure", "status", "excluded",
                        "exclusion_reason", "other: works with adults only", "phone", "0116 496 0000",
                        "website", "https://leicestercvs.example.org", "postcode", "le1 1aa",
                        "contact_name", "Ann Ö'Neill", "contact_role", "Chair \uD83D\uDE00"),
                Map.of("name", "Bosnia UK", "category", "bme-network", "area", area, "status", "listed",
                        "coverage", "City and county", "address", "1 High Street\\, Derby"));
        StringBuilder csv = new StringBuilder(String.join(",", fields)).append('\n');
        for (Map<String, String> row : rows) {
            csv.append(String.join(",", fields.stream().map(f -> quoted(row.getOrDefault(f, ""))).toList()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        return value.startsWith("\"") || !value.contains(",") ? value : "\"" + value + "\"";
    }

    /** What the import left: the register, its trail and tallies with ids as their place among the run's records. */
    private record Register(List<Map<String, Object>> rows, List<String> trail, List<Map<String, Object>> tally,
            Map<String, List<String>> found) {
    }

    private Register importAndRead(boolean copying) throws Exception {
        Object organisationRows = AopTestUtils.getTargetObject(spring.getBean("organisationRepository"));
        Object auditRows = AopTestUtils.getTargetObject(spring.getBean("auditRepository"));
        long mark = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_entry", Long.class);
        boolean was = (boolean) ReflectionTestUtils.getField(organisationRows, "copying");
        assertThat(was).as("COPY on PostgreSQL only").isEqualTo(!Databases.isH2(spring.getBean(DataSource.class)));
        ReflectionTestUtils.setField(organisationRows, "copying", copying && was);
        ReflectionTestUtils.setField(auditRows, "copying", copying && was);
        assertThat(ReflectionTestUtils.getField(organisationRows, "copying")).isEqualTo(copying && was);
        try {
            mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv")
                    .content(file().getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
        } finally {
            ReflectionTestUtils.setField(organisationRows, "copying", was);
            ReflectionTestUtils.setField(auditRows, "copying", was);
        }
        long importId = jdbc.queryForObject("SELECT MAX(id) FROM import_record", Long.class);
        List<Long> ids = jdbc.queryForList("SELECT id FROM organisation WHERE import_id = ? ORDER BY id", Long.class,
                importId);
        Map<String, String> place = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            place.put(String.valueOf(ids.get(i)), "#" + i);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM organisation ORDER BY id");
        rows.forEach(row -> {
            assertThat(row.remove(row.containsKey("id") ? "id" : "ID")).isNotNull();
            assertThat(row.remove(row.containsKey("import_id") ? "import_id" : "IMPORT_ID")).isEqualTo(importId);
            assertThat(row.remove(row.containsKey("modified_at") ? "modified_at" : "MODIFIED_AT")).isNotNull();
        });
        List<String> trail = jdbc.query("SELECT actor, action, record_kind, record_id, record_page FROM audit_entry "
                + "WHERE id > ? ORDER BY id", (rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                        place.get(rs.getString(4)), rs.getString(5).replace(rs.getString(4), place.get(rs.getString(4)))), mark);
        List<Map<String, Object>> tally = jdbc.queryForList("SELECT category, area, status, exclusion_reason, "
                + "full_interview, follow_up, cyp_board, well_informed, SUM(organisations) AS organisations "
                + "FROM organisation_tally GROUP BY category, area, status, exclusion_reason, full_interview, follow_up, "
                + "cyp_board, well_informed HAVING SUM(organisations) <> 0 ORDER BY status, category, area, "
                + "exclusion_reason, full_interview");
        Map<String, List<String>> found = new HashMap<>();
        for (String words : List.of("societe", "slash", "second line", "adults", "Ö'Neill", "high street", "\\N")) {
            found.put(words, organisations.search(new OrganisationQuery(words, null, false, null, null, null,
                    null, null, null, OrganisationQuery.Sort.NAME, false, 1, 10)).items().stream()
                    .map(o -> o.details().name()).sorted().toList());
        }
        mvc.perform(post("/imports/{id}/undo", importId).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM organisation_tally", Long.class))
                .isZero();
        List<String> undone = jdbc.queryForList("SELECT action FROM audit_entry WHERE id > ? ORDER BY id",
                String.class, mark);
        List<String> trailAfterUndo = new ArrayList<>(trail);
        trailAfterUndo.replaceAll(entry -> entry.split("\\|")[1]);
        assertThat(undone.subList(0, trail.size())).isEqualTo(trailAfterUndo);
        assertThat(undone.subList(trail.size(), undone.size())).containsOnly("DELETED").hasSize(ids.size());
        return new Register(rows, trail, tally, found);
    }

    @Test
    void shouldStoreByCopyExactlyWhatInsertStatementsStore() throws Exception {
        Register copied = importAndRead(true);
        Register inserted = importAndRead(false);

        assertThat(copied.rows()).hasSize(3).isEqualTo(inserted.rows());
        assertThat(copied.trail()).hasSize(3).isEqualTo(inserted.trail());
        assertThat(copied.tally()).hasSize(3).isEqualTo(inserted.tally());
        assertThat(copied.found()).isEqualTo(inserted.found());
        assertThat(copied.found().get("second line")).containsExactly("Société Derby \\N REC");
        assertThat(copied.found().get("\\N")).containsExactly("Société Derby \\N REC");
        assertThat(copied.rows().get(0).values()).anyMatch(v -> String.valueOf(v).contains("slash\ttab and\nsecond"));
    }
}
