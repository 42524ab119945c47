package org.sectormap.openreferral;

import static org.sectormap.openreferral.FeedIds.Kind.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.sectormap.organisation.Category;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.PublishedOrganisations;
import org.sectormap.organisation.PublishedOrganisations.Filter;
import org.sectormap.organisation.PublishedOrganisations.Published;
import org.sectormap.shared.Labels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns published organisations into the UK profile's objects: each organisation is an
 * organization with one service (its description), one location (its address and postcode) where
 * the service is offered, a service area (its area and coverage) and, when classified, the term of
 * its category in the Sector Map taxonomy. Only the organisation's own email, phone and website go
 * out; fields left empty are left out rather than sent as null. The phone is sent as HSDS 3's
 * {@code phones} of the service, which the UK profile's schemas neither list nor forbid.
 * Each answer is one read-only transaction, so its total and its page come from one snapshot (and
 * from the replica, when there is one).
 */
@Service
@Transactional(readOnly = true)
class Feed {

    static final String VERSION = "3.0";
    static final String PROFILE = "https://github.com/openreferral/uk-profile";

    private final PublishedOrganisations published;
    private final Labels labels;

    Feed(PublishedOrganisations published, Labels labels) {
        this.published = published;
        this.labels = labels;
    }

    /** One page of a list, as every list endpoint answers it. */
    record Paging(int page, int perPage) {

        long offset() {
            return (long) (page - 1) * perPage;
        }
    }

    Map<String, Object> services(Filter filter, Paging paging) {
        return page(filter, paging, p -> service(p, false));
    }

    Map<String, Object> serviceAtLocations(Filter filter, Paging paging) {
        return page(filter, paging, p -> serviceAtLocation(p, false));
    }

    Map<String, Object> organizations(Paging paging) {
        return page(Filter.NONE, paging, p -> organization(p.organisation()));
    }

    Optional<Map<String, Object>> service(String id) {
        return find(SERVICE, id).map(p -> service(p, true));
    }

    Optional<Map<String, Object>> serviceAtLocation(String id) {
        return find(SERVICE_AT_LOCATION, id).map(p -> serviceAtLocation(p, true));
    }

    Optional<Map<String, Object>> organization(String id) {
        return find(ORGANIZATION, id).map(p -> {
            Map<String, Object> json = organization(p.organisation());
            json.put("services", List.of(service(p, false)));
            return json;
        });
    }

    Map<String, Object> taxonomies(Paging paging) {
        return Pages.of(List.of(taxonomy()), paging);
    }

    Optional<Map<String, Object>> taxonomy(String id) {
        return FeedIds.TAXONOMY.toString().equalsIgnoreCase(id) ? Optional.of(taxonomy()) : Optional.empty();
    }

    Map<String, Object> taxonomyTerms(Paging paging) {
        return Pages.of(Arrays.stream(Category.values()).map(this::term).toList(), paging);
    }

    Optional<Map<String, Object>> taxonomyTerm(String id) {
        return category(id).map(this::term);
    }

    /** The category whose term this is. */
    static Optional<Category> category(String termId) {
        return Arrays.stream(Category.values()).filter(c -> FeedIds.term(c).toString().equalsIgnoreCase(termId))
                .findFirst();
    }

    private Map<String, Object> page(Filter filter, Paging paging, Function<Published, Map<String, Object>> json) {
        long total = published.count(filter);
        List<Map<String, Object>> contents = total <= paging.offset() ? List.of()
                : published.page(filter, paging.offset(), paging.perPage()).stream().map(json).toList();
        return Pages.of(contents, total, paging);
    }

    private Optional<Published> find(FeedIds.Kind kind, String id) {
        OptionalLong organisationId = FeedIds.organisationId(kind, id);
        return organisationId.isPresent() ? published.find(organisationId.getAsLong()) : Optional.empty();
    }

