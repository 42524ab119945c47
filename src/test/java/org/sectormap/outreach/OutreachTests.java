package org.sectormap.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.WidestText;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class OutreachTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    OutreachService outreach;

    @Autowired
    JdbcTemplate jdbc;

    private long organisation(String name, OutreachStatus status, boolean followUp) {
        boolean interviewed = status == OutreachStatus.INTERVIEWED;
        return organisations.create(OrganisationDetails.of(name, status)
                .with(OrganisationField.PHONE, "0115 496 0000")
                .with(OrganisationField.EMAIL, "info@example.org.uk")
                .with(OrganisationField.CONTACT_NAME, "A. Contact")
                .with(OrganisationField.EXCLUSION_REASON, status == OutreachStatus.EXCLUDED ? ExclusionReason.ADULTS_ONLY : null)
                .with(OrganisationField.FULL_INTERVIEW, interviewed)
                .with(OrganisationField.FOLLOW_UP, interviewed && followUp));
    }

    private void attempt(long organisation, LocalDate on, ContactOutcome outcome, String note) {
        outreach.record(organisation, new ContactAttemptRules.Attempt(on, ContactMethod.TELEPHONE, outcome, note, null),
                null);
    }

    @Test
    void shouldSayWhenNobodyIsOpenAndWhatIsWrongWithTheDays() throws Exception {
        assertThat(page("/outreach").select("main p").eachText()).contains("No organisation is waiting to be "
                + "contacted: every one in the register has been interviewed or excluded, or the register is empty.");
        organisation("SEEM", OutreachStatus.LISTED, false);
        Document bad = Jsoup.parse(mvc.perform(get("/outreach").param("days", "a fortnight"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select(".error-summary a").attr("href")).isEqualTo("#days");
        assertThat(bad.select("#days-error").text())
                .contains("No attempt for at least this many days must be a whole number from 0 to 3650");
        assertThat(bad.selectFirst("#days").val()).isEqualTo("a fortnight");
        assertThat(bad.select("tbody tr")).hasSize(1);
    }

    @Test
    void shouldRefuseAStatusAnAttemptCannotSetRatherThanIgnoreIt() throws Exception {
        long listed = organisation("NAVO", OutreachStatus.LISTED, false);
        long interviewed = organisation("EMVY", OutreachStatus.INTERVIEWED, false);
        for (long id : new long[] {listed, interviewed}) {
            Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf())
                            .param("attemptedOn", "2007-07-10").param("method", "visit").param("outcome", "declined")
                            .param("newStatus", id == listed ? "excluded" : "unreachable"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
            assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#newStatus");
            assertThat(outreach.history(id)).isEmpty();
        }
        assertThat(organisations.get(interviewed).details().status()).isEqualTo(OutreachStatus.INTERVIEWED);
        // A value that is no status at all is named by the field's label, not its parameter.
        Document bogus = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/new", listed).with(csrf())
                        .param("attemptedOn", "2007-07-10").param("method", "visit").param("outcome", "declined")
                        .param("newStatus", "bogus"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(bogus.select(".error-summary a").text()).startsWith("New outreach status must be one of: ");
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldShowTheHistoryNewestFirstOnTheOrganisationsPage() throws Exception {
        long id = organisation("Derby Millennium Network", OutreachStatus.LISTED, false);
        attempt(id, LocalDate.of(2007, 7, 2), ContactOutcome.NO_ANSWER, "Rang twice <b>no reply</b>");
        attempt(id, LocalDate.of(2007, 7, 9), ContactOutcome.CALL_BACK_ARRANGED, null);
        attempt(id, LocalDate.of(2007, 7, 5), ContactOutcome.OTHER, null);

        Document page = page("/organisations/" + id);
        assertThat(page.select("#contact-history ~ .table-scroll table tbody tr td:first-child").eachText())
                .containsExactly("9 July 2007", "5 July 2007", "2 July 2007");
        assertThat(page.select("#contact-history ~ .table-scroll table td").eachText()).contains("Rang twice <b>no reply</b>");
        assertThat(page.select("main table b")).isEmpty();
    }

    @Test
    void shouldLogAnAttemptAndMarkTheOrganisationUnreachable() throws Exception {
        long id = organisation("Rushcliffe CVS", OutreachStatus.LISTED, false);
        mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf())
                        .param("attemptedOn", "2007-07-10").param("method", "visit").param("outcome", "declined")
                        .param("note", "Not working with children").param("newStatus", "unreachable"))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(outreach.history(id)).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(ContactOutcome.DECLINED));
        assertThat(organisations.find(id).orElseThrow().details().status()).isEqualTo(OutreachStatus.UNREACHABLE);
    }

    @Test
    void shouldTakeTheResearcherToTheInterviewWhenOneWasHeld() throws Exception {
        long id = organisation("Charnwood REC", OutreachStatus.LISTED, false);
        mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf())
                        .param("attemptedOn", "2007-07-10").param("method", "visit").param("outcome", "interview-held"))
                .andExpect(redirectedUrl("/organisations/" + id + "/interviews/new"));
        Document form = page("/organisations/" + id + "/interviews/new");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Record an interview with Charnwood REC");
    }

    @Test
    void shouldKeepWhatWasTypedAndNameEachFieldInError() throws Exception {
        long id = organisation("Charnwood REC", OutreachStatus.LISTED, false);
        Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf())
                        .param("attemptedOn", "2999-01-01").param("method", "").param("note", "Keep this"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".error-summary__list a").eachAttr("href"))
                .containsExactly("#attemptedOn", "#method", "#outcome");
        assertThat(page.selectFirst("#note").val()).isEqualTo("Keep this");
        assertThat(outreach.history(id)).isEmpty();
    }

    @Test
    void shouldLeaveACallBackOffTheMorningListUntilTheDayItIsFor() throws Exception {
        LocalDate today = outreach.today();
        long nextWeek = organisation("Call back next week", OutreachStatus.LISTED, false);
        long dueToday = organisation("Call back today", OutreachStatus.LISTED, false);
        for (Map.Entry<Long, LocalDate> callBack : Map.of(nextWeek, today.plusDays(7), dueToday, today).entrySet()) {
            mvc.perform(post("/organisations/{id}/attempts/new", callBack.getKey()).with(csrf())
                            .param("attemptedOn", today.minusDays(2).toString()).param("method", "telephone")
                            .param("outcome", "call-back-arranged").param("dueOn", callBack.getValue().toString()))
                    .andExpect(redirectedUrl("/organisations/" + callBack.getKey()));
        }

        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::id).containsExactly(dueToday);
        DateTimeFormatter asWritten = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        assertThat(page("/outreach").select("tbody td").eachText())
                .contains("Call back arranged, for " + today.format(asWritten));
        assertThat(page("/organisations/" + nextWeek).select("#contact-history ~ div td").eachText())
                .contains("Call back arranged, for " + today.plusDays(7).format(asWritten));
        assertThat(outreach.history(nextWeek).get(0).dueOn()).isEqualTo(today.plusDays(7));

        // A day only for something arranged, and not before the attempt.
        for (Map<String, String> wrong : List.of(Map.of("outcome", "no-answer", "dueOn", today.toString()),
                Map.of("outcome", "interview-arranged", "dueOn", today.minusDays(3).toString()))) {
            Document refused = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/new", dueToday).with(csrf())
                            .param("attemptedOn", today.minusDays(2).toString()).param("method", "telephone")
                            .param("outcome", wrong.get("outcome")).param("dueOn", wrong.get("dueOn")))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
            assertThat(refused.select(".error-summary__list a").eachAttr("href")).as("%s", wrong)
                    .containsExactly("#dueOn");
        }
        assertThat(outreach.history(dueToday)).hasSize(1);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", nextWeek).contentType("application/json")
                        .content("{\"attemptedOn\":\"%s\",\"method\":\"email\",\"outcome\":\"interview-arranged\",\"dueOn\":\"%s\"}"
                                .formatted(today, today.plusDays(3))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.dueOn").value(today.plusDays(3).toString()));
    }

    @Test
    void shouldChangeAnAttemptLoggedInErrorAndListTheOrganisationByItsNewOutcome() throws Exception {
        LocalDate today = outreach.today();
        long id = organisation("Charnwood REC", OutreachStatus.LISTED, false);
        attempt(id, today.minusDays(40), ContactOutcome.DECLINED, "Said no");
        long logged = outreach.history(id).get(0).id();
        assertThat(outreach.due(14)).isEmpty();

        Document form = page("/organisations/" + id + "/attempts/" + logged + "/edit");
        assertThat(form.selectFirst("#note").val()).isEqualTo("Said no");
        assertThat(form.select("input[name=outcome][checked]").val()).isEqualTo("declined");
        assertThat(form.select("input[name=newStatus]")).as("the status is changed on the record's form").isEmpty();
        Document refused = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/{a}/edit", id, logged).with(csrf())
                        .param("attemptedOn", today.minusDays(40).toString()).param("method", "telephone")
                        .param("note", "Wrong outcome"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select(".error-summary__list a").eachAttr("href")).containsExactly("#outcome");
        assertThat(outreach.history(id).get(0).note()).as("nothing changed").isEqualTo("Said no");

        mvc.perform(post("/organisations/{id}/attempts/{a}/edit", id, logged).with(csrf())
                        .param("attemptedOn", today.minusDays(40).toString()).param("method", "telephone")
                        .param("outcome", "no-answer").param("note", "No answer, not a refusal"))
                .andExpect(redirectedUrl("/organisations/" + id));

        assertThat(outreach.history(id)).extracting(ContactAttempt::outcome).containsExactly(ContactOutcome.NO_ANSWER);
        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::id).containsExactly(id);
        assertThat(jdbc.queryForList("SELECT c.after_value FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                + "WHERE e.record_kind = 'contact-attempt' AND e.action = 'CHANGED' ORDER BY c.field", String.class))
                .containsExactly("No answer, not a refusal", "no-answer");
    }

    @Test
    void shouldDeleteAnAttemptLoggedInErrorAndFindTheLatestAgain() throws Exception {
        LocalDate today = outreach.today();
        long id = organisation("Charnwood REC", OutreachStatus.LISTED, false);
        attempt(id, today.minusDays(30), ContactOutcome.NO_ANSWER, null);
        attempt(id, today.minusDays(1), ContactOutcome.CALL_BACK_ARRANGED, "Logged against the wrong group");
        List<ContactAttempt> history = outreach.history(id);
        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::lastOutcome)
                .containsExactly(ContactOutcome.CALL_BACK_ARRANGED);

        assertThat(page("/organisations/" + id + "/attempts/" + history.get(0).id() + "/delete").text())
                .contains("Logged against the wrong group", "Call back arranged");
        mvc.perform(post("/organisations/{id}/attempts/{a}/delete", id, history.get(0).id()).with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + id));

        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::lastAttempt)
                .containsExactly(today.minusDays(30));
        mvc.perform(post("/organisations/{id}/attempts/{a}/delete", id, history.get(1).id()).with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + id));
        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::lastAttempt)
                .as("never tried again").containsExactly((LocalDate) null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE record_kind = 'contact-attempt'"
                + " AND action = 'DELETED'", Long.class)).isEqualTo(2);
        long other = organisation("Rushcliffe CVS", OutreachStatus.LISTED, false);
        mvc.perform(get("/organisations/{id}/attempts/{a}/edit", other, history.get(0).id()))
                .andExpect(status().isNotFound());
    }

    /** A date without one of its parts says which, and comes back with the parts that were typed, each in its box. */
    @Test
    void shouldSayWhichPartOfADateIsMissingAndKeepTheOthers() throws Exception {
        long id = organisation("Charnwood REC", OutreachStatus.LISTED, false);
        String[][] cases = {{"", "2", "2007", "must include a day"}, {"31", "", "2007", "must include a month"},
            {"31", "2", "", "must include a year"}, {"", "", "2007", "must include a day and month"}};
        for (String[] typed : cases) {
            Document page = Jsoup.parse(mvc.perform(post("/organisations/{id}/attempts/new", id).with(csrf())
                            .param("attemptedOn-day", typed[0]).param("attemptedOn-month", typed[1])
                            .param("attemptedOn-year", typed[2]).param("method", "visit").param("outcome", "declined"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
            assertThat(page.select(".error-summary__list a").eachText()).as(String.join("/", typed))
                    .containsExactly("Date of the attempt " + typed[3]);
            assertThat(List.of(page.selectFirst("#attemptedOn").val(), page.selectFirst("#attemptedOn-month").val(),
                    page.selectFirst("#attemptedOn-year").val())).as(String.join("/", typed))
                    .containsExactly(typed[0], typed[1].isEmpty() ? "" : "0" + typed[1], typed[2]);
        }
        assertThat(outreach.history(id)).isEmpty();
    }

    @Test
    void shouldListWhoIsDueForContactArrangedFirstThenLongestWaiting() throws Exception {
        LocalDate today = outreach.today();
        long neverTried = organisation("Never tried", OutreachStatus.LISTED, false);
        long longAgo = organisation("Tried long ago", OutreachStatus.UNREACHABLE, false);
        attempt(longAgo, today.minusDays(30), ContactOutcome.NO_ANSWER, null);
        long callBack = organisation("Call back booked", OutreachStatus.LISTED, false);
        attempt(callBack, today.minusDays(20), ContactOutcome.NO_ANSWER, null);
        attempt(callBack, today.minusDays(1), ContactOutcome.CALL_BACK_ARRANGED, null);
        long recent = organisation("Tried yesterday", OutreachStatus.LISTED, false);
        attempt(recent, today.minusDays(1), ContactOutcome.NO_ANSWER, null);
        long declined = organisation("Declined long ago", OutreachStatus.LISTED, false);
        attempt(declined, today.minusDays(40), ContactOutcome.DECLINED, null);
        long askedAgain = organisation("Declined, then asked again", OutreachStatus.LISTED, false);
        attempt(askedAgain, today.minusDays(50), ContactOutcome.DECLINED, null);
        attempt(askedAgain, today.minusDays(45), ContactOutcome.NO_ANSWER, null);
        organisation("Interviewed already", OutreachStatus.INTERVIEWED, false);
        organisation("Excluded already", OutreachStatus.EXCLUDED, false);

        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::id)
                .containsExactly(callBack, neverTried, askedAgain, longAgo);
        Document page = page("/outreach?days=14");
        assertThat(page.select("tbody td a").eachText())
                .containsExactly("Call back booked", "Never tried", "Declined, then asked again", "Tried long ago");
        DateTimeFormatter asWritten = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        assertThat(page.select("tbody td:nth-child(3)").eachText()).containsExactly(
                today.minusDays(1).format(asWritten), "Never", today.minusDays(45).format(asWritten),
                today.minusDays(30).format(asWritten));
        assertThat(page.select("tbody tr").get(0).select("td").eachText()).containsExactly("Call back booked",
                "Listed (on the database, not interviewed)", today.minusDays(1).format(asWritten), "Call back arranged",
                "0115 496 0000");
        assertThat(page.select("tbody tr").get(1).select("td").stream().map(td -> td.text()).toList())
                .containsExactly("Never tried", "Listed (on the database, not interviewed)", "Never", "", "0115 496 0000");
        assertThat(page.select("tbody td a").eachAttr("href")).containsExactly("/organisations/" + callBack,
                "/organisations/" + neverTried, "/organisations/" + askedAgain, "/organisations/" + longAgo);
        assertThat(page("/outreach?days=0").select("tbody td a").eachText()).containsExactly("Call back booked",
                "Never tried", "Declined, then asked again", "Tried long ago", "Tried yesterday");
    }

    @Test
    void shouldListThoseWaitingEquallyLongByNameIgnoringCase() throws Exception {
        for (String name : List.of("cherry", "Banana", "apple")) {
            organisation(name, OutreachStatus.LISTED, false);
        }
        assertThat(page("/outreach").select("tbody td a").eachText()).containsExactly("apple", "Banana", "cherry");
    }

    @Test
    void shouldFindThoseNeverTriedPastTheFirstThousandOrganisationsStillToSettle() {
        long first = organisation("Aaa never tried", OutreachStatus.UNREACHABLE, false);
        organisations.createAll(java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> OrganisationDetails.of(String.format("Tried %04d", i), OutreachStatus.LISTED)).toList(), null);
        for (long tried : jdbc.queryForList("SELECT id FROM organisation WHERE name LIKE 'Tried %'", Long.class)) {
            attempt(tried, outreach.today(), ContactOutcome.NO_ANSWER, null);
        }
        long last = organisation("Zed never tried", OutreachStatus.LISTED, false);

        // The names are read a thousand at a time: the last is in the second batch.
        assertThat(outreach.due(14)).extracting(ContactAttemptRepository.Due::id).containsExactly(first, last);
        assertThat(outreach.countOpen()).isEqualTo(1_002);
    }

    @Test
    void shouldListEveryoneKeenForFollowUpWithTheirLastAttempt() throws Exception {
        long keen = organisation("Youth Voice", OutreachStatus.INTERVIEWED, true);
        attempt(keen, LocalDate.of(2007, 7, 20), ContactOutcome.INTERVIEW_HELD, null);
        organisation("=Not keen", OutreachStatus.INTERVIEWED, false);
        organisation("=Keen too", OutreachStatus.INTERVIEWED, true);

        Document page = page("/outreach/follow-up");
        assertThat(page.select("tbody td a[href^=/organisations]").eachText()).containsExactly("=Keen too", "Youth Voice");
        assertThat(page.select("tbody tr:last-child td:last-child").text()).isEqualTo("20 July 2007 (Interview held)");
        assertThat(page.select("tbody tr:first-child td").stream().map(td -> td.text()).toList()).containsExactly(
                "=Keen too", "A. Contact", "0115 496 0000", "info@example.org.uk", "Never");
        assertThat(page.select("tbody tr:last-child td a").eachAttr("href"))
                .containsExactly("/organisations/" + keen, "mailto:info@example.org.uk");
        byte[] body = mvc.perform(get("/outreach/follow-up.csv")).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(
                new String(body, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows.get(0).values()).containsExactly("Name", "Contact name", "Telephone", "Email",
                "Last attempt", "Outcome");
        assertThat(rows.get(1).get(0)).isEqualTo("'=Keen too");
        assertThat(rows.get(2).values()).containsExactly("Youth Voice", "A. Contact", "0115 496 0000",
                "info@example.org.uk", "2007-07-20", "Interview held");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(
                get("/outreach/follow-up.xlsx")).andReturn().getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("Keen for follow-up");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=Keen too");
            Row youthVoice = sheet.getRow(2);
            assertThat(youthVoice.getCell(1).getStringCellValue()).isEqualTo("A. Contact");
            assertThat(youthVoice.getCell(4).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2007, 7, 20));
            assertThat(youthVoice.getCell(5).getStringCellValue()).isEqualTo("Interview held");
        }
    }

    @Test
    void shouldPageThoseKeenForFollowUpAHundredAtATimeAndDownloadThemAll() throws Exception {
        for (int i = 0; i < 150; i++) {
            organisation(String.format("Keen %03d", i), OutreachStatus.INTERVIEWED, true);
        }
        organisation("Not keen", OutreachStatus.INTERVIEWED, false);
        long last = organisation("Keen 149", OutreachStatus.INTERVIEWED, true);
        // Two attempts on the same day: the later entry is the latest.
        attempt(last, LocalDate.of(2007, 7, 20), ContactOutcome.NO_ANSWER, null);
        attempt(last, LocalDate.of(2007, 7, 20), ContactOutcome.INTERVIEW_HELD, null);
        attempt(last, LocalDate.of(2007, 7, 2), ContactOutcome.CALL_BACK_ARRANGED, null);

        Document first = page("/outreach/follow-up");
        assertThat(first.select("caption").text()).isEqualTo("Keen for follow-up, 151 organisations");
        assertThat(first.select("tbody tr")).hasSize(100);
        assertThat(first.select("tbody tr:first-child td:first-child").text()).isEqualTo("Keen 000");
        assertThat(first.select(".pagination span").text()).isEqualTo("Page 1 of 2");

        Document second = page("/outreach/follow-up?page=2");
        assertThat(second.select("tbody tr")).hasSize(51);
        assertThat(second.select("tbody tr:last-child td:last-child").text()).isEqualTo("20 July 2007 (Interview held)");
        assertThat(second.select("a[rel=next]")).isEmpty();

        Document past = Jsoup.parse(mvc.perform(get("/outreach/follow-up").param("page", "3"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());
        assertThat(past.select("main p").eachText()).contains("There is no page 3: this list has 2 pages.");
        mvc.perform(get("/outreach/follow-up").param("page", "none")).andExpect(status().isBadRequest());

        byte[] body = mvc.perform(get("/outreach/follow-up.csv")).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(
                new String(body, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).hasSize(152);
        assertThat(rows.get(151).get(5)).isEqualTo("Interview held");
    }

    @Test
    void shouldLogAttemptsThroughTheApiAndNameEachBadField() throws Exception {
        long id = organisation("SEEM", OutreachStatus.LISTED, false);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                        .content("{\"attemptedOn\":\"2007-07-03\",\"method\":\"Email\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.method").value("email"));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                        .content("{\"attemptedOn\":\"03/07/2007\",\"method\":\"pigeon\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("attemptedOn", "method")));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                        .content("{\"attemptedOn\":\"2999-01-01\",\"method\":\"pigeon\",\"outcome\":\"no-answer\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Date of the attempt must be today or in the past"))
                .andExpect(jsonPath("$.errors[1].message")
                        .value("How you tried to make contact must be one of: telephone, visit, email, letter, other"));
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json").content("{oops"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/organisations/{id}/attempts", 987654)).andExpect(status().isNotFound());
        mvc.perform(get("/api/organisations/{id}/attempts", id)).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void shouldWarnThenDeleteTheHistoryWithTheOrganisation() throws Exception {
        long id = organisation("NAVO", OutreachStatus.LISTED, false);
        attempt(id, LocalDate.of(2007, 7, 2), ContactOutcome.NO_ANSWER, null);
        attempt(id, LocalDate.of(2007, 7, 3), ContactOutcome.NO_ANSWER, null);
        assertThat(page("/organisations/" + id + "/delete").select("ul.list li").eachText())
                .containsExactly("Its 2 contact attempts will be deleted too.");
        mvc.perform(post("/organisations/{id}/delete", id).with(csrf()).param("version", "0"))
                .andExpect(redirectedUrl("/organisations"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isZero();
    }

    @Test
    void shouldStoreANoteAtItsLimitInTheWidestCharactersAndRefuseOneMoreOrABadDate() throws Exception {
        long id = organisation("SEEM", OutreachStatus.LISTED, false);
        String note = WidestText.of(ContactAttemptRules.NOTE_LENGTH);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                        .content("{\"attemptedOn\":\"2007-07-03\",\"method\":\"email\",\"outcome\":\"no-answer\","
                                + "\"note\":\"" + note + "\"}"))
                .andExpect(status().isCreated());
        assertThat(outreach.history(id)).singleElement().extracting(ContactAttempt::note).isEqualTo(note);
        mvc.perform(ApiCalls.post("/api/organisations/{id}/attempts", id).contentType("application/json")
                        .content("{\"attemptedOn\":\"2007-02-30\",\"method\":\"email\",\"outcome\":\"no-answer\","
                                + "\"note\":\"" + WidestText.of(ContactAttemptRules.NOTE_LENGTH + 1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Date of the attempt must be a real date"))
                .andExpect(jsonPath("$.errors[1].field").value("note"));
        assertThat(outreach.history(id)).hasSize(1);
    }
}
