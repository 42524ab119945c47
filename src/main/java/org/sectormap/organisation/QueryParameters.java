package org.sectormap.organisation;

import org.sectormap.shared.Coded;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.sectormap.shared.BadParameterException;
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

    private final Areas areas;

    QueryParameters(Areas areas) {
        this.areas = areas;
    }

    public OrganisationQuery read(Map<String, String> params) {
        Function<String, String> get = name -> {
            String v = params.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        };
        String categoryText = get.apply("category");
        boolean unclassified = UNCLASSIFIED.equalsIgnoreCase(categoryText);
        Category category = unclassified || categoryText == null ? null
                : Coded.fromCode(Category.class, categoryText).orElseThrow(() -> bad("category", categoryText));
        String areaText = get.apply("area");
        String area = areaText == null ? null : areas.find(areaText).orElseThrow(() -> bad("area", areaText));
        String statusText = get.apply("status");
        OutreachStatus status = statusText == null ? null
                : Coded.fromCode(OutreachStatus.class, statusText).orElseThrow(() -> bad("status", statusText));
        String sortText = get.apply("sort");
        OrganisationQuery.Sort sort = sortText == null ? OrganisationQuery.Sort.NAME : sort(sortText);
        String dir = get.apply("dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw bad("dir", dir);
        }
        int page = number(get, "page", 1, 1, Integer.MAX_VALUE);
        int size = number(get, "size", OrganisationQuery.DEFAULT_SIZE, 1, OrganisationQuery.MAX_SIZE);
        return new OrganisationQuery(get.apply("q"), category, unclassified, area, status,
                yesNo(get, "fullInterview"), yesNo(get, "followUp"), yesNo(get, "cypBoard"), yesNo(get, "wellInformed"),
                sort, "desc".equals(dir), page, size);
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
            put(p, "sort", q.sort().name().toLowerCase(Locale.ROOT).replace('_', '-'));
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

    private static OrganisationQuery.Sort sort(String text) {
        for (OrganisationQuery.Sort s : OrganisationQuery.Sort.values()) {
            if (s.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                return s;
            }
        }
        throw bad("sort", text);
    }

    private static Boolean yesNo(Function<String, String> get, String name) {
        String v = get.apply(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw bad(name, v);
        };
    }

    private static int number(Function<String, String> get, String name, int fallback, int min, int max) {
        String v = get.apply(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw bad(name, v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, v);
        }
    }

    private static BadParameterException bad(String parameter, String value) {
        return new BadParameterException(parameter, value);
    }
}
