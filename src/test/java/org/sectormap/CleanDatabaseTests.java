package org.sectormap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
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
            long organisation = EveryKindOfRecord.fill(mvc, spring).organisation();
            jdbc.update("DELETE FROM theme WHERE name = 'Faith groups'");
            jdbc.update("INSERT INTO theme (position, name) VALUES (99, 'Added by a test')");
            jdbc.update("INSERT INTO clean_test_parent VALUES (1, ?)", organisation);
            jdbc.update("INSERT INTO clean_test_child VALUES (1, 1)");
            // The one table no page fills without a link being followed.
            jdbc.update("INSERT INTO invitation (user_id, token_hash, expires_at) "
                    + "SELECT id, REPEAT('a', 64), CURRENT_TIMESTAMP FROM app_user");
            // H2's search index deletes its notes before each answer, and PostgreSQL never writes them.
            jdbc.update("INSERT INTO organisation_search_change (organisation_id) VALUES (?)", organisation);
            // PostgreSQL marks the list orders again only once a thousand changes have piled up (V159).
            if (seeded.containsKey("organisation_order_mark")) {
                jdbc.update("INSERT INTO organisation_order_mark (ordering, value, name_sort, organisation_id, position) "
                        + "SELECT 'name', '', name_sort, id, 0 FROM organisation WHERE id = ?", organisation);
            }
            // It lists its commonest words only where enough records hold them (V179).
            if (seeded.containsKey("common_word")) {
                jdbc.update("INSERT INTO common_word (word, records, shown_records) VALUES ('organisation', 1, 1)");
                jdbc.update("INSERT INTO common_word_mark (word, name_sort, organisation_id, position, shown_position) "
                        + "SELECT 'organisation', name_sort, id, 0, 0 FROM organisation WHERE id = ?", organisation);
                jdbc.update("INSERT INTO common_word_change (word, name_sort, organisation_id, organisations, contact_only) "
                        + "SELECT 'organisation', name_sort, id, 1, FALSE FROM organisation WHERE id = ?", organisation);
                jdbc.update("INSERT INTO common_word_group (word, grouped_by, value, records, shown_records) "
                        + "VALUES ('organisation', 'status', 'listed', 1, 1)");
                jdbc.update("INSERT INTO common_word_group_mark (word, grouped_by, value, organisation_id, position, "
                        + "shown_position) VALUES ('organisation', 'status', 'listed', ?, 0, 0)", organisation);
            }
            Map<String, Integer> filled = rowsPerTable();
            // The sessions the requests above opened, kept in the database by Spring Session.
            assertThat(filled).containsKeys("spring_session", "spring_session_attributes");
            assertThat(filled.entrySet()).filteredOn(e -> !SEEDED.contains(e.getKey()) && e.getValue() == 0)
                    .as("tables the test should have put rows in").isEmpty();

            CleanDatabase.empty(spring, CleanDatabase.Schema.read(spring));

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
