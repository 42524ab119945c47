package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.BackupRoundTrip;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tally behind the summary reports and the list's counts always says what a GROUP BY over the
 * organisations says, whatever mix of changes reached the register and by whichever way.
 */
@DatabaseTest
class OrganisationTallyTests {

    private static final String COUNTED = "SELECT " + OrganisationTally.GROUP
            + ", SUM(organisations) AS n FROM organisation_tally GROUP BY " + OrganisationTally.GROUP
            + " HAVING SUM(organisations) <> 0";
    private static final String GROUPED = "SELECT " + OrganisationTally.GROUP + ", COUNT(*) AS n FROM organisation "
            + "GROUP BY " + OrganisationTally.GROUP;
    private static final String COUNTED_BY_BLOCK = "SELECT block, dated, " + OrganisationTally.LISTED
            + ", SUM(organisations) AS n FROM organisation_block_tally GROUP BY block, dated, " + OrganisationTally.LISTED
            + " HAVING SUM(organisations) <> 0";
    private static final String GROUPED_BY_BLOCK = "SELECT id / " + OrganisationTally.BLOCK + " AS block, "
            + "interview_date IS NOT NULL AS dated, " + OrganisationTally.LISTED + ", COUNT(*) AS n FROM organisation"
            + " GROUP BY id / " + OrganisationTally.BLOCK + ", interview_date IS NOT NULL, " + OrganisationTally.LISTED;
    private static final String COUNTED_BY_DATE = "SELECT interview_date, " + OrganisationTally.LISTED
            + ", SUM(organisations) AS n FROM organisation_date_tally GROUP BY interview_date, " + OrganisationTally.LISTED
            + " HAVING SUM(organisations) <> 0";
    private static final String GROUPED_BY_DATE = "SELECT interview_date, " + OrganisationTally.LISTED
            + ", COUNT(*) AS n FROM organisation WHERE interview_date IS NOT NULL GROUP BY interview_date, "
            + OrganisationTally.LISTED;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    OrganisationTally tally;

    @Autowired
    QueryParameters parameters;

    @Autowired
    Areas areas;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext spring;

    private final Random random = new Random(90);

