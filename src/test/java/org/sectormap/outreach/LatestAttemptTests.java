package org.sectormap.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectormap.BackupRoundTrip;
import org.sectormap.DatabaseTest;
import org.sectormap.HeldTransaction;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** Each organisation's latest attempt, kept beside the attempts for the morning list (V125). */
@DatabaseTest
class LatestAttemptTests {

    private static final LocalDate JULY_5 = LocalDate.of(2007, 7, 5);
    private static final LocalDate JULY_10 = LocalDate.of(2007, 7, 10);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    OutreachService outreach;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldKeepEachOrganisationsLatestAttemptThroughLateEntriesAnImportAMergeAndARestore() throws Exception {
        long derby = organisation("Derby Forum");
        long leicester = organisation("Leicester Network");
        long lincoln = organisation("Lincoln Council");
        organisation("Never tried");

        attempt(derby, JULY_10, ContactOutcome.NO_ANSWER);
        attempt(derby, JULY_5, ContactOutcome.CALL_BACK_ARRANGED);
        assertThat(latest()).as("an entry for an earlier day changes nothing").isEqualTo(recounted())
                .containsExactly(derby + " 2007-07-10 no-answer false");
        attempt(derby, JULY_10, ContactOutcome.INTERVIEW_ARRANGED);
        assertThat(latest()).as("a later entry on the same day wins").isEqualTo(recounted())
                .containsExactly(derby + " 2007-07-10 interview-arranged true");

        outreach.logAll(List.of(typed(leicester, "2007-07-09", "call-back-arranged"),
                typed(lincoln, "2007-07-01", "declined"), typed(leicester, "2007-07-02", "no-answer")));
        assertThat(latest()).isEqualTo(recounted()).hasSize(3)
                .contains(leicester + " 2007-07-09 call-back-arranged true", lincoln + " 2007-07-01 declined false");

        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", String.valueOf(lincoln))
                .param("other", String.valueOf(leicester))
                .param("keepVersion", String.valueOf(organisations.get(lincoln).version()))
                .param("otherVersion", String.valueOf(organisations.get(leicester).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(latest()).as("the kept record takes the merged one's later attempt").isEqualTo(recounted())
                .containsExactly(derby + " 2007-07-10 interview-arranged true",
                        lincoln + " 2007-07-09 call-back-arranged true");

        List<String> before = latest();
        BackupRoundTrip.restore(mvc, spring);
        assertThat(latest()).isEqualTo(before);
        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::name)
                .containsExactly("Lincoln Council", "Derby Forum", "Never tried");
    }

    @Test
    void shouldKeepOneLatestAttemptWhenTwoFirstAttemptsAreLoggedAtOnce() throws Exception {
        long derby = organisation("Derby Forum");
        // The second starts while the first, holding the organisation, has not committed; once it has, the second goes on.
        HeldTransaction.whileHeld(transactions, () -> attempt(derby, JULY_5, ContactOutcome.NO_ANSWER),
                () -> attempt(derby, JULY_10, ContactOutcome.CALL_BACK_ARRANGED));
        assertThat(latest()).isEqualTo(recounted()).containsExactly(derby + " 2007-07-10 call-back-arranged true");
    }

    private long organisation(String name) {
        return organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED));
    }

    private void attempt(long organisation, LocalDate on, ContactOutcome outcome) {
        outreach.record(organisation, new ContactAttemptRules.Attempt(on, ContactMethod.TELEPHONE, outcome, null, null), null);
    }

    private static OutreachService.TypedAttempt typed(long organisation, String on, String outcome) {
        return new OutreachService.TypedAttempt(organisation, new ContactAttemptForm(on, "telephone", outcome, null, null));
    }

    private List<String> latest() {
        return jdbc.query("SELECT organisation_id, attempted_on, outcome, arranged FROM contact_attempt_latest "
                + "ORDER BY organisation_id", (rs, n) -> rs.getLong(1) + " " + rs.getDate(2) + " " + rs.getString(3)
                + " " + rs.getBoolean(4));
    }

    /** Each organisation's latest attempt worked out from every attempt, as the table should hold it. */
    private List<String> recounted() {
        return jdbc.query("SELECT a.organisation_id, a.attempted_on, a.outcome FROM contact_attempt a "
                + "WHERE NOT EXISTS (SELECT 1 FROM contact_attempt b WHERE b.organisation_id = a.organisation_id "
                + "AND (b.attempted_on > a.attempted_on OR (b.attempted_on = a.attempted_on AND b.id > a.id))) "
                + "ORDER BY a.organisation_id", (rs, n) -> rs.getLong(1) + " " + rs.getDate(2) + " " + rs.getString(3)
                + " " + ContactOutcome.valueOf(rs.getString(3).toUpperCase().replace('-', '_')).arranges());
    }
}
