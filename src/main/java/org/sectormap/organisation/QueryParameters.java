package org.sectormap.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads a search of the register from URL parameters and writes it back, so the list, the
 * review mode and the API share one bookmarkable form of a query.
 */
@Component
public class QueryParameters {

    public static final String UNCLASSIFIED = "unclassified";

    private static final int SEARCH_LENGTH = 500;
    /** The sorts' codes as URLs write them, in the order of {@link OrganisationQuery.Sort}. */
    private static final List<String> SORTS = Arrays.stream(OrganisationQuery.Sort.values())
            .map(QueryParameters::code).toList();

    private final Areas areas;
    private final Inputs inputs;

    QueryParameters(Areas areas, Inputs inputs) {
        this.areas = areas;
        this.inputs = inputs;
    }

    /** @throws BadParameterException naming the first parameter that cannot be used */
    public OrganisationQuery read(Map<String, String> params) {
        Input in = inputs.read(params);
        boolean unclassified = UNCLASSIFIED.equalsIgnoreCase(in.raw("category"));
        Category category = unclassified ? null : in.choice(Category.class, "category", null);
        String area = in.oneOf("area", areas.areas());
        OutreachStatus status = in.choice(OutreachStatus.class, "status", null);
        String sort = in.oneOf("sort", SORTS);
        String dir = in.oneOf("dir", List.of("asc", "desc"));
        Long page = in.number("page", 1, Integer.MAX_VALUE);
        Long size = in.number("size", 1, OrganisationQuery.MAX_SIZE);
        String text = in.line("q", SEARCH_LENGTH);
        OrganisationQuery query = new OrganisationQuery(text, category, unclassified, area, status,
                in.tick("fullInterview"), in.tick("followUp"), in.tick("cypBoard"), in.tick("wellInformed"),
                sort == null ? OrganisationQuery.Sort.NAME : OrganisationQuery.Sort.values()[SORTS.indexOf(sort)],
                "desc".equals(dir), page == null ? 1 : page.intValue(),
                size == null ? OrganisationQuery.DEFAULT_SIZE : size.intValue());
        if (!in.valid()) {
            String parameter = in.problems().get(0).field();
            throw new BadParameterException(parameter, params.get(parameter));
        }
        return query;
    }

    /** The query as URL parameters, leaving out defaults so links stay short. */
    public MultiValueMap<String, String> write(OrganisationQuery q) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        put(p, "q", q.text());
        put(p, "category", q.unclassified() ? UNCLASSIFIED : q.category() == null ? null : q.category().code());
        put(p, "area", q.area());
        put(p, "status", q.status() == null ? null : q.status().code());
        put(p, "fullInterview", yesNo(q.fullInterview()));
        put(p, "followUp", yesNo(q.followUp()));
        put(p, "cypBoard", yesNo(q.cypBoard()));
        put(p, "wellInformed", yesNo(q.wellInformed()));
        if (q.sort() != OrganisationQuery.Sort.NAME) {
            put(p, "sort", code(q.sort()));
        }
        put(p, "dir", q.descending() ? "desc" : null);
        if (q.size() != OrganisationQuery.DEFAULT_SIZE) {
            put(p, "size", String.valueOf(q.size()));
        }
        return p;
    }

    public String url(String path, OrganisationQuery q, Map<String, String> extra) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path).queryParams(write(q));
        extra.forEach(b::replaceQueryParam);
        return b.encode().build().toUriString();
    }

    private static void put(MultiValueMap<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.add(name, value);
        }
    }

    private static String yesNo(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    private static String code(OrganisationQuery.Sort sort) {
        return sort.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
