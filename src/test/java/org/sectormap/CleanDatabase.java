package org.sectormap;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Empties the tables before each test, children before parents. */
class CleanDatabase implements BeforeEachCallback {

    /** Every table the migrations create, in an order that respects foreign keys. */
    private static final List<String> TABLES = List.of("recommendation_note", "recommendation_comment",
            "recommendation_theme", "recommendation", "recommendation_group", "comment_theme", "anonymous_comment",
            "interview_answer", "interview", "contact_attempt", "organisation", "demo_load");

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }
}
