package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page of Appendix 1 is read in name order from V91's index, forwards or (for a page nearer the end of
 * an area) backwards, for an area named and for the
 * interviewees whose area was never recorded alike: a register without areas puts every one of them in
 * that last group, which H2 sorted whole for each page when its order did not spell the index's columns.
 */
@DatabaseTest
class IntervieweesPlanTests {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldReadAPageOfTheInterviewedWithoutAnAreaInOrderFromTheIndex() {
        assertReadInOrder(OrganisationCounts.intervieweesQuery(null, false));
        assertReadInOrder(OrganisationCounts.intervieweesQuery(null, true));
    }

    @Test
    void shouldReadAPageOfOneAreasInterviewedInOrderFromTheIndex() {
        assertReadInOrder(OrganisationCounts.intervieweesQuery("Derby", false).replace(":area", "'Derby'"));
        assertReadInOrder(OrganisationCounts.intervieweesQuery("Derby", true).replace(":area", "'Derby'"));
    }

    private void assertReadInOrder(String query) {
        String plan = Plans.explainUnsorted(jdbc, url, query.replace(":offset", "200").replace(":limit", "100"));

        if (url.startsWith("jdbc:postgresql:")) {
            // PostgreSQL may take another index giving the same order for a table as small as a test's.
            assertThat(plan).contains("Index").doesNotContain("Sort");
        } else {
            assertThat(plan.toLowerCase()).contains("organisation_appendix");
            assertThat(plan).contains("/* index sorted */");
        }
    }
}