    @Test
    void shouldEqualAGroupByOverTheOrganisationsAfterAnyMixOfChanges() throws Exception {
        // The records reach from one block of ids into the next.
        Ids.nextAt(jdbc, 3 * OrganisationTally.BLOCK - 40);
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 80; step++) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM organisation ORDER BY id", Long.class);
            int roll = ids.size() < 2 ? random.nextInt(2) : random.nextInt(10);
            String change = switch (roll) {
                case 0 -> create();
                case 1 -> createMany();
                case 2, 3 -> edit(pick(ids));
                case 4 -> delete(pick(ids));
                case 5 -> importAndUndo();
                case 6 -> merge(ids);
                case 7 -> fold();
                case 8 -> publish();
                default -> restore();
            };
            done.add(change);
            assertThat(rows(COUNTED)).as("after %s", done).isEqualTo(rows(GROUPED));
            assertThat(rows(COUNTED_BY_BLOCK)).as("by block after %s", done).isEqualTo(rows(GROUPED_BY_BLOCK));
            assertThat(rows(COUNTED_BY_DATE)).as("by date after %s", done).isEqualTo(rows(GROUPED_BY_DATE));
        }
        assertThat(done).contains("create", "import", "edit", "delete", "import and undo", "merge", "fold",
                "publish", "restore");
        assertThat(jdbc.queryForList("SELECT DISTINCT block FROM organisation_block_tally", Long.class)).hasSizeGreaterThan(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT interview_date FROM organisation_date_tally", LocalDate.class))
                .hasSizeGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isPositive();
    }

    @Test
    void shouldAddAnImportsCountsOnceForEachGroupWhenItCommits() {
        List<OrganisationDetails> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(OrganisationDetails.of("Tally Heron " + i, i % 2 == 0 ? OutreachStatus.LISTED
                    : OutreachStatus.UNREACHABLE).with(OrganisationField.INTERVIEW_DATE,
                    i % 4 == 1 ? LocalDate.of(2007, 7, 2) : null));
        }
        // Across two blocks of ids.
        Ids.nextAt(jdbc, 5 * OrganisationTally.BLOCK - 1_000);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_tally", Long.class);
        long blocksBefore = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_block_tally", Long.class);
        long datesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM organisation_date_tally", Long.class);
        organisations.createAll(many, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_tally", Long.class) - before)
                .as("one row for each of the two groups, not one for each group of each batch").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_block_tally", Long.class) - blocksBefore)
                .as("in each of two blocks, the listed, and the unreachable with and without a date").isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_date_tally", Long.class) - datesBefore)
                .as("the unreachable on the one date").isEqualTo(1);
        assertThat(rows(COUNTED_BY_BLOCK)).isEqualTo(rows(GROUPED_BY_BLOCK));
        assertThat(rows(COUNTED_BY_DATE)).isEqualTo(rows(GROUPED_BY_DATE));
        assertThat(rows(COUNTED)).isEqualTo(rows(GROUPED));
    }

    @Test
    void shouldCountTheListWithoutFreeTextFromTheTallyAsTheTableWould() {
        for (int i = 0; i < 60; i++) {
            create();
        }
        organisations.update(jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class), 0,
                details("Changed", OutreachStatus.INTERVIEWED));
        for (String filter : List.of("", "status=interviewed", "category=unclassified&status=listed",
                "area=Derby city&fullInterview=yes", "cypBoard=no&wellInformed=yes&followUp=no",
                "category=bme-infrastructure&status=excluded")) {
            Map<String, String> params = new LinkedHashMap<>();
            if (!filter.isEmpty()) {
                Arrays.stream(filter.split("&")).map(p -> p.split("=")).forEach(p -> params.put(p[0], p[1]));
            }
            long byTable = jdbc.queryForObject("SELECT COUNT(*) FROM organisation" + where(params), Long.class);
            assertThat(organisations.search(parameters.read(params)).total()).as(filter).isEqualTo(byTable);
        }
    }

    private static String where(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return " WHERE " + params.entrySet().stream().map(p -> switch (p.getKey()) {
            case "category" -> p.getValue().equals("unclassified") ? "category IS NULL"
                    : "category = '" + p.getValue() + "'";
            case "fullInterview" -> "full_interview = " + p.getValue().equals("yes");
            case "cypBoard" -> "cyp_board = " + p.getValue().equals("yes");
            case "wellInformed" -> "well_informed = " + p.getValue().equals("yes");
            case "followUp" -> "follow_up = " + p.getValue().equals("yes");
            default -> p.getKey() + " = '" + p.getValue() + "'";
        }).collect(Collectors.joining(" AND "));
    }

    private List<String> rows(String sql) {
        return jdbc.queryForList(sql).stream().map(row -> row.entrySet().stream()
                .map(e -> e.getKey().toLowerCase() + "=" + (e.getValue() instanceof Number n ? n.longValue() : e.getValue()))
                .collect(Collectors.joining(", "))).sorted().toList();
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** Publishes, or stops publishing, everyone of one status, as the publish page does for a search. */
    private String publish() {
        organisations.setPublished(parameters.read(Map.of("status", anyStatus().code())), random.nextBoolean());
        return "publish";
    }

    private String create() {
        organisations.create(details("Created " + random.nextInt(1_000_000), anyStatus()));
        return "create";
    }

    private String createMany() {
        List<OrganisationDetails> all = new ArrayList<>();
        for (int i = random.nextInt(40); i >= 0; i--) {
            all.add(details("Imported " + random.nextInt(1_000_000), anyStatus()));
        }
        organisations.createAll(all, null);
        return "import";
    }

    private String edit(long id) {
        organisations.update(id, organisations.get(id).version(), details("Edited " + id, anyStatus()));
        return "edit";
    }

    private String delete(long id) {
        organisations.delete(id, organisations.get(id).version());
        return "delete";
    }

    private String importAndUndo() throws Exception {
        StringBuilder csv = new StringBuilder("name,status,category,area,full_interview,cyp_board\n");
        for (int i = 0; i < 12; i++) {
            boolean interviewed = random.nextBoolean();
            csv.append("Undone ").append(random.nextInt(1_000_000)).append(',')
                    .append(interviewed ? "interviewed" : "listed").append(',')
                    .append(random.nextBoolean() ? "bme-network" : "").append(',')
                    .append(areas.areas().get(random.nextInt(areas.areas().size()))).append(',')
                    .append(interviewed ? random.nextBoolean() ? "yes" : "no" : "").append(',')
                    .append(interviewed && random.nextBoolean() ? "yes" : "").append('\n');
        }
        mvc.perform(ApiCalls.post("/api/import/organisations").contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk());
        assertThat(rows(COUNTED)).isEqualTo(rows(GROUPED));
        long imported = jdbc.queryForObject("SELECT MAX(id) FROM import_record", Long.class);
        mvc.perform(post("/imports/{id}/undo", imported).with(csrf())).andExpect(redirectedUrl("/imports"));
        return "import and undo";
    }

    private String merge(List<Long> ids) throws Exception {
        long kept = ids.get(0);
        long other = ids.get(ids.size() - 1);
        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", String.valueOf(kept))
                        .param("other", String.valueOf(other))
                        .param("keepVersion", String.valueOf(organisations.get(kept).version()))
                        .param("otherVersion", String.valueOf(organisations.get(other).version()))
                        .param("outreach", "other").param("category", "other").param("area", "other"))
                .andExpect(status().is3xxRedirection());
        assertThat(organisations.find(other)).isEmpty();
        return "merge";
    }

    private String fold() {
        tally.fold();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_tally", Long.class))
                .isEqualTo(rows(GROUPED).size());
        return "fold";
    }

    private String restore() throws Exception {
        BackupRoundTrip.restore(mvc, spring);
        return "restore";
    }

    private OutreachStatus anyStatus() {
        return OutreachStatus.values()[random.nextInt(OutreachStatus.values().length)];
    }

    /** Every counted field at random, an area no longer configured and nothing recorded among them. */
    private OrganisationDetails details(String name, OutreachStatus status) {
        List<String> areaChoices = new ArrayList<>(areas.areas());
        areaChoices.add("An area no longer listed");
        areaChoices.add(null);
        Category[] categories = Category.values();
        return OrganisationDetails.of(name, status)
                .with(OrganisationField.CATEGORY, random.nextInt(5) == 0 ? null : categories[random.nextInt(3)])
                .with(OrganisationField.AREA, areaChoices.get(random.nextInt(4) == 0 ? areaChoices.size()
                        - 1 - random.nextInt(2) : random.nextInt(3)))
                .with(OrganisationField.EXCLUSION_REASON, status == OutreachStatus.EXCLUDED
                        ? ExclusionReason.values()[random.nextInt(ExclusionReason.values().length)] : null)
                .with(OrganisationField.INTERVIEW_DATE, random.nextInt(3) == 0 ? null
                        : LocalDate.of(2007, 7, 1 + random.nextInt(3)))
                .with(OrganisationField.FULL_INTERVIEW, tick())
                .with(OrganisationField.FOLLOW_UP, tick())
                .with(OrganisationField.CYP_BOARD, tick())
                .with(OrganisationField.WELL_INFORMED, tick())
                .with(OrganisationField.PUBLISH, random.nextBoolean());
    }

    private Boolean tick() {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> true;
            default -> false;
        };
    }
}
