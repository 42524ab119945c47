package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.DistinctOrganisations;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The preview and the API's dry run point out rows that are probably organisations already held, or repeats. */
@DatabaseTest
class ImportDuplicatesTests {

    private static final String CSV = """
            name,status,email
            The Derby Racial Equality Council Ltd,listed,
            Leicester CVS,listed,
            Leicester Council for Voluntary Service,listed,
            Bosnia UK,listed,
            BME Youth Forum,listed,hello@lbn.example.org
            """;

    /** Filler rows between the originals and their repeats: more than a chunk ({@link ImportDuplicates#CHUNK}). */
    private static final int BETWEEN = 9_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    private long derby;
    private long network;

    private void register() {
        derby = organisations.create(OrganisationDetails.of("Derby Racial Equality Council", OutreachStatus.LISTED));
        network = organisations.create(OrganisationDetails.of("BME Youth Forum Leicester", OutreachStatus.LISTED)
                .with(OrganisationField.EMAIL, "hello@lbn.example.org"));
    }

    @Test
    void shouldListLikelyDuplicatesOnThePreviewAndStillAddEveryRowOnConfirming() throws Exception {
        register();
        Imported imported = new Imported();
        String preview = imported.remember(mvc.perform(multipart("/import").file(new MockMultipartFile("file",
                "groups.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8))).param("headerRow", "1")
                .with(csrf()))).andReturn().getResponse().getRedirectedUrl();
        Document page = Jsoup.parse(mvc.perform(get(preview).with(imported.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#duplicates-heading").text()).isEqualTo("Likely duplicates (3)");
        List<List<String>> rows = page.select("#duplicates-caption ~ tbody > tr").stream()
                .map(tr -> tr.children().eachText().subList(0, 4)).toList();
        assertThat(rows).containsExactly(
                List.of("2", "The Derby Racial Equality Council Ltd", "Derby Racial Equality Council", "Same name"),
                List.of("4", "Leicester Council for Voluntary Service", "Row 3 of this file", "Same name"),
                List.of("6", "BME Youth Forum", "BME Youth Forum Leicester",
                        "Same email address and a similar name"));
        assertThat(page.select("#duplicates-caption ~ tbody a").eachAttr("href"))
                .containsExactly("/organisations/" + derby, "/organisations/" + network);

        mvc.perform(post(preview).with(imported.session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(7);
    }

    @Test
    void shouldAnswerLikelyDuplicatesOnADryRunAndStoreNothing() throws Exception {
        register();
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "groups.csv", "text/csv",
                        CSV.getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalDuplicates").value(3))
                .andExpect(jsonPath("$.duplicates[*].row", contains(2, 4, 6)))
                .andExpect(jsonPath("$.duplicates[0].existingId").value(derby))
                .andExpect(jsonPath("$.duplicates[1].sameAsRow").value(3))
                .andExpect(jsonPath("$.duplicates[2].reason").value("SAME_EMAIL"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Integer.class)).isEqualTo(2);
    }

    /**
     * Row 2 and row 3, then thousands of other groups, then row 9,004 with row 2's name written
     * another way and row 9,005 with row 3's email address and a similar name.
     */
    private static byte[] repeatsFarApart() {
        StringBuilder csv = new StringBuilder("name,status,email\n")
                .append("Derby Racial Equality Council,listed,\n")
                .append("Leicester Somali Forum,listed,forum@somali.example.org\n");
        for (int i = 0; i < BETWEEN; i++) {
            csv.append("Group ").append(i).append(",listed,group").append(i).append("@example.org\n");
        }
        csv.append("The Derby Racial Equality Council Ltd,listed,\n")
                .append("Leicester Somali Community Forum,listed,FORUM@somali.example.org\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPreviewTheCheckMadeAsTheFileWasUploadedAndCheckAgainOnReloading() throws Exception {
        Imported imported = new Imported();
        String preview = imported.remember(mvc.perform(multipart("/import").file(new MockMultipartFile("file",
                "groups.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8))).param("headerRow", "1")
                .with(csrf()))).andReturn().getResponse().getRedirectedUrl();
        // Recorded between the upload and its preview: the upload's check, read once, did not see it.
        register();

        assertThat(duplicatesHeading(preview, imported)).isEqualTo("Likely duplicates (1)");
        assertThat(duplicatesHeading(preview, imported)).isEqualTo("Likely duplicates (3)");
    }

    private String duplicatesHeading(String preview, Imported imported) throws Exception {
        return Jsoup.parse(mvc.perform(get(preview).with(imported.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).select("#duplicates-heading").text();
    }

    @Test
    void shouldListARowRepeatingARowThousandsOfRowsEarlierOnThePreview() throws Exception {
        Imported imported = new Imported();
        String preview = imported.remember(mvc.perform(multipart("/import").file(new MockMultipartFile("file",
                "groups.csv", "text/csv", repeatsFarApart())).param("headerRow", "1").with(csrf())))
                .andReturn().getResponse().getRedirectedUrl();
        Document page = Jsoup.parse(mvc.perform(get(preview).with(imported.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#duplicates-heading").text()).isEqualTo("Likely duplicates (2)");
        assertThat(page.select("#duplicates-caption ~ tbody > tr").stream()
                .map(tr -> tr.children().eachText().subList(0, 4)).toList()).containsExactly(
                List.of("9004", "The Derby Racial Equality Council Ltd", "Row 2 of this file", "Same name"),
                List.of("9005", "Leicester Somali Community Forum", "Row 3 of this file",
                        "Same email address and a similar name"));
    }

    @Test
    void shouldAnswerARowRepeatingARowThousandsOfRowsEarlierOnADryRun() throws Exception {
        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "groups.csv", "text/csv",
                        repeatsFarApart())).param("dryRun", "true").header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalDuplicates").value(2))
                .andExpect(jsonPath("$.duplicates[*].row", contains(BETWEEN + 4, BETWEEN + 5)))
                .andExpect(jsonPath("$.duplicates[*].sameAsRow", contains(2, 3)))
                .andExpect(jsonPath("$.duplicates[*].reason", contains("SAME_NAME", "SAME_EMAIL")));
    }

    @Test
    void shouldFindNoDuplicateInAFileOfThousandsOfDistinctGroupsSharingBuildingsAndSwitchboards() throws Exception {
        StringBuilder csv = new StringBuilder("name,status,postcode,phone,email,website\n");
        for (OrganisationDetails group : DistinctOrganisations.generate(ImportDuplicates.CHUNK + 1_000,
                new Random(2007))) {
            csv.append(String.join(",", Stream.of(OrganisationField.NAME, OrganisationField.STATUS,
                    OrganisationField.POSTCODE, OrganisationField.PHONE, OrganisationField.EMAIL, OrganisationField.WEBSITE)
                    .map(field -> group.get(field) == null ? "" : labelled(group.get(field))).toList())).append('\n');
        }

        mvc.perform(multipart("/api/imports").file(new MockMultipartFile("file", "groups.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                        .header("Authorization", "Bearer " + ApiCalls.TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems").isEmpty())
                .andExpect(jsonPath("$.totalDuplicates").value(0));
    }

    private static String labelled(Object value) {
        return value instanceof OutreachStatus status ? status.code() : value.toString();
    }
}
