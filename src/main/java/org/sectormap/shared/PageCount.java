package org.sectormap.shared;

/** How many pages a list of a given size takes: at least one, so an empty list still shows "page 1 of 1". */
public final class PageCount {

    private PageCount() {
    }

    public static int of(long total, long pageSize) {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
