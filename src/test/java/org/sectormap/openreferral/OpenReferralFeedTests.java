package org.sectormap.openreferral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.organisation.Category;
import org.sectormap.organisation.ExclusionReason;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@DatabaseTest
class OpenReferralFeedTests {

    private static final String CONTACT_NAME = "Zainab Qwertyperson";
    private static final String CONTACT_ROLE = "Xylophone coordinator";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    private long publish(OrganisationDetails details) {
        return organisations.create(details.with(OrganisationField.PUBLISH, true));
    }

    private static OrganisationDetails full(String name, OutreachStatus status) {
        return OrganisationDetails.of(name, status)
                .with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                .with(OrganisationField.AREA, "Leicester")
                .with(OrganisationField.COVERAGE, "Highfields and Belgrave")
                .with(OrganisationField.ADDRESS, "12 Melbourne Road\nHighfields\nLeicester")
                .with(OrganisationField.POSTCODE, "LE2 0GU")
                .with(OrganisationField.PHONE, "0116 000 0000")
                .with(OrganisationField.EMAIL, "office@somaliforum.org.uk")
                .with(OrganisationField.WEBSITE, "somaliforum.org.uk")
                .with(OrganisationField.CONTACT_NAME, CONTACT_NAME)
                .with(OrganisationField.CONTACT_ROLE, CONTACT_ROLE)
                .with(OrganisationField.DESCRIPTION, "Brings Somali community groups across Leicester together.");
    }

    /** Published and not: a listed and an interviewed one appear; the rest never do. */
    private long registerOfEveryKind() {
        long shown = publish(full("Leicester Somali Forum", OutreachStatus.LISTED));
        publish(OrganisationDetails.of("Derby Interviewed Network", OutreachStatus.INTERVIEWED)
                .with(OrganisationField.CATEGORY, Category.BME_INFRASTRUCTURE)
                .with(OrganisationField.FULL_INTERVIEW, true));
        organisations.create(full("Hidden Unpublished Trust", OutreachStatus.LISTED));
        publish(OrganisationDetails.of("Excluded Ticked Anyway", OutreachStatus.EXCLUDED)
                .with(OrganisationField.EXCLUSION_REASON, ExclusionReason.ADULTS_ONLY));
        publish(OrganisationDetails.of("Unreachable Ticked Anyway", OutreachStatus.UNREACHABLE));
        return shown;
    }

