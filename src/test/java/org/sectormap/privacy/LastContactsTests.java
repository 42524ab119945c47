package org.sectormap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.interview.InterviewService;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.outreach.ContactAttemptForm;
import org.sectormap.outreach.OutreachService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each organisation's last contact kept as the trail records changes on its page: the same day,
 * record by record, as working it out afresh from every attempt, interview and History entry gives.
 */
@DatabaseTest
class LastContactsTests {

    /** The day the trail's entries take: JUnit makes each test an instance of its own. */
    private final LocalDate today = LocalDate.now();
    private static final LocalDate LONG_AGO = LocalDate.of(2019, 3, 1);

    @Autowired
    OrganisationService organisations;

    @Autowired
    OutreachService outreach;

    @Autowired
    InterviewService interviews;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void shouldMoveTheDayOnWhenTheRecordChanges() {
        long id = organisation("Changed Group");
        setDay(id, LONG_AGO);

        organisations.update(id, 0, OrganisationDetails.of("Changed Group", OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "New Contact"));

        assertThat(day(id)).isEqualTo(today);
    }

    @Test
    void shouldMoveTheDayOnWhenAnAttemptOrInterviewIsRecordedOrDeleted() throws Exception {
        long id = organisation("Attempted Group");
        long quiet = organisation("Quiet Group");
        setDay(quiet, LONG_AGO);

        setDay(id, LONG_AGO);
        outreach.log(id, new ContactAttemptForm(today.minusDays(3).toString(), "telephone", "no-answer", null, null));
        assertThat(day(id)).as("an attempt dated earlier, logged today").isEqualTo(today);

        setDay(id, LONG_AGO);
        long interview = interviews.record(id, Map.of("heldOn", "2018-05-04", "mode", "visit", "cypBoard", "no"));
        assertThat(day(id)).as("an interview held long ago, recorded today").isEqualTo(today);

        setDay(id, LONG_AGO);
        mvc.perform(post("/organisations/" + id + "/interviews/" + interview + "/delete").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(day(id)).as("the interview deleted").isEqualTo(today);
        assertThat(day(quiet)).as("an organisation nothing happened to").isEqualTo(LONG_AGO);
    }

    @Test
    void shouldDateTheOrganisationsOfAnImportsAttempts() {
        long first = organisation("First Imported");
        long second = organisation("Second Imported");
        long quiet = organisation("Quiet Group");
        List.of(first, second, quiet).forEach(id -> setDay(id, LONG_AGO));

        outreach.logAll(List.of(
                new OutreachService.TypedAttempt(first, new ContactAttemptForm("2018-01-01", "email", "no-answer", null, null)),
                new OutreachService.TypedAttempt(second, new ContactAttemptForm("2018-01-02", "email", "no-answer", null, null)),
                new OutreachService.TypedAttempt(first, new ContactAttemptForm("2018-01-03", "letter", "no-answer", null, null))));

        assertThat(day(first)).isEqualTo(today);
        assertThat(day(second)).isEqualTo(today);
        assertThat(day(quiet)).isEqualTo(LONG_AGO);
    }

    @Test
    void shouldKeepTheDaysTheRecountWorksOutAfresh() throws Exception {
        long kept = organisation("Kept Group");
        long other = organisation("Other Group");
        long quiet = organisation("Quiet Group");
        outreach.log(other, new ContactAttemptForm("2019-04-01", "visit", "interview-arranged", null, null));
        interviews.record(kept, Map.of("heldOn", "2019-05-01", "mode", "telephone", "cypBoard", "no"));
        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", String.valueOf(kept))
                .param("other", String.valueOf(other))
                .param("keepVersion", String.valueOf(organisations.get(kept).version()))
                .param("otherVersion", String.valueOf(organisations.get(other).version()))
                .param("name", "keep")).andExpect(status().is3xxRedirection());
        // Records from before the trail: only an attempt dates one, an interview and an attempt the other.
        long older = organisation("Older Group");
        outreach.log(older, new ContactAttemptForm("2017-02-03", "letter", "no-answer", null, null));
        long interviewed = organisation("Interviewed Group");
        outreach.log(interviewed, new ContactAttemptForm("2016-01-04", "letter", "no-answer", null, null));
        interviews.record(interviewed, Map.of("heldOn", "2016-05-06", "mode", "visit", "cypBoard", "no"));
        for (long id : List.of(older, interviewed)) {
            jdbc.update("DELETE FROM audit_change WHERE entry_id IN (SELECT id FROM audit_entry WHERE record_page = ?)",
                    "organisation/" + id);
            jdbc.update("DELETE FROM audit_entry WHERE record_page = ?", "organisation/" + id);
        }
        setDay(older, LocalDate.of(2017, 2, 3));
        setDay(interviewed, LocalDate.of(2016, 5, 6));

        Map<Long, LocalDate> maintained = days();
        recount(jdbc);

        assertThat(days()).isEqualTo(maintained).containsKeys(kept, quiet).doesNotContainKey(other)
                .containsEntry(older, LocalDate.of(2017, 2, 3)).containsEntry(interviewed, LocalDate.of(2016, 5, 6));

        jdbc.update("DELETE FROM organisation_last_contact");
        jdbc.update(new ClassPathResource("db/migration/V152__fill_organisation_last_contact.sql")
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").replace(";", ""));
        assertThat(days()).as("as the migration filled them").isEqualTo(maintained);
    }

    private long organisation(String name) {
        return organisations.create(OrganisationDetails.of(name, OutreachStatus.LISTED)
                .with(OrganisationField.CONTACT_NAME, "Contact at " + name));
    }

    /** Every organisation's day worked out afresh, as a restore does. */
    static void recount(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM organisation_last_contact");
        jdbc.update(LastContacts.RECOUNT);
    }

    private void setDay(long id, LocalDate day) {
        jdbc.update("UPDATE organisation_last_contact SET last_contact = ? WHERE organisation_id = ?",
                Date.valueOf(day), id);
    }

    private LocalDate day(long id) {
        return jdbc.queryForObject("SELECT last_contact FROM organisation_last_contact WHERE organisation_id = ?",
                LocalDate.class, id);
    }

    private Map<Long, LocalDate> days() {
        Map<Long, LocalDate> days = new HashMap<>();
        jdbc.query("SELECT organisation_id, last_contact FROM organisation_last_contact", rs -> {
            days.put(rs.getLong("organisation_id"), rs.getDate("last_contact").toLocalDate());
        });
        return days;
    }
}
