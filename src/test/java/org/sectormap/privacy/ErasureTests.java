package org.sectormap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sectormap.DatabaseTest;
import org.sectormap.HeldTransaction;
import org.sectormap.interview.QuestionnaireService;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.shared.LikePattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The erasure test of issue 7: a person's data entered through every path and changed once, so the
 * audit trail holds earlier values; then erased, and looked for in every character column of every
 * table, the exports, the pages and the log.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureTests {

    private static final String NAME = "Philippa Quennell-Oduya";
    private static final String EMAIL = "pq.oduya@erasure-test.example";
    private static final String ROLE = "Family Link Worker";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    QuestionnaireService questionnaire;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldLeaveNoTraceOfAnErasedPersonAnywhere(CapturedOutput output) throws Exception {
        EveryPersonalDataPath entered = EveryPersonalDataPath.enter(mvc, organisations, questionnaire, NAME, EMAIL, ROLE);
        Organisation before = organisations.get(entered.organisation());
        mvc.perform(post("/organisations/{id}/edit", before.id()).with(csrf()).param("version",
                        String.valueOf(before.version())).param("name", "Riverside Family Forum").param("status", "interviewed")
                        .param("contactName", NAME).param("contactRole", "Senior " + ROLE).param("email", EMAIL)
                        .param("phone", "0116 496 0000").param("description", "Set up by " + NAME + " in 2001."))
                .andExpect(status().is3xxRedirection());
        assertThat(tablesHolding(NAME)).as("where the name is before the erasure").contains("organisation",
                "contact_attempt", "interview", "interview_answer", "consent_record", "audit_change");
        assertThat(tablesHolding(EMAIL)).contains("organisation", "contact_attempt", "consent_record", "audit_change");

        // Subject access lists the role's earlier values too, though they do not name the person.
        mvc.perform(post("/privacy/subject-access.json").with(csrf()).param("name", NAME).param("email", EMAIL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.heldIn == 'audit-trail' && @.field == 'contactRole, before' "
                        + "&& @.value == '" + ROLE + "')]").exists())
                .andExpect(jsonPath("$.findings[?(@.heldIn == 'audit-trail' && @.field == 'intervieweeRole, after' "
                        + "&& @.value == '" + ROLE + "')]").exists());
        String check = mvc.perform(post("/privacy/erasure").with(csrf()).param("name", NAME).param("email", EMAIL))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Check what will be erased", "Spoke to " + NAME, "Record deleted");
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME).param("email", EMAIL))
                .andExpect(redirectedUrl("/privacy"));

        // The role is theirs too, though it does not name them: gone with its history in the trail. Each
        // word of the name goes from what search keeps too (on PostgreSQL, the list of the register's words).
        for (String text : List.of(NAME, EMAIL, ROLE, "philippa", "quennell")) {
            assertThat(tablesHolding(text)).as("tables still holding " + text).isEmpty();
            for (String export : List.of("/organisations.csv", "/api/organisations", "/reports/interviewees",
                    "/reports/interviewees.csv", "/api/reports/interviewees", "/audit.csv",
                    "/organisations/" + entered.organisation(), "/organisations/" + entered.imported(),
                    "/api/organisations/" + entered.organisation() + "/interviews",
                    "/api/organisations/" + entered.imported() + "/attempts",
                    "/api/organisations/" + entered.imported() + "/consents")) {
                assertThat(mvc.perform(get(export)).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8)).as(export).doesNotContainIgnoringCase(text);
            }
            assertThat(output.getAll()).doesNotContainIgnoringCase(text);
        }
        String found = mvc.perform(post("/privacy/subject-access").with(csrf()).param("name", NAME).param("email", EMAIL))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("Nothing held mentions this person.");

        // That an erasure happened is recorded, not whose.
        assertThat(jdbc.queryForList("SELECT record_kind FROM audit_entry WHERE action = 'ERASED'", String.class))
                .containsExactly("person");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_change WHERE before_value LIKE 'erased on %'",
                Integer.class)).isPositive();
        // What is about the organisation stays; what was about the person goes.
        Organisation after = organisations.get(entered.organisation());
        assertThat(after.details().name()).isEqualTo("Riverside Family Forum");
        assertThat(after.details().get(OrganisationField.PHONE)).isEqualTo("0116 496 0000");
        assertThat(after.details().get(OrganisationField.CONTACT_NAME)).isNull();
        assertThat(after.details().get(OrganisationField.CONTACT_ROLE)).isNull();
        assertThat(after.details().get(OrganisationField.EMAIL)).isNull();
        assertThat(after.details().description()).isEqualTo("Set up by [erased] in 2001.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM interview", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT answer_text FROM interview_answer ORDER BY id", String.class))
                .containsExactly("Since [erased] joined we reach more families.", "Ask [erased] about the funding.");
    }

    @Test
    void shouldEraseTheEmailAConsentRecordKeptBesideTheNameWhenErasedByNameAlone() throws Exception {
        EveryPersonalDataPath.enter(mvc, organisations, questionnaire, NAME, EMAIL, ROLE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_change WHERE field = 'personEmail' AND after_value = ?",
                Integer.class, EMAIL)).isEqualTo(2);
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME))
                .andExpect(redirectedUrl("/privacy"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record", Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT field FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                + "WHERE e.record_kind = 'consent' AND (LOWER(c.before_value) LIKE ? OR LOWER(c.after_value) LIKE ?)",
                String.class, "%" + EMAIL + "%", "%" + EMAIL + "%")).as("the consent records' entries holding the email")
                .isEmpty();
    }

    private long created(String name, String... pairs) throws Exception {
        var form = post("/organisations/new").with(csrf()).param("name", name).param("status", "listed");
        for (int i = 0; i < pairs.length; i += 2) {
            form.param(pairs[i], pairs[i + 1]);
        }
        String location = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private int trailValuesHolding(String text) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_change WHERE before_value = ? OR after_value = ?",
                Integer.class, text, text);
    }

    /** A merge moves a consent record and an interview to the kept organisation; their earlier entries stay where they were. */
    @Test
    void shouldEraseTheRoleAndEmailOfRecordsAMergeMovedByNameAlone() throws Exception {
        long kept = created("Kept Forum");
        long other = created("Other Forum Ltd");
        mvc.perform(post("/organisations/{id}/consents/new", other).with(csrf()).param("personName", NAME)
                .param("personEmail", EMAIL).param("basis", "consent").param("givenOn", "2007-07-10")
                .param("givenHow", "Signed the form").param("purpose", "To be named"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/{id}/interviews/new", other).with(csrf()).param("heldOn", "2007-07-10")
                .param("mode", "visit").param("cypBoard", "no").param("nameConsent", "yes")
                .param("intervieweeName", NAME).param("intervieweeRole", ROLE)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/organisations/merge").with(csrf()).param("keep", String.valueOf(kept))
                .param("other", String.valueOf(other)).param("keepVersion", String.valueOf(organisations.get(kept).version()))
                .param("otherVersion", String.valueOf(organisations.get(other).version())))
                .andExpect(status().is3xxRedirection());
        assertThat(trailValuesHolding(EMAIL)).isPositive();
        assertThat(trailValuesHolding(ROLE)).isPositive();

        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME)).andExpect(redirectedUrl("/privacy"));
        assertThat(trailValuesHolding(EMAIL)).isZero();
        assertThat(trailValuesHolding(ROLE)).isZero();
    }

    /** An organisation's earlier contact's role is theirs, not the person's: neither listed nor erased for them. */
    @Test
    void shouldLeaveAnEarlierContactsRoleOutOfTheirSubjectAccessAndErasure() throws Exception {
        String imam = "Imam of the Central Mosque";
        long id = created("Mosque Forum", "contactName", "Amir Khan", "contactRole", imam);
        mvc.perform(post("/organisations/{id}/edit", id).with(csrf()).param("version", String.valueOf(organisations.get(id).version()))
                .param("name", "Mosque Forum").param("status", "listed").param("contactName", NAME).param("contactRole", ROLE))
                .andExpect(status().is3xxRedirection());
        String found = mvc.perform(post("/privacy/subject-access.json").with(csrf()).param("name", NAME))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains(ROLE).doesNotContain(imam);

        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME)).andExpect(redirectedUrl("/privacy"));
        assertThat(trailValuesHolding(ROLE)).isZero();
        assertThat(trailValuesHolding(imam)).isEqualTo(2);
    }

    /** A consent record whose purpose mentions the person is someone else's: its name and email are not theirs. */
    @Test
    void shouldLeaveTheNameAndEmailOfSomeoneElsesConsentOutOfTheirSubjectAccess() throws Exception {
        long id = created("Mosque Forum");
        mvc.perform(post("/organisations/{id}/consents/new", id).with(csrf()).param("personName", "Amir Khan")
                .param("personEmail", "amir@mosque.example").param("basis", "consent").param("givenOn", "2007-07-10")
                .param("givenHow", "Signed the form").param("purpose", "Introduced by " + NAME))
                .andExpect(status().is3xxRedirection());
        String found = mvc.perform(post("/privacy/subject-access.json").with(csrf()).param("name", NAME))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("Introduced by " + NAME).doesNotContain("Amir Khan").doesNotContain("amir@mosque.example");

        // Erased, the mention goes and the record stays, with its name and email and their history.
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", NAME)).andExpect(redirectedUrl("/privacy"));
        assertThat(jdbc.queryForMap("SELECT person_name, person_email, purpose FROM consent_record"))
                .containsValues("Amir Khan", "amir@mosque.example", "Introduced by [erased]");
        assertThat(trailValuesHolding("Amir Khan")).isEqualTo(1);
        assertThat(tablesHolding(NAME)).isEmpty();
    }

    /**
     * PostgreSQL's list of the register's words: an erasure drops the person's words that no record
     * holds, but waits for a record being saved at that moment, which may hold one of them yet.
     */
    @Test
    void shouldKeepAWordOfTheNameThatARecordSavedMeanwhileHolds() throws Exception {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "The list of the register's words is PostgreSQL's");
        created("Riverside Family Forum", "contactName", NAME);
        // Saved, not yet committed, while the erasure runs: "philippa" is no committed record's word but theirs.
        HeldTransaction.whileHeld(transactions,
                () -> organisations.create(OrganisationDetails.of("Hilltop Carers", OutreachStatus.LISTED)
                        .with(OrganisationField.CONTACT_NAME, "Philippa Jones")),
                () -> {
                    try {
                        // On its own thread, so signed in by hand rather than by the test's own.
                        mvc.perform(post("/privacy/erasure/confirmed").with(csrf())
                                .with(user("admin@test.example").roles("ADMIN")).param("name", NAME))
                                .andExpect(redirectedUrl("/privacy"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(jdbc.queryForList("SELECT word FROM search_word WHERE word IN ('philippa', 'quennell-oduya')",
                String.class)).containsExactly("philippa");
    }

    @Test
    void shouldEraseNothingWhenAPartFailsAndLogNoValue(CapturedOutput output) throws Exception {
        EveryPersonalDataPath entered = EveryPersonalDataPath.enter(mvc, organisations, questionnaire, NAME, EMAIL, ROLE);
        // A note the erasure cannot save: each short mention becomes the longer "[erased]", past the column's 2,000.
        jdbc.update("UPDATE contact_attempt SET note = ? WHERE organisation_id = ?", "Ali ".repeat(500),
                entered.organisation());
        List<String> before = tablesHolding(EMAIL);
        mvc.perform(post("/privacy/erasure/confirmed").with(csrf()).param("name", "Ali").param("email", EMAIL))
                .andExpect(status().isInternalServerError());
        assertThat(tablesHolding(EMAIL)).isEqualTo(before).contains("organisation", "consent_record", "audit_change");
        assertThat(organisations.get(entered.organisation()).details().get(OrganisationField.EMAIL)).isEqualTo(EMAIL);
        // The database's refusal quotes the value it refused; the log has the exception's class only.
        assertThat(output.getAll()).contains("Page request failed").doesNotContain("Ali Ali").doesNotContain("[erased]")
                .doesNotContain(EMAIL).doesNotContain(NAME);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'ERASED'", Integer.class))
                .isZero();
    }

    /** Every table with a character column holding the text, ignoring case, read from the database's own catalogue. */
    private List<String> tablesHolding(String text) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = meta.storesUpperCaseIdentifiers() ? "PUBLIC" : "public";
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB
                            || type == Types.NVARCHAR) {
                        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            }
            assertThat(columns).as("character columns found").hasSizeGreaterThan(20);
            for (String[] column : columns) {
                String quote = meta.getIdentifierQuoteString();
                Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM " + quote + column[0] + quote + " WHERE LOWER("
                        + quote + column[1] + quote + ") LIKE ?" + LikePattern.ESCAPE, Integer.class,
                        LikePattern.containing(text));
                String table = column[0].toLowerCase(Locale.ROOT);
                if (count > 0 && !holding.contains(table)) {
                    holding.add(table);
                }
            }
        }
        return holding;
    }
}
