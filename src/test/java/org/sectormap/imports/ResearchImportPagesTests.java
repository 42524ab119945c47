package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The upload page's "What are you importing?": contact attempts through the mapping step, preview and confirmation. */
@DatabaseTest
class ResearchImportPagesTests {

    private static final String FILE = """
            Org,Date of contact,Method,Outcome,Notes
            Derby Racial Equality Council,2007-07-02,Phone,No answer,
            Leicester CVS,2007-07-03,email,Rang back later,Asked for the questionnaire
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    private final Imported imported = new Imported();

    @BeforeEach
    void register() {
        organisations.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED));
        organisations.create(OrganisationDetails.of("Leicester CVS", OutreachStatus.LISTED));
    }

    private String upload(String kind, String content) throws Exception {
        ResultActions uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "calls.csv",
                "text/csv", content.getBytes(StandardCharsets.UTF_8))).param("headerRow", "1").param("kind", kind)
                .with(imported.session()).with(csrf()));
        imported.remember(uploaded);
        return uploaded.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(imported.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private ResultActions submit(String url, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post(url).with(imported.session()).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request);
    }

    @Test
    void shouldSayAtUploadThatAFileWithANulByteIsNoTable() throws Exception {
        // A NUL byte is in no text: the mapping page it led to showed no columns and said nothing.
        ResultActions uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "calls.csv",
                "text/csv", "Org,Date of contact\nLeicester CVS,2007-07-0\u00002\n".getBytes(StandardCharsets.UTF_8)))
                .param("headerRow", "1").param("kind", "contact-attempts").with(imported.session()).with(csrf()));
        imported.remember(uploaded);
        Document page = Jsoup.parse(uploaded.andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#problems tbody td").eachText()).containsExactly("Whole file",
                "This file is not a CSV file, an Excel workbook, an Access database or an Open Referral JSON file");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isZero();
    }

    @Test
    void shouldOfferWhatIsBeingImportedOnTheUploadPage() throws Exception {
        Document upload = page("/import");
        assertThat(upload.select("input[name=kind]")).extracting(e -> e.attr("value"))
                .containsExactly("organisations", "contact-attempts", "interviews");
        assertThat(upload.selectFirst("input[name=kind][checked]").attr("value")).isEqualTo("organisations");
    }

    @Test
    void shouldMapColumnsAndOneValuePreviewAndStoreTheAttempts() throws Exception {
        String mappingUrl = upload("contact-attempts", FILE);
        assertThat(mappingUrl).matches("/import/contact-attempts/[0-9a-f]{32}/mapping");
        Document mapping = page(mappingUrl);
        Map<String, String> form = Imported.formOf(mapping);
        assertThat(form).containsEntry(Imported.selectFor(mapping, "Org"), "organisation")
                .containsEntry(Imported.selectFor(mapping, "Date of contact"), "attempted_on")
                .containsEntry(Imported.selectFor(mapping, "Method"), "method")
                .containsEntry(Imported.selectFor(mapping, "Outcome"), "outcome")
                .containsEntry(Imported.selectFor(mapping, "Notes"), "note");
        assertThat(mapping.select("#saveAs")).isEmpty();
        // "email" and "No answer" are a code and a label; "Phone" and "Rang back later" are the file's own words.
        assertThat(form).containsEntry(Imported.selectFor(mapping, "email"), "email")
                .containsEntry(Imported.selectFor(mapping, "No answer"), "no-answer")
                .containsEntry(Imported.selectFor(mapping, "Phone"), "");

        Document problems = Jsoup.parse(submit(mappingUrl, form).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(problems.select("table tbody tr").eachText()).anyMatch(t -> t.startsWith("2 Method"))
                .anyMatch(t -> t.startsWith("3 Outcome"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isZero();

        form.put(Imported.selectFor(mapping, "Phone"), "telephone");
        form.put(Imported.selectFor(mapping, "Rang back later"), "call-back-arranged");
        String preview = mappingUrl.substring(0, mappingUrl.length() - "/mapping".length());
        submit(mappingUrl, form).andExpect(redirectedUrl(preview));
        Document check = page(preview);
        assertThat(check.selectFirst("#research-count").text()).startsWith("2 rows of Contact attempts");
        assertThat(check.select("tbody tr").eachText()).containsExactly(
                "2 Derby Racial Equality Council 2007-07-02 Telephone No answer",
                "3 Leicester CVS 2007-07-03 Email Call back arranged Asked for the questionnaire");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isZero();

        mvc.perform(post(preview).with(imported.session()).with(csrf())).andExpect(redirectedUrl("/imports"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isEqualTo(2);
        Document history = page("/imports");
        assertThat(history.select("tbody tr").first().text()).contains("Contact attempts", "calls.csv");
        assertThat(history.select("tbody tr a[href$=/undo]")).isEmpty();
        // Confirming twice stores once.
        mvc.perform(post(preview).with(imported.session()).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_attempt", Integer.class)).isEqualTo(2);
    }
}
