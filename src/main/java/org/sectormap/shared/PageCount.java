package org.sectormap.shared;

import jakarta.servlet.http.HttpServletResponse;

/** How many pages a list of a given size takes: at least one, so an empty list still shows "page 1 of 1". */
public final class PageCount {

    private PageCount() {
    }

    public static int of(long total, long pageSize) {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    /** A page past the last (an old link, or one typed) is a 404, whose page says so and links to the last. */
    public static void notFoundPast(int page, int pageCount, HttpServletResponse response) {
        if (page > pageCount) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
