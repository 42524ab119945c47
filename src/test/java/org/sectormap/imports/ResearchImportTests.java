package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.InterviewMode;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact attempts and interview fields imported from a sheet naming each organisation by its id
 * or its name: checked by the same rules as the pages, stored all or nothing, recorded in the history.
 */
@DatabaseTest
class ResearchImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    ResearchImportService research;

    private final JsonMapper json = JsonMapper.builder().build();

    private long derby;
    private long leicester;

    @BeforeEach
    void register() {
        derby = organisations.create(OrganisationDetails.of("The Derby Racial Equality Council Ltd",
                OutreachStatus.LISTED));
        leicester = organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
        // Two records one name folds to: a file naming it cannot say which.
        organisations.create(OrganisationDetails.of("Nottingham Sikh Centre", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Nottingham Sikh Centre Ltd", OutreachStatus.LISTED));
    }

    private static MockMultipartHttpServletRequestBuilder api(String kind, String fileName, byte[] content) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        request.file(new MockMultipartFile("file", fileName, null, content))
                .header("Authorization", "Bearer " + ApiCalls.TOKEN).param("kind", kind);
        return request;
    }

    private ResultActions send(String kind, String fileName, byte[] content, String mapping) throws Exception {
        MockMultipartHttpServletRequestBuilder request = api(kind, fileName, content);
        if (mapping != null) {
            request.param("mapping", mapping);
        }
        return mvc.perform(request);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> attempts() {
        return jdbc.queryForList("SELECT organisation_id, attempted_on, method, outcome, note FROM contact_attempt "
                + "ORDER BY organisation_id, attempted_on");
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void shouldStoreAttemptsFromACsvNamingOrganisationsByNameAndById() throws Exception {
        String file = """
                Sector Map id,Organisation name,Date of contact,Method,Outcome,Notes
                ,derby racial equality council,2007-07-02,Telephone,No answer,
                %d,,2007-07-03,email,declined,Not working with young people
                """.formatted(leicester);
        send("contact-attempts", "calls.csv", csv(file), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));

        assertThat(attempts()).extracting(row -> row.values().stream().map(String::valueOf).toList())
                .containsExactly(List.of(String.valueOf(derby), "2007-07-02", "telephone", "no-answer", "null"),
                        List.of(String.valueOf(leicester), "2007-07-03", "email", "declined",
                                "Not working with young people"));
        assertThat(jdbc.queryForObject("SELECT kind FROM import_record", String.class)).isEqualTo("contact-attempts");
        assertThat(jdbc.queryForObject("SELECT rows_added FROM import_record", Integer.class)).isEqualTo(2);
        // Each attempt is in the audit trail, as one logged on the page is.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE record_kind LIKE '%ATTEMPT%' "
                + "OR record_kind LIKE '%attempt%'", Integer.class)).isEqualTo(2);
    }

    @Test
    void shouldStoreTheDayACallBackIsForFromItsOwnColumn() throws Exception {
        String file = """
                Sector Map id,Date of contact,Method,Outcome,Call back on
                %d,2007-07-03,telephone,call back arranged,2007-07-10
                """.formatted(leicester);
        send("contact-attempts", "calls.csv", csv(file), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));

        assertThat(jdbc.queryForObject("SELECT due_on FROM contact_attempt", java.sql.Date.class)).hasToString("2007-07-10");
    }

    /** A sheet as Excel writes one: the id a number, the date a date cell; one row by name, one by id. */
    private byte[] callsWorkbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Calls");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            List<Object[]> rows = List.of(new Object[] {"Id", "Org", "Date of contact", "Method", "Outcome"},
                    new Object[] {null, "Derby Racial Equality Council", LocalDate.of(2007, 7, 2), "Phone",
                            "Rang, no reply"},
                    new Object[] {(double) leicester, null, LocalDate.of(2007, 7, 4), "Visit", "Interview arranged"});
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                Object[] cells = rows.get(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] instanceof String text) {
                        row.createCell(c).setCellValue(text);
                    } else if (cells[c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (cells[c] instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void shouldStoreAttemptsFromAWorkbookWithItsOwnWordsMapped() throws Exception {
        byte[] workbook = callsWorkbook();
        String mapping = """
                {"headerRow": 1, "columns": {"Id": "organisation_id", "Org": "organisation",
                 "Date of contact": "attempted_on", "Method": "method", "Outcome": "outcome"},
                 "values": {"method": {"Phone": "telephone"}, "outcome": {"Rang, no reply": "no-answer"}}}""";
        send("contact-attempts", "calls.xlsx", workbook, mapping).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));

        assertThat(jdbc.queryForList("SELECT organisation_id, attempted_on, method, outcome FROM contact_attempt "
                + "ORDER BY id")).extracting(row -> row.values().stream().map(String::valueOf).toList())
                .containsExactly(List.of(String.valueOf(derby), "2007-07-02", "telephone", "no-answer"),
                        List.of(String.valueOf(leicester), "2007-07-04", "visit", "interview-arranged"));
    }

    @Test
    void shouldNameTheRowAndHeadingOfEachBadRowAndStoreNothing() throws Exception {
        String file = """
                Organisation name,Date of contact,Method,Outcome
                Leicester CVS,2007-07-02,telephone,no-answer
                Bristol Community Group,2007-07-02,telephone,no-answer
                Nottingham Sikh Centre,2007-07-02,telephone,no-answer
                Leicester CVS,2nd July,telephone,no-answer
                Leicester CVS,2007-07-02,telephone,Rang back later
                """;
        JsonNode answer = body(send("contact-attempts", "calls.csv", csv(file), null)
                .andExpect(status().isUnprocessableContent()));

        assertThat(answer.get("totalErrors").asInt()).isEqualTo(4);
        List<JsonNode> errors = List.copyOf(answer.get("errors").valueStream().toList());
        assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.get("column").asString())
                .containsExactly(tuple(3, "Organisation name"), tuple(4, "Organisation name"),
                        tuple(5, "Date of contact"), tuple(6, "Outcome"));
        assertThat(errors.get(0).get("message").asString()).contains("Bristol Community Group");
        assertThat(errors.get(1).get("message").asString()).contains("2 organisations");
        assertThat(attempts()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_record", Integer.class)).isZero();
    }

    @Test
    void shouldStoreNothingWhenRow500Of600IsBad() {
        StringBuilder file = new StringBuilder("organisation_id,attempted_on,method,outcome\n");
        for (int i = 1; i <= 600; i++) {
            file.append(derby).append(',').append(i == 499 ? "not a date" : "2007-07-02")
                    .append(",telephone,no-answer\n");
        }
        ResearchReader.Read read = research.importAll(ImportKind.CONTACT_ATTEMPTS, TestFiles.csvUpload(csv(file.toString())),
                null);

        assertThat(read.valid()).isFalse();
        assertThat(read.problems()).extracting(ImportProblem::row, ImportProblem::column)
                .containsExactly(tuple(500, "attempted_on"));
        assertThat(attempts()).isEmpty();

        research.importAll(ImportKind.CONTACT_ATTEMPTS, TestFiles.csvUpload(csv(file.toString().replace("not a date",
                "2007-07-03"))), null);
        assertThat(attempts()).hasSize(600);
    }

    @Test
    void shouldUpdateOnlyTheInterviewColumnsPresentThroughTheRecordsOwnUpdate() throws Exception {
        organisations.update(derby, organisations.get(derby).version(), organisations.get(derby).details()
                .interviewed(LocalDate.of(2007, 7, 20), InterviewMode.VISIT, false, false, false, false)
                .with(OrganisationField.PHONE, "01332 000000"));
        int trailBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE record_id = ?", Integer.class,
                String.valueOf(derby));
        byte[] workbook = TestFiles.oneSheet("Interviews",
                new String[] {"Org", "Full Interview", "Follow Up"},
                new String[] {"Derby Racial Equality Council", "Y", "-1"});
        String mapping = """
                {"columns": {"Org": "organisation", "Full Interview": "full_interview", "Follow Up": "follow_up"},
                 "values": {"full_interview": {"Y": "yes"}, "follow_up": {"-1": "yes"}}}""";
        send("interviews", "interviews.xlsx", workbook, mapping).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));

        OrganisationDetails after = organisations.get(derby).details();
        assertThat(after.tick(OrganisationField.FULL_INTERVIEW)).isTrue();
        assertThat(after.tick(OrganisationField.FOLLOW_UP)).isTrue();
        assertThat(after.tick(OrganisationField.CYP_BOARD)).isFalse();
        assertThat(after.interviewDate()).isEqualTo(LocalDate.of(2007, 7, 20));
        assertThat(after.get(OrganisationField.INTERVIEW_MODE)).isEqualTo(InterviewMode.VISIT);
        assertThat(after.get(OrganisationField.PHONE)).isEqualTo("01332 000000");
        assertThat(after.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        // The earlier entries stay, and the import adds one naming just the two fields it changed.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE record_id = ?", Integer.class,
                String.valueOf(derby))).isEqualTo(trailBefore + 1);
        assertThat(jdbc.queryForList("SELECT c.field FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                + "WHERE e.record_id = ? AND e.id = (SELECT MAX(id) FROM audit_entry WHERE record_id = ?) "
                + "ORDER BY c.field", String.class, String.valueOf(derby), String.valueOf(derby)))
                .containsExactly("followUp", "fullInterview");
        assertThat(jdbc.queryForObject("SELECT rows_updated FROM import_record", Integer.class)).isEqualTo(1);
    }

    /** A blank cell is "not known here", as a column the file lacks: the record keeps its own value. */
    @Test
    void shouldKeepTheRecordsOwnValueWhereACellIsBlank() throws Exception {
        organisations.update(derby, organisations.get(derby).version(), organisations.get(derby).details()
                .interviewed(LocalDate.of(2007, 7, 20), InterviewMode.VISIT, true, false, false, false));
        String file = """
                Organisation name,Date of Interview,Follow Up
                Derby Racial Equality Council,,yes
                """;
        send("interviews", "interviews.csv", csv(file), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        OrganisationDetails after = organisations.get(derby).details();
        assertThat(after.interviewDate()).isEqualTo(LocalDate.of(2007, 7, 20));
        assertThat(after.tick(OrganisationField.FOLLOW_UP)).isTrue();
    }

    /** A row naming one organisation by id and another by name is refused: either may be the slip. */
    @Test
    void shouldRefuseARowWhoseIdAndNameDisagree() throws Exception {
        String file = """
                Sector Map id,Organisation name,Date of contact,Method,Outcome
                %d,Derby Racial Equality Council,2007-07-02,Telephone,No answer
                %d,Derby Racial Equality Council,2007-07-03,Telephone,No answer
                """.formatted(leicester, derby);
        JsonNode answer = body(send("contact-attempts", "calls.csv", csv(file), null)
                .andExpect(status().isUnprocessableContent()));
        JsonNode error = answer.get("errors").get(0);
        assertThat(answer.get("totalErrors").asInt()).isEqualTo(1);
        assertThat(error.get("row").asInt()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("Sector Map id");
        assertThat(error.get("message").asString()).contains("not Derby Racial Equality Council");
        assertThat(attempts()).isEmpty();
    }

    @Test
    void shouldReadTheFilesOwnWordsAsProposedWhenTheApiIsSentNoMapping() throws Exception {
        String file = "Org,Interviewed?,Date of Interview,Full Interview,Comments\n"
                + "Leicester CVS,Yes,2007-07-20,Y,Keen to hear more\n";
        send("interviews", "interviews.csv", csv(file), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));

        OrganisationDetails after = organisations.get(leicester).details();
        assertThat(after.status()).isEqualTo(OutreachStatus.INTERVIEWED);
        assertThat(after.interviewDate()).isEqualTo(LocalDate.of(2007, 7, 20));
        assertThat(after.tick(OrganisationField.FULL_INTERVIEW)).isTrue();
        assertThat(after.get(OrganisationField.DESCRIPTION)).isNull();
    }

    @Test
    void shouldRefuseInterviewFieldsForAnOrganisationNotInterviewed() throws Exception {
        String file = "organisation_id,full_interview\n" + leicester + ",yes\n";
        JsonNode answer = body(send("interviews", "interviews.csv", csv(file), null)
                .andExpect(status().isUnprocessableContent()));

        assertThat(answer.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(answer.get("errors").get(0).get("column").asString()).isEqualTo("full_interview");
        assertThat(organisations.get(leicester).details().tick(OrganisationField.FULL_INTERVIEW)).isNull();
    }

    @Test
    void shouldAnswerADryRunWithTheProposedMappingAndStoreNothing() throws Exception {
        String file = "Org,Date of contact,Method,Outcome\nLeicester CVS,2007-07-02,Phone,No answer\n";
        mvc.perform(api("contact-attempts", "calls.csv", csv(file)).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("contact-attempts"))
                .andExpect(jsonPath("$.proposedMapping.columns.Org").value("organisation"))
                .andExpect(jsonPath("$.proposedMapping.columns['Date of contact']").value("attempted_on"))
                .andExpect(jsonPath("$.values.method[0]").value("Phone"))
                .andExpect(jsonPath("$.problems[0].row").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("Method"));
        assertThat(attempts()).isEmpty();
    }

    @Test
    void shouldRefuseAKindItDoesNotKnowAndAMappingToAFieldNotOfTheKind() throws Exception {
        String file = "Org,Date of contact,Method,Outcome\nLeicester CVS,2007-07-02,telephone,no-answer\n";
        mvc.perform(api("referrals", "calls.csv", csv(file))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(api("contact-attempts", "calls.csv", csv(file))
                        .param("mapping", "{\"columns\": {\"Org\": \"category\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapping.columns.Org"));
        assertThat(attempts()).isEmpty();
    }
}
