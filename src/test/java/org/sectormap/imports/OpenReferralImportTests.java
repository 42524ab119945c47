package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sectormap.ApiCalls;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open Referral feed file through the same mapping step, preview, duplicate check and
 * background import as a spreadsheet; our own feed comes back as the organisations it published.
 */
@DatabaseTest
class OpenReferralImportTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    private final JsonMapper json = JsonMapper.shared();
    private final Imported imported = new Imported();

    /** What the feed says of an organisation, which its import must give back. */
    private record Published(String name, String email, String website, String postcode, Category category,
            String phone) {

        static Published of(OrganisationDetails d, boolean full) {
            return new Published(d.name(), (String) d.get(OrganisationField.EMAIL), d.websiteHref(),
                    (String) d.get(OrganisationField.POSTCODE), full ? d.category() : null,
                    full ? (String) d.get(OrganisationField.PHONE) : null);
        }
    }

    private List<Published> register(boolean full) {
        return Imported.stored(organisations).stream().map(d -> Published.of(d, full)).toList();
    }

    /** Five organisations of every shape the feed writes, published; one more that is not. */
    private List<Published> publishSome() {
        publish(OrganisationDetails.of("Leicester Somali Forum", OutreachStatus.LISTED)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.ADDRESS, "12 Melbourne Road\nLeicester")
                .with(OrganisationField.POSTCODE, "LE2 0GU")
                .with(OrganisationField.PHONE, "0116 000 0000")
                .with(OrganisationField.EMAIL, "office@somaliforum.org.uk")
                .with(OrganisationField.WEBSITE, "somaliforum.org.uk")
                .with(OrganisationField.DESCRIPTION, "Brings Somali community groups together."));
        publish(OrganisationDetails.of("Derby Interviewed Network", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_INFRASTRUCTURE)
                .with(OrganisationField.EMAIL, "hello@derbynetwork.example.org"));
        publish(OrganisationDetails.of("Nottingham Caribbean Elders", OutreachStatus.LISTED)
                .with(OrganisationField.ADDRESS, "1 Hockley")
                .with(OrganisationField.POSTCODE, "NG1 1AA")
                .with(OrganisationField.WEBSITE, "https://elders.example.org/about"));
        publish(OrganisationDetails.of("Lincoln Polish Club", OutreachStatus.LISTED)
                .with(OrganisationField.CATEGORY, Category.GENERAL_INFRASTRUCTURE)
                .with(OrganisationField.AREA, "Lincolnshire")
                .with(OrganisationField.COVERAGE, "Lincoln and Boston"));
        publish(OrganisationDetails.of("Rutland Refugee Welcome", OutreachStatus.LISTED));
        List<Published> published = register(true);
        organisations.create(OrganisationDetails.of("Hidden Unpublished Trust", OutreachStatus.LISTED));
        return published;
    }

    private void publish(OrganisationDetails details) {
        organisations.create(details.with(OrganisationField.PUBLISH, true));
    }

    private void emptyTheRegister() {
        for (Organisation o : organisations.search(org.sectormap.organisation.OrganisationQuery.all().atPage(1, 200))
                .items()) {
            organisations.delete(o.id(), o.version());
        }
        assertThat(organisations.count()).isZero();
    }

    private String feed(String path) throws Exception {
        return mvc.perform(get(path).with(anonymous())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Every page of a feed list, two records a page, as the JSON each answered. */
    private List<String> pages(String path) throws Exception {
        List<String> pages = new ArrayList<>();
        int total = json.readTree(feed(path + "?per_page=2")).get("total_pages").asInt();
        for (int page = 1; page <= total; page++) {
            pages.add(feed(path + "?per_page=2&page=" + page));
        }
        return pages;
    }

    private static MockMultipartHttpServletRequestBuilder api(String fileName, byte[] content) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/imports");
        request.file(new MockMultipartFile("file", fileName, "application/json", content))
                .header("Authorization", "Bearer " + ApiCalls.TOKEN);
        return request;
    }

    /** The dry run's proposed mapping, as a script would take it. */
    private String proposedMapping(byte[] content) throws Exception {
        String dryRun = mvc.perform(api("feed.json", content).param("dryRun", "true")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.writeValueAsString(json.readTree(dryRun).get("proposedMapping"));
    }

    /** Imports a file through the API with the mapping its dry run proposed, unchanged. */
    private ResultActions importAsProposed(byte[] content) throws Exception {
        return mvc.perform(api("feed.json", content).param("mapping", proposedMapping(content)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldGiveBackThePublishedOrganisationsFromOurOwnServicesAndServiceAtLocationsPages() throws Exception {
        List<Published> published = publishSome().stream()
                .map(p -> new Published(p.name(), p.email(), p.website(), p.postcode(), null, null)).toList();
        List<String> services = pages("/openreferral/services");
        List<String> atLocations = pages("/openreferral/service_at_locations");
        assertThat(services).hasSize(3);
        emptyTheRegister();

        for (String page : services) {
            importAsProposed(bytes(page)).andExpect(status().isOk());
        }
        // The feed lists interviewed organisations before listed ones, so they come back in that order.
        assertThat(register(false)).containsExactlyInAnyOrderElementsOf(published.stream()
                .map(p -> new Published(p.name(), p.email(), p.website(), null, null, null)).toList());

        // A service at a location carries the location's address, so the postcode comes back too.
        emptyTheRegister();
        for (String page : atLocations) {
            importAsProposed(bytes(page)).andExpect(status().isOk());
        }
        assertThat(register(false)).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void shouldGiveBackCategoriesPhonesAndPostcodesFromAnArrayOfOurFullServices() throws Exception {
        List<Published> published = publishSome();
        List<String> services = new ArrayList<>();
        for (String page : pages("/openreferral/services")) {
            for (JsonNode service : json.readTree(page).get("contents")) {
                services.add(feed("/openreferral/services/" + service.get("id").asString()));
            }
        }
        emptyTheRegister();

        importAsProposed(bytes("[" + String.join(",\n", services) + "]")).andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(5));

        assertThat(register(true)).containsExactlyInAnyOrderElementsOf(published);
        assertThat(Imported.stored(organisations)).allSatisfy(d -> assertThat(d.status())
                .isEqualTo(OutreachStatus.LISTED));
    }

    private ResultActions upload(String fileName, byte[] content) throws Exception {
        return imported.remember(mvc.perform(multipart("/import").file(new MockMultipartFile("file", fileName, null,
                content)).param("headerRow", "1").with(imported.session()).with(csrf())));
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(imported.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void shouldProposeOurFieldsForTheProfilesExampleOnTheMappingStepAndImportIt() throws Exception {
        String mappingUrl = upload("council.json", OpenReferralFileTests.example("organization_list.json"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mappingUrl).endsWith("/mapping");
        Document mapping = page(mappingUrl);
        Map<String, String> form = Imported.formOf(mapping);
        Map<String, String> proposed = new LinkedHashMap<>();
        List.of("name", "description", "status", "email", "phone").forEach(field -> proposed.put(field, field));
        proposed.putAll(Map.of("url", "website", "address_1", "address", "city", "area", "postal_code", "postcode",
                "service_area", "coverage", "taxonomy_terms", "category", "id", "", "active", "listed"));
        proposed.forEach((label, field) -> assertThat(form).containsEntry(Imported.selectFor(mapping, label), field));

        String preview = submit(mappingUrl, form).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(page(preview).select(".lead").text()).startsWith("1 organisations will be imported");
        mvc.perform(post(preview).with(imported.session()).with(csrf())).andExpect(redirectedUrl("/organisations"));
        assertThat(Imported.stored(organisations)).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Example Organization Inc.");
            assertThat(d.get(OrganisationField.EMAIL)).isEqualTo("email@example.com");
            assertThat(d.websiteHref()).isEqualTo("http://example.com");
            assertThat(d.status()).isEqualTo(OutreachStatus.LISTED);
        });
    }

    private ResultActions submit(String url, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = post(url).with(imported.session()).with(csrf());
        form.forEach(request::param);
        return mvc.perform(request);
    }

    @Test
    void shouldNameTheRecordAndFieldOfAProblemInTheProfilesFullExample() throws Exception {
        // Its address is American ("ABC 1234" is no UK postcode, "MyCity" none of our areas) and its term "name".
        importAsProposed(OpenReferralFileTests.example("service_full.json"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].sheet").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(OpenReferralFile.TABLE))))
                .andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(1))))
                .andExpect(jsonPath("$.errors[*].column").value(org.hamcrest.Matchers.containsInAnyOrder("city",
                        "postal_code", "taxonomy_terms")));
        assertThat(organisations.count()).isZero();
    }

    @Test
    void shouldAnswerBrokenJsonAndJsonThatIsNoFeedWithA422SayingWhy() throws Exception {
        byte[] broken = bytes("{\"contents\": [\n  {\"name\": \"A\"},\n  {\"name\": \"B\",, }\n]}");
        Document page = Jsoup.parse(upload("broken.json", broken).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#problems tbody td").eachText()).contains(
                "This JSON file cannot be read: it stops being valid JSON at line 3, column 16");
        mvc.perform(api("broken.json", broken)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("line 3, column 16")));

        mvc.perform(api("foo.json", bytes("{\"foo\": 1}"))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(startsWithNoFeed()));
        Document noFeed = Jsoup.parse(upload("foo.json", bytes("{\"foo\": 1}"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        assertThat(noFeed.select("#problems tbody td").text()).contains(
                "This JSON file is not an Open Referral feed");
        assertThat(organisations.count()).isZero();
    }

    private static org.hamcrest.Matcher<String> startsWithNoFeed() {
        return org.hamcrest.Matchers.startsWith("This JSON file is not an Open Referral feed");
    }

    @Test
    void shouldFindARecordThatIsAlreadyInTheRegisterOnADryRun() throws Exception {
        long existing = organisations.create(OrganisationDetails.of("Example Organisation", OutreachStatus.LISTED)
                .with(OrganisationField.EMAIL, "email@example.com"));
        byte[] services = OpenReferralFileTests.example("service_list.json");
        mvc.perform(api("services.json", services).param("mapping", proposedMapping(services)).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalDuplicates").value(1))
                .andExpect(jsonPath("$.duplicates[0].row").value(1))
                .andExpect(jsonPath("$.duplicates[0].existingId").value(existing));
    }

    @Test
    void shouldStoreALargeFeedInTheBackground() throws Exception {
        StringBuilder feed = new StringBuilder("{\"contents\": [");
        for (int i = 1; i <= 2_500; i++) {
            feed.append(i == 1 ? "" : ",").append("{\"id\": \"s").append(i).append("\", \"name\": \"Group ")
                    .append(i).append("\", \"organization_id\": \"o").append(i).append("\"}");
        }
        String answer = importAsProposed(bytes(feed.append("], \"total_items\": 2500}").toString()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(answer).get("importId").asLong();

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode job = json.readTree("{}");
        while (System.nanoTime() < deadline) {
            job = json.readTree(mvc.perform(get("/api/imports/{id}", id)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString());
            if (!"running".equals(job.get("status").asString())) {
                break;
            }
            Thread.sleep(10);
        }
        assertThat(job.get("status").asString()).isEqualTo("done");
        assertThat(job.get("rowsStored").asInt()).isEqualTo(2_500);
        assertThat(organisations.count()).isEqualTo(2_500);
    }
}
