package org.sectormap.openreferral;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.PageCount;

/** The UK profile's page of a list: where it is in the whole, and its contents. */
final class Pages {

    private Pages() {
    }

    /** A page of a list small enough to hold whole, such as the taxonomy's five terms. */
    static Map<String, Object> of(List<Map<String, Object>> all, Feed.Paging paging) {
        int from = (int) Math.min(all.size(), paging.offset());
        int to = (int) Math.min(all.size(), paging.offset() + paging.perPage());
        return of(all.subList(from, to), all.size(), paging);
    }

    static Map<String, Object> of(List<Map<String, Object>> contents, long total, Feed.Paging paging) {
        long totalPages = PageCount.of(total, paging.perPage());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_items", total);
        json.put("total_pages", totalPages);
        json.put("page_number", paging.page());
        json.put("size", contents.size());
        json.put("first_page", paging.page() == 1);
        json.put("last_page", paging.page() >= totalPages);
        json.put("empty", contents.isEmpty());
        json.put("contents", contents);
        return json;
    }
}
