package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OutreachStatus;
import org.sectormap.organisation.OrganisationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/** Files in their own headings and words, mapped to ours on the mapping step and through POST /api/imports. */
@DatabaseTest
class MappingTests {

    /** The mapping a script sends for the 2007 layout: the synonyms' proposal and one value of its own. */
    private static final String MAPPING_2007 = """
            {"headerRow": 1,
             "columns": {"Organisation Name": "name", "Type of Organisation": "category", "Area": "area",
                         "Interviewed": "status", "Date of Interview": "interview_date",
                         "Full Interview": "full_interview", "Follow Up": "follow_up", "Comments": null},
             "values": {"category": {"BME Org": "bme-infrastructure",
                                     "General infrastructure organisation": "general-infrastructure"},
                        "status": {"yes": "interviewed", "no": "listed"},
                        "full_interview": {"yes": "yes", "no": "no"}, "follow_up": {"yes": "yes", "no": "no"}}}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private final Imported imported = new Imported();

    private RequestPostProcessor session() {
        return imported.session();
    }

    private List<OrganisationDetails> stored() {
        return Imported.stored(organisations);
    }

    private void assertSameRegisterAs(String csv) throws Exception {
        Imported.assertSameRegisterAs(mvc, organisations, csv);
    }

    private String uploadToMapping(String fileName, byte[] content) throws Exception {
        ResultActions uploaded = mvc.perform(multipart("/import").file(new MockMultipartFile("file", fileName, null,
                content)).param("headerRow", "1").with(session()).with(csrf()));
        imported.remember(uploaded);
        String mapping = uploaded.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mapping).endsWith("/mapping");
        return mapping;
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private ResultActions submit(String url, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post(url).with(session()).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request);
    }

    private static MockMultipartHttpServletRequestBuilder api(String fileName, byte[] content) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        request.file(new MockMultipartFile("file", fileName, null, content))
                .header("Authorization", "Bearer " + ApiCalls.TOKEN);
        return request;
    }

    /** A blank box under a mapped heading is not recorded, as in the register's own file, not "no". */
    @Test
    void shouldLeaveABlankTickBoxNotRecorded() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "ticks.csv", "text/csv",
                "Org,Interviewed?,Full Interview\nBlank Tick,Y,\nTicked,Y,Y\nUnticked,Y,N\n".getBytes(StandardCharsets.UTF_8));
        String columns = "{\"columns\": {\"Org\": \"name\", \"Interviewed?\": \"status\", \"Full Interview\": \"full_interview\"}}";
        String dryRun = mvc.perform(multipart("/api/imports").file(file).param("dryRun", "true").param("mapping", columns)
                .header("Authorization", "Bearer " + ApiCalls.TOKEN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        JsonNode proposed = JsonMapper.builder().build().readTree(dryRun).get("proposedMapping");
        assertThat(proposed.get("values").get("full_interview").propertyNames()).containsExactlyInAnyOrder("Y", "N");
        // The proposal taken as it stands, as the mapping page's "Continue" does.
        mvc.perform(multipart("/api/imports").file(file).param("mapping", proposed.toString())
                .header("Authorization", "Bearer " + ApiCalls.TOKEN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(3));
        assertThat(jdbc.sql("SELECT name, full_interview FROM organisation ORDER BY name")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getObject(2)).list())
                .containsExactly("Blank Tick=null", "Ticked=true", "Unticked=false");
    }

    @Test
    void shouldPreviewTheCheckMadeAsTheMappingWasChosenAndCheckAgainOnReloading() throws Exception {
        String mappingUrl = uploadToMapping("groups.csv", """
                Organisation name,Status
                Derby Racial Equality Council,listed
                """.getBytes(StandardCharsets.UTF_8));
        String preview = submit(mappingUrl, Imported.formOf(page(mappingUrl))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        // Recorded between the mapping and the preview: the mapping's one read of the file did not see it.
        organisations.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED));

        assertThat(page(preview).select("#duplicates-heading")).isEmpty();
        assertThat(page(preview).select("#duplicates-heading").text()).isEqualTo("Likely duplicates (1)");
    }

    @Test
    void shouldMapAWorkbookInItsOwnHeadingsBySynonymsAndImportTheSameRegisterAsOurCsv() throws Exception {
        String mappingUrl = uploadToMapping("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7));
        Document mapping = page(mappingUrl);
        Map<String, String> form = Imported.formOf(mapping);
        assertThat(form).containsEntry(Imported.selectFor(mapping, "Organisation Name"), "name")
                .containsEntry(Imported.selectFor(mapping, "Type of Organisation"), "category")
                .containsEntry(Imported.selectFor(mapping, "Area"), "area")
                .containsEntry(Imported.selectFor(mapping, "Interviewed"), "status")
                .containsEntry(Imported.selectFor(mapping, "Date of Interview"), "interview_date")
                .containsEntry(Imported.selectFor(mapping, "Full Interview"), "full_interview")
                .containsEntry(Imported.selectFor(mapping, "Follow Up"), "follow_up")
                .containsEntry(Imported.selectFor(mapping, "Comments"), "");
        // The columns read as coded fields list their values, each with the code it probably means.
        assertThat(mapping.select("#values-category tbody label").eachText())
                .containsExactly("BME Org", "General infrastructure organisation");
        assertThat(form).containsEntry(Imported.selectFor(mapping, "BME Org"), "")
                .containsEntry(Imported.selectFor(mapping, "General infrastructure organisation"), "general-infrastructure");
        assertThat(mapping.select("#values-status select option[selected]").eachAttr("value"))
                .containsExactly("interviewed", "listed");

        form.put(Imported.selectFor(mapping, "BME Org"), "bme-infrastructure");
        String preview = submit(mappingUrl, form).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        Document previewPage = page(preview);
        assertThat(previewPage.select(".lead").text()).startsWith("2 organisations will be imported");
        assertThat(previewPage.select("#ignored-columns").text()).isEqualTo("Columns ignored: Comments");
        assertThat(stored()).isEmpty();
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(stored()).extracting(OrganisationDetails::name).containsExactly("Derby REC", "Rushcliffe CVS");
        assertSameRegisterAs(TestFiles.CSV_2007);
    }

    @Test
    void shouldListAnUnmappedValueAsAProblemOfItsRowAndKeepTheMappingStep() throws Exception {
        String mappingUrl = uploadToMapping("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7));
        Document problems = Jsoup.parse(submit(mappingUrl, Imported.formOf(page(mappingUrl)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(problems.select(".error-summary a").attr("href")).isEqualTo("#problems");
        assertThat(problems.select("#problems tbody tr").first().select("td").eachText())
                .startsWith("2", "Type of Organisation");
        assertThat(problems.select("#problems tbody tr").first().text()).contains("Category must be one of");
        assertThat(problems.select("form select")).isNotEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldRefuseTwoHeadingsMappedToOneFieldWithAnErrorSummaryLinkingToTheSelect() throws Exception {
        String mappingUrl = uploadToMapping("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7));
        Document mapping = page(mappingUrl);
        Map<String, String> form = Imported.formOf(mapping);
        String comments = Imported.selectFor(mapping, "Comments");
        form.put(comments, "name");
        Document errors = Jsoup.parse(submit(mappingUrl, form).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(errors.select(".error-summary a").attr("href")).isEqualTo("#" + comments);
        assertThat(errors.select(".error-summary a").text())
                .isEqualTo("The headings 'Organisation Name' and 'Comments' are both mapped to name: map only one of them");
        assertThat(errors.select("#" + comments).attr("aria-describedby")).isEqualTo(comments + "-error");
    }

    @Test
    void shouldOfferASavedMappingAgainForTheSameHeadingsInAnotherOrder() throws Exception {
        String mappingUrl = uploadToMapping("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7));
        Document mapping = page(mappingUrl);
        assertThat(mapping.select("#saved-mapping")).isEmpty();
        Map<String, String> form = Imported.formOf(mapping);
        form.put(Imported.selectFor(mapping, "BME Org"), "bme-infrastructure");
        form.put("saveAs", "Council directory 2026");
        submit(mappingUrl, form).andExpect(status().is3xxRedirection());

        String again = uploadToMapping("council-2027.xlsx", TestFiles.workbook2007(7, 6, 5, 4, 3, 2, 1, 0));
        Document offered = page(again);
        assertThat(offered.select("#saved-mapping").text())
                .isEqualTo("Using saved mapping 'Council directory 2026'. You can still change it.");
        Map<String, String> proposed = Imported.formOf(offered);
        assertThat(proposed).containsEntry(Imported.selectFor(offered, "BME Org"), "bme-infrastructure")
                .containsEntry(Imported.selectFor(offered, "Organisation Name"), "name");
        String preview = submit(again, proposed).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(post(preview).with(session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertSameRegisterAs(TestFiles.CSV_2007);
    }

    @Test
    void shouldProposeAMappingForAnAccessDatabaseOnADryRunAndStoreNothing() throws Exception {
        mvc.perform(api("mapping2007.mdb", TestFiles.database2007(dir)).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sheets[0]").value("Organisations"))
                .andExpect(jsonPath("$.headings.length()").value(8))
                .andExpect(jsonPath("$.proposedMapping.headerRow").value(1))
                .andExpect(jsonPath("$.proposedMapping.columns['Organisation Name']").value("name"))
                .andExpect(jsonPath("$.proposedMapping.columns['Interviewed']").value("status"))
                .andExpect(jsonPath("$.proposedMapping.columns['Comments']").isEmpty())
                .andExpect(jsonPath("$.proposedMapping.values.status.yes").value("interviewed"))
                .andExpect(jsonPath("$.proposedMapping.values.status.no").value("listed"))
                .andExpect(jsonPath("$.proposedMapping.values.category['General infrastructure organisation']")
                        .value("general-infrastructure"))
                .andExpect(jsonPath("$.values.category").value(org.hamcrest.Matchers.contains("BME Org",
                        "General infrastructure organisation")))
                // Without a mapping a real run would refuse headings that are not ours: the dry run says so.
                .andExpect(jsonPath("$.problems[0].column").value("Organisation Name"))
                .andExpect(jsonPath("$.totalProblems").value(org.hamcrest.Matchers.greaterThan(0)));
        assertThat(stored()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_record").query(Long.class).single()).isZero();
    }

    @Test
    void shouldImportAnAccessDatabaseThroughTheApiWithAMappingAsTheSameRegisterAsOurCsv() throws Exception {
        byte[] database = TestFiles.database2007(dir);
        mvc.perform(api("mapping2007.mdb", database).param("mapping", MAPPING_2007).param("dryRun", "true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalProblems").value(0));
        assertThat(stored()).isEmpty();
        MockMultipartHttpServletRequestBuilder asPart = api("mapping2007.mdb", database);
        asPart.file(new MockMultipartFile("mapping", "mapping.json", "application/json",
                MAPPING_2007.getBytes(StandardCharsets.UTF_8)));
        mvc.perform(asPart).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertSameRegisterAs(TestFiles.CSV_2007);
    }

    @Test
    void shouldIgnoreHeadingsMappedToNullOrLeftOut() throws Exception {
        String mapping = """
                {"columns": {"Organisation Name": "name", "Interviewed": "status", "Comments": null},
                 "values": {"status": {"Yes": "interviewed", "No": "listed", "A value not in the file": "excluded"}}}
                """;
        mvc.perform(api("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7)).param("mapping", mapping))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
        assertThat(stored()).extracting(OrganisationDetails::name).containsExactly("Derby REC", "Rushcliffe CVS");
        assertThat(stored().get(0).category()).isNull();
    }

    @Test
    void shouldRefuseAnUnmappedRequiredFieldAndAnUnmappedValueWithTheirRows() throws Exception {
        String noStatus = """
                {"columns": {"Organisation Name": "name"}}
                """;
        mvc.perform(api("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7)).param("mapping", noStatus))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("status"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("No column of the file is mapped to 'status', which every organisation needs"));
        String unmappedValue = """
                {"columns": {"Organisation Name": "name", "Interviewed": "status", "Type of Organisation": "category"},
                 "values": {"status": {"Yes": "interviewed", "No": "listed"}}}
                """;
        mvc.perform(api("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7)).param("mapping", unmappedValue))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.totalErrors").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("Type of Organisation"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheHeadingOrValueMappedToAnUnknownFieldOrCode() throws Exception {
        String unknown = """
                {"columns": {"Organisation Name": "organisation", "Interviewed": "status"},
                 "values": {"status": {"Yes": "done"}}}
                """;
        mvc.perform(api("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7)).param("mapping", unknown))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapping.columns.Organisation Name"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "The heading 'Organisation Name' is mapped to 'organisation', which is not a column")))
                .andExpect(jsonPath("$.errors[1].field").value("mapping.values.status.Yes"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "The value 'Yes' of status is mapped to 'done', which is not one of its codes: "
                                + "interviewed, listed, excluded, unreachable"));
        mvc.perform(api("council.xlsx", TestFiles.workbook2007(0, 1, 2, 3, 4, 5, 6, 7)).param("mapping", "[1, 2]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mapping"));
        mvc.perform(multipart("/api/imports").header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldProposeTicksAndSynonymsWrittenInTheWaysSpreadsheetsWriteThem() throws Exception {
        byte[] workbook = TestFiles.oneSheet("Groups",
                new String[] {"Org", "E-mail", "Tel", "Interviewed?", "Follow-up", "Post code", "Contact person", "Web"},
                new String[] {"Derby REC", "info@example.org", "01332 000000", "x", "✓", "DE1 1AA", "A. Person",
                        "example.org"},
                new String[] {"Rushcliffe CVS", "", "", "", "-1", "", "", ""});
        mvc.perform(api("groups.xlsx", workbook).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposedMapping.columns.Org").value("name"))
                .andExpect(jsonPath("$.proposedMapping.columns['E-mail']").value("email"))
                .andExpect(jsonPath("$.proposedMapping.columns.Tel").value("phone"))
                .andExpect(jsonPath("$.proposedMapping.columns['Interviewed?']").value("status"))
                .andExpect(jsonPath("$.proposedMapping.columns['Follow-up']").value("follow_up"))
                .andExpect(jsonPath("$.proposedMapping.columns['Post code']").value("postcode"))
                .andExpect(jsonPath("$.proposedMapping.columns['Contact person']").value("contact_name"))
                .andExpect(jsonPath("$.proposedMapping.columns.Web").value("website"))
                .andExpect(jsonPath("$.proposedMapping.values.status.x").value("interviewed"))
                .andExpect(jsonPath("$.proposedMapping.values.follow_up['✓']").value("yes"))
                .andExpect(jsonPath("$.proposedMapping.values.follow_up['-1']").value("yes"));
    }
}
