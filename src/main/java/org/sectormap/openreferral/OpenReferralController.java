package org.sectormap.openreferral;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.sectormap.organisation.Category;
import org.sectormap.organisation.PublishedOrganisations.Filter;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The feed's endpoints, as the UK profile's openapi.json names them. Readable without signing in
 * (see SecurityConfig); every answer carries {@code Access-Control-Allow-Origin: *} (OpenReferralCors).
 */
@RestController
@RequestMapping(path = OpenReferralController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class OpenReferralController {

    static final String BASE = "/openreferral";
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;
    private static final int SEARCH_LENGTH = 500;
    private static final String FORM = "openreferral";

    private final Feed feed;
    private final Inputs inputs;

    OpenReferralController(Feed feed, Inputs inputs) {
        this.feed = feed;
        this.inputs = inputs;
    }

    @GetMapping({"", "/"})
    Map<String, Object> about() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", Feed.VERSION);
        json.put("profile", Feed.PROFILE);
        json.put("openapi_url", base() + "/openapi.json");
        return json;
    }

    /** The UK profile's own description of this API, pointed at this server. */
    @GetMapping("/openapi.json")
    String openapi() throws IOException {
        try (InputStream in = new ClassPathResource("openreferral/openapi.json").getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("\"servers\": []", "\"servers\": [{\"url\": \"" + base() + "\"}]");
        }
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam Map<String, String> params) {
        return filtered(params, feed::services);
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable String id) {
        return feed.service(id).orElseThrow(() -> notFound("service", id));
    }

    @GetMapping("/service_at_locations")
    Map<String, Object> serviceAtLocations(@RequestParam Map<String, String> params) {
        return filtered(params, feed::serviceAtLocations);
    }

    @GetMapping("/service_at_locations/{id}")
    Map<String, Object> serviceAtLocation(@PathVariable String id) {
        return feed.serviceAtLocation(id).orElseThrow(() -> notFound("service_at_location", id));
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(@RequestParam Map<String, String> params) {
        return feed.organizations(pagingOnly(params));
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable String id) {
        return feed.organization(id).orElseThrow(() -> notFound("organization", id));
    }

    @GetMapping("/taxonomies")
    Map<String, Object> taxonomies(@RequestParam Map<String, String> params) {
        return feed.taxonomies(pagingOnly(params));
    }

    @GetMapping("/taxonomies/{id}")
    Map<String, Object> taxonomy(@PathVariable String id) {
        return feed.taxonomy(id).orElseThrow(() -> notFound("taxonomy", id));
    }

    @GetMapping("/taxonomy_terms")
    Map<String, Object> taxonomyTerms(@RequestParam Map<String, String> params) {
        return feed.taxonomyTerms(pagingOnly(params));
    }

    @GetMapping("/taxonomy_terms/{id}")
    Map<String, Object> taxonomyTerm(@PathVariable String id) {
        return feed.taxonomyTerm(id).orElseThrow(() -> notFound("taxonomy_term", id));
    }

    /** A list that filters as /services does; a taxonomy or term not ours matches nothing. */
    private Map<String, Object> filtered(Map<String, String> params,
            BiFunction<Filter, Feed.Paging, Map<String, Object>> list) {
        Input in = inputs.read(FORM, params);
        Feed.Paging paging = paging(in);
        Optional<Filter> filter = filter(in);
        finish(in);
        return filter.map(f -> list.apply(f, paging)).orElseGet(() -> Pages.of(List.of(), 0, paging));
    }

    private Feed.Paging pagingOnly(Map<String, String> params) {
        Input in = inputs.read(FORM, params);
        Feed.Paging paging = paging(in);
        finish(in);
        return paging;
    }

    private static Feed.Paging paging(Input in) {
        Long page = in.number("page", 1, Integer.MAX_VALUE);
        Long perPage = in.number("per_page", 1, MAX_PER_PAGE);
        return new Feed.Paging(page == null ? 1 : page.intValue(),
                perPage == null ? DEFAULT_PER_PAGE : perPage.intValue());
    }

    /**
     * Filters the UK profile declares that the register cannot answer: it holds no ages, opening times
     * or coordinates. Ignored, they would answer "services near this postcode" with every service.
     */
    private static final List<String> UNANSWERABLE = List.of("minimum_age", "maximum_age", "start_time", "end_time",
            "day", "postcode", "proximity");

    /** The filters of /services; empty when a taxonomy or term is not one of ours, so nothing matches. */
    private static Optional<Filter> filter(Input in) {
        UNANSWERABLE.stream().filter(name -> in.raw(name) != null)
                .forEach(name -> in.problem(name, "error.openreferral.unanswerable", name));
        String search = in.line("search", SEARCH_LENGTH);
        OffsetDateTime modifiedAfter = modifiedAfter(in);
        String termId = in.line("taxonomy_term_id", SEARCH_LENGTH);
        String taxonomyId = in.line("taxonomy_id", SEARCH_LENGTH);
        Category category = null;
        if (termId != null) {
            Optional<Category> term = Feed.category(termId);
            if (term.isEmpty()) {
                return Optional.empty();
            }
            category = term.get();
        }
        if (taxonomyId != null && !FeedIds.TAXONOMY.toString().equalsIgnoreCase(taxonomyId)) {
            return Optional.empty();
        }
        return Optional.of(new Filter(search, category, taxonomyId != null, modifiedAfter));
    }

    /** A date and time with its offset (2024-05-01T09:00:00Z), or a date, meaning its start in UTC. */
    private static OffsetDateTime modifiedAfter(Input in) {
        String typed = in.line("modified_after", SEARCH_LENGTH);
        if (typed == null) {
            return null;
        }
        try {
            return typed.length() == 10 ? LocalDate.parse(typed).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(typed);
        } catch (DateTimeParseException e) {
            in.problem("modified_after", "error.openreferral.modifiedAfter");
            return null;
        }
    }

    private static void finish(Input in) {
        if (!in.valid()) {
            throw new InvalidInputException(in.problems());
        }
    }

    private static NotFoundException notFound(String kind, String id) {
        return new NotFoundException("error.notFound.openreferral", kind, id);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).build().toUriString();
    }
}