    private Map<String, Object> organization(Organisation o) {
        OrganisationDetails d = o.details();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.of(ORGANIZATION, o.id()).toString());
        json.put("name", d.name());
        json.put("description", description(d));
        put(json, "email", mailbox(d));
        put(json, "website", d.websiteHref());
        return json;
    }

    private Map<String, Object> service(Published p, boolean full) {
        Organisation o = p.organisation();
        OrganisationDetails d = o.details();
        String serviceId = FeedIds.of(SERVICE, o.id()).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", serviceId);
        json.put("organization_id", FeedIds.of(ORGANIZATION, o.id()).toString());
        json.put("name", d.name());
        json.put("description", description(d));
        put(json, "url", d.websiteHref());
        put(json, "email", mailbox(d));
        json.put("status", "active");
        json.put("last_modified", p.modifiedAt().toInstant().toString());
        json.put("organization", organization(o));
        if (full) {
            putList(json, "service_areas", serviceArea(o, serviceId));
            json.put("service_at_locations", List.of(atLocation(o, serviceId)));
            putList(json, "phones", phone(o, serviceId));
            putList(json, "attributes", attribute(o, serviceId));
        }
        return json;
    }

    private Map<String, Object> serviceAtLocation(Published p, boolean full) {
        Map<String, Object> json = atLocation(p.organisation(), FeedIds.of(SERVICE, p.organisation().id()).toString());
        json.put("service", service(p, full));
        return json;
    }

    private Map<String, Object> atLocation(Organisation o, String serviceId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.of(SERVICE_AT_LOCATION, o.id()).toString());
        json.put("service_id", serviceId);
        json.put("location_id", FeedIds.of(LOCATION, o.id()).toString());
        json.put("location", location(o));
        return json;
    }

    private Map<String, Object> location(Organisation o) {
        OrganisationDetails d = o.details();
        String locationId = FeedIds.of(LOCATION, o.id()).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", locationId);
        json.put("location_type", "physical");
        json.put("name", d.name());
        String address = (String) d.get(OrganisationField.ADDRESS);
        String postcode = (String) d.get(OrganisationField.POSTCODE);
        if (address != null || postcode != null) {
            // The register keeps an address as lines of text, the last the town; a postcode alone is
            // published too, as directories place a service by it.
            List<String> lines = address == null ? List.of()
                    : address.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            Map<String, Object> postal = new LinkedHashMap<>();
            postal.put("id", FeedIds.of(ADDRESS, o.id()).toString());
            postal.put("location_id", locationId);
            postal.put("address_1", String.join(", ", lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines));
            postal.put("city", lines.size() > 1 ? lines.get(lines.size() - 1) : orEmpty(d.area()));
            postal.put("state_province", orEmpty(d.area()));
            postal.put("postal_code", orEmpty(postcode));
            postal.put("country", "GB");
            postal.put("address_type", "physical");
            json.put("addresses", List.of(postal));
        }
        return json;
    }

    private List<Map<String, Object>> serviceArea(Organisation o, String serviceId) {
        OrganisationDetails d = o.details();
        String coverage = (String) d.get(OrganisationField.COVERAGE);
        if (d.area() == null && coverage == null) {
            return List.of();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.of(SERVICE_AREA, o.id()).toString());
        json.put("service_id", serviceId);
        json.put("name", d.area() != null ? d.area() : coverage);
        put(json, "description", coverage);
        return List.of(json);
    }

    private List<Map<String, Object>> phone(Organisation o, String serviceId) {
        Object number = o.details().get(OrganisationField.PHONE);
        if (number == null) {
            return List.of();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.of(PHONE, o.id()).toString());
        json.put("service_id", serviceId);
        json.put("number", number);
        return List.of(json);
    }

    private List<Map<String, Object>> attribute(Organisation o, String serviceId) {
        Category category = o.details().category();
        if (category == null) {
            return List.of();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.of(ATTRIBUTE, o.id()).toString());
        json.put("link_id", serviceId);
        json.put("link_type", "service");
        json.put("taxonomy_term_id", FeedIds.term(category).toString());
        json.put("taxonomy_term", term(category));
        return List.of(json);
    }

    private Map<String, Object> taxonomy() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.TAXONOMY.toString());
        json.put("name", labels.text("openreferral.taxonomy.name"));
        json.put("description", labels.text("openreferral.taxonomy.description"));
        return json;
    }

    private Map<String, Object> term(Category category) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", FeedIds.term(category).toString());
        json.put("name", labels.of(category));
        json.put("description", labels.text("openreferral.term." + category.code()));
        json.put("taxonomy", labels.text("openreferral.taxonomy.name"));
        json.put("taxonomy_id", FeedIds.TAXONOMY.toString());
        json.put("term", category.code());
        return json;
    }

    /** The description is required: a record without one is described by its category, else its name. */
    private String description(OrganisationDetails d) {
        if (d.description() != null) {
            return d.description();
        }
        return d.category() != null ? labels.of(d.category()) : d.name();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The schemas' "email" is an address as RFC 5321 has it, in ASCII, which the register does not ask of
     * what it keeps ("zoë@exämple.org", "x..y@example.org"): such an address is left out of the feed.
     */
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private static String mailbox(OrganisationDetails d) {
        String email = (String) d.get(OrganisationField.EMAIL);
        return email != null && MAILBOX.matcher(email).matches() ? email : null;
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static void putList(Map<String, Object> json, String name, Collection<?> values) {
        if (!values.isEmpty()) {
            json.put(name, new ArrayList<>(values));
        }
    }
}