    private String body(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(anonymous())).andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*")).andReturn();
        assertThat(result.getRequest().getSession(false)).as("no session for %s", path).isNull();
        return result.getResponse().getContentAsString();
    }

    /** Every page of a list, checked against the page schema and each item against its own; the items. */
    private List<JsonNode> everyPage(String path, String itemSchema, int perPage) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        JsonNode first = json.readTree(body(path + separator + "per_page=" + perPage));
        long total = first.get("total_items").asLong();
        long pages = first.get("total_pages").asLong();
        for (int page = 1; page <= pages; page++) {
            String text = body(path + separator + "per_page=" + perPage + "&page=" + page);
            FeedSchemas.assertValid("page", text);
            JsonNode node = json.readTree(text);
            assertThat(node.get("page_number").asInt()).isEqualTo(page);
            assertThat(node.get("first_page").asBoolean()).isEqualTo(page == 1);
            assertThat(node.get("last_page").asBoolean()).isEqualTo(page == pages);
            assertThat(node.get("size").asInt()).isEqualTo(node.get("contents").size());
            assertThat(node.get("empty").asBoolean()).isEqualTo(node.get("contents").isEmpty());
            for (JsonNode item : node.get("contents")) {
                FeedSchemas.assertValid(itemSchema, json.writeValueAsString(item));
                items.add(item);
            }
        }
        assertThat(items).as("total_items is the sum of the pages' sizes").hasSize((int) total);
        return items;
    }

    @Test
    void shouldAnswerVersionProfileAndItsOwnOpenApi() throws Exception {
        JsonNode about = json.readTree(body("/openreferral/"));
        assertThat(about.get("version").asString()).isEqualTo("3.0");
        assertThat(about.get("profile").asString()).startsWith("https://");
        assertThat(about.get("openapi_url").asString()).isEqualTo("http://localhost/openreferral/openapi.json");
        JsonNode openapi = json.readTree(body("/openreferral/openapi.json"));
        assertThat(openapi.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost/openreferral");
        assertThat(openapi.get("paths").has("/services")).isTrue();
    }

    @Test
    void shouldValidateEveryPageAndRecordAgainstTheUkProfile() throws Exception {
        registerOfEveryKind();
        for (int i = 1; i <= 5; i++) {
            publish(OrganisationDetails.of("Paged Group " + i, OutreachStatus.LISTED));
        }
        // 7 published at 3 a page: a first, a middle and a last page.
        List<JsonNode> services = everyPage("/openreferral/services", "service_list", 3);
        assertThat(services).hasSize(7);
        for (JsonNode service : services) {
            FeedSchemas.assertValid("service", body("/openreferral/services/" + service.get("id").asString()));
        }
        for (JsonNode at : everyPage("/openreferral/service_at_locations", "service_at_location_list", 3)) {
            FeedSchemas.assertValid("service_at_location",
                    body("/openreferral/service_at_locations/" + at.get("id").asString()));
        }
        for (JsonNode organization : everyPage("/openreferral/organizations", "organization_list", 3)) {
            FeedSchemas.assertValid("organization",
                    body("/openreferral/organizations/" + organization.get("id").asString()));
        }
        for (JsonNode taxonomy : everyPage("/openreferral/taxonomies", "taxonomy", 1)) {
            FeedSchemas.assertValid("taxonomy", body("/openreferral/taxonomies/" + taxonomy.get("id").asString()));
        }
        List<JsonNode> terms = everyPage("/openreferral/taxonomy_terms", "taxonomy_term", 2);
        assertThat(terms).hasSize(5);
        for (JsonNode term : terms) {
            FeedSchemas.assertValid("taxonomy_term", body("/openreferral/taxonomy_terms/" + term.get("id").asString()));
        }
    }

    @Test
    void shouldAnswerAnEmptyFeedThatIsStillValid() throws Exception {
        organisations.create(full("Hidden Unpublished Trust", OutreachStatus.LISTED));
        for (String list : List.of("services", "service_at_locations", "organizations")) {
            String text = body("/openreferral/" + list);
            FeedSchemas.assertValid("page", text);
            JsonNode page = json.readTree(text);
            assertThat(page.get("total_items").asInt()).isZero();
            assertThat(page.get("empty").asBoolean()).isTrue();
            assertThat(page.get("first_page").asBoolean()).isTrue();
            assertThat(page.get("last_page").asBoolean()).isTrue();
        }
    }

    @Test
    void shouldShowOnlyPublishedListedOrInterviewedAndNoContactPerson() throws Exception {
        long shown = registerOfEveryKind();
        StringBuilder everything = new StringBuilder();
        for (String list : List.of("services", "service_at_locations", "organizations")) {
            String text = body("/openreferral/" + list);
            everything.append(text);
            assertThat(json.readTree(text).get("total_items").asInt()).isEqualTo(2);
        }
        everything.append(body("/openreferral/services/" + FeedIds.of(FeedIds.Kind.SERVICE, shown)));
        everything.append(body("/openreferral/service_at_locations/"
                + FeedIds.of(FeedIds.Kind.SERVICE_AT_LOCATION, shown)));
        everything.append(body("/openreferral/organizations/" + FeedIds.of(FeedIds.Kind.ORGANIZATION, shown)));
        String all = everything.toString();
        assertThat(all).contains("Leicester Somali Forum", "Derby Interviewed Network", "LE2 0GU", "0116 000 0000",
                "office@somaliforum.org.uk", "https://somaliforum.org.uk", "Highfields and Belgrave");
        assertThat(all).doesNotContain("Hidden Unpublished Trust", "Excluded Ticked Anyway",
                "Unreachable Ticked Anyway", CONTACT_NAME, "Qwertyperson", CONTACT_ROLE, "full_interview", "null");
    }

    /**
     * Websites and emails kept before they were checked as addresses are left out where the schemas'
     * "uri" and "email" would refuse them; an accented domain goes out in punycode; every line of an
     * address is published, and a postcode without one.
     */
    @Test
    void shouldPublishOnlyAddressesTheSchemasTakeAndEveryLineOfAPostalAddress() throws Exception {
        long accented = publish(OrganisationDetails.of("Accented Domain Group", OutreachStatus.LISTED)
                .with(OrganisationField.WEBSITE, "société.example/accueil")
                .with(OrganisationField.ADDRESS, "Unit 4, Enterprise House\n27 Station Road\nLong Eaton\nNottingham"));
        long odd = publish(OrganisationDetails.of("Odd Links Group", OutreachStatus.LISTED)
                .with(OrganisationField.POSTCODE, "LE1 1AA"));
        // Kept before websites were checked: the forms now refuse these.
        jdbc.update("UPDATE organisation SET website = 'ftp:weird.example', email = 'x..y@weird.example' WHERE id = ?", odd);
        for (String value : List.of("ftp:weird.example", "http://evil.example/x?a=1&b=\"2\"", "exa|mple.org")) {
            assertThat(OrganisationField.WEBSITE.kind().fits(value)).as(value).isFalse();
        }
        everyPage("/openreferral/services?per_page=10", "service_list", 10);
        JsonNode accentedService = json.readTree(body("/openreferral/services/" + FeedIds.of(FeedIds.Kind.SERVICE, accented)));
        FeedSchemas.assertValid("service", json.writeValueAsString(accentedService));
        assertThat(accentedService.get("url").asString()).isEqualTo("https://xn--socit-esab.example/accueil");
        JsonNode address = accentedService.get("service_at_locations").get(0).get("location").get("addresses").get(0);
        assertThat(address.get("address_1").asString()).isEqualTo("Unit 4, Enterprise House, 27 Station Road, Long Eaton");
        assertThat(address.get("city").asString()).isEqualTo("Nottingham");
        String oddText = body("/openreferral/services/" + FeedIds.of(FeedIds.Kind.SERVICE, odd));
        FeedSchemas.assertValid("service", oddText);
        JsonNode oddService = json.readTree(oddText);
        assertThat(oddService.has("url")).isFalse();
        assertThat(oddService.has("email")).isFalse();
        assertThat(oddService.get("service_at_locations").get(0).get("location").get("addresses").get(0)
                .get("postal_code").asString()).isEqualTo("LE1 1AA");
    }

    @Test
    void shouldFilterServicesBySearchTermTaxonomyAndModifiedAfter() throws Exception {
        long somali = registerOfEveryKind();
        assertThat(names("/openreferral/services?search=SOMALI")).containsExactly("Leicester Somali Forum");
        assertThat(names("/openreferral/services?search=" + CONTACT_NAME.substring(0, 6))).isEmpty();
        assertThat(names("/openreferral/services?taxonomy_term_id=" + FeedIds.term(Category.BME_INFRASTRUCTURE)))
                .containsExactly("Derby Interviewed Network");
        assertThat(names("/openreferral/services?taxonomy_id=" + FeedIds.TAXONOMY)).hasSize(2);
        assertThat(names("/openreferral/services?taxonomy_id=" + UUID.randomUUID())).isEmpty();
        assertThat(names("/openreferral/services?taxonomy_term_id=" + UUID.randomUUID())).isEmpty();

        Thread.sleep(20);
        OrganisationDetails changed = organisations.get(somali).details()
                .with(OrganisationField.DESCRIPTION, "Changed later");
        organisations.update(somali, organisations.get(somali).version(), changed);
        String since = json.readTree(body("/openreferral/services/" + FeedIds.of(FeedIds.Kind.SERVICE, somali)))
                .get("last_modified").asString();
        assertThat(names("/openreferral/services?modified_after=" + since)).containsExactly("Leicester Somali Forum");
        assertThat(names("/openreferral/services?modified_after=2000-01-01")).hasSize(2);
    }

    private List<String> names(String path) throws Exception {
        List<String> names = new ArrayList<>();
        json.readTree(body(path)).get("contents").forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    @Test
    void shouldRefuseBadPagingWithJsonNamingTheParameter() throws Exception {
        // The profile's filters the register cannot answer are refused rather than ignored, on both lists.
        for (String query : List.of("page=0", "page=x", "per_page=0", "per_page=201", "per_page=-3",
                "modified_after=yesterday", "postcode=DE1", "minimum_age=5", "day=monday")) {
            String field = query.substring(0, query.indexOf('='));
            String list = field.equals("postcode") ? "service_at_locations" : "services";
            String text = mvc.perform(get("/openreferral/" + list + "?" + query).with(anonymous()))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                    .andReturn().getResponse().getContentAsString();
            JsonNode error = json.readTree(text).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(field);
            assertThat(error.get("message").asString()).contains(field);
        }
        mvc.perform(get("/openreferral/taxonomies?per_page=1000").with(anonymous())).andExpect(status().isBadRequest());
    }

    @Test
    void shouldAnswer404JsonForUnknownAndUnpublishedIds() throws Exception {
        long hidden = organisations.create(full("Hidden Unpublished Trust", OutreachStatus.LISTED));
        for (String path : List.of("/openreferral/services/" + UUID.randomUUID(), "/openreferral/services/nonsense",
                "/openreferral/services/" + FeedIds.of(FeedIds.Kind.SERVICE, hidden),
                "/openreferral/organizations/" + FeedIds.of(FeedIds.Kind.ORGANIZATION, hidden),
                "/openreferral/organizations/" + FeedIds.of(FeedIds.Kind.SERVICE, hidden),
                "/openreferral/service_at_locations/" + UUID.randomUUID(),
                "/openreferral/taxonomies/" + UUID.randomUUID(), "/openreferral/taxonomy_terms/x")) {
            String text = mvc.perform(get(path).with(anonymous())).andExpect(status().isNotFound())
                    .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(json.readTree(text).get("error").asString()).startsWith("No published");
            assertThat(text).doesNotContain("Hidden Unpublished Trust");
        }
    }

    @Test
    void shouldBeReadableWithoutSigningInWhileTheRestStillAsksToSignIn() throws Exception {
        registerOfEveryKind();
        mvc.perform(get("/openreferral/services").with(anonymous())).andExpect(status().isOk());
        // What a client or a browser's preflight may ask first.
        mvc.perform(head("/openreferral/services").with(anonymous())).andExpect(status().isOk());
        mvc.perform(options("/openreferral/services").with(anonymous())).andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(post("/openreferral/services").with(anonymous())).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET, HEAD, OPTIONS"))
                .andExpect(jsonPath("$.error").value("This feed is read only: it answers GET, HEAD and OPTIONS"));
        mvc.perform(get("/openreferral/nothing").with(anonymous())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("There is no API endpoint /openreferral/nothing"));
        mvc.perform(get("/organisations").with(anonymous())).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/sign-in")));
        mvc.perform(get("/api/organisations").with(anonymous())).andExpect(status().isUnauthorized());
    }
}
