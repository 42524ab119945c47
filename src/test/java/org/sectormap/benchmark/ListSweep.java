package org.sectormap.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.QueryParameters;

/**
 * Every filter set of a list the benchmark's register holds, with every sort, either way, at the first
 * page and at the page in the middle of its matches: the "every filter combination and sort",
 * where the benchmark's named operations time a few. Each is timed a few times after one untimed
 * read, and only once more if that read took over a second. Prints how many took over 50 ms at the
 * median and which.
 */
final class ListSweep {

    private static final double TARGET_MS = 50;
    private static final int PAGE_SIZE = 25;

    private final OrganisationService organisations;
    private final QueryParameters parameters;

    ListSweep(OrganisationService organisations, QueryParameters parameters) {
        this.organisations = organisations;
        this.parameters = parameters;
    }

    private record Timed(String list, double medianMs) {
    }

    String sweep(String category, String area, int runs) {
        List<Map<String, String>> filters = List.of(Map.of(), Map.of("category", category),
                Map.of("category", "unclassified"), Map.of("area", area), Map.of("status", "interviewed"),
                Map.of("status", "listed"), Map.of("followUp", "yes"), Map.of("followUp", "no"),
                Map.of("category", category, "area", area), Map.of("category", category, "status", "interviewed"),
                Map.of("status", "interviewed", "area", area), Map.of("status", "interviewed", "followUp", "yes"),
                Map.of("category", "unclassified", "status", "interviewed"), Map.of("area", area, "followUp", "no"),
                Map.of("category", category, "status", "interviewed", "area", area),
                Map.of("area", area, "followUp", "yes", "fullInterview", "yes"), Map.of("q", "forum"),
                Map.of("q", "forum", "category", category));
        List<Timed> timed = new ArrayList<>();
        for (Map<String, String> filter : filters) {
            for (String sort : List.of("name", "status", "area", "category", "interview-date")) {
                for (String dir : List.of("asc", "desc")) {
                    Map<String, String> params = new HashMap<>(filter);
                    params.put("sort", sort);
                    params.put("dir", dir);
                    params.put("size", String.valueOf(PAGE_SIZE));
                    long total = organisations.search(parameters.read(params)).total();
                    long middle = Math.max(1, total / PAGE_SIZE / 2);
                    for (long page : middle > 1 ? List.of(1L, middle) : List.of(1L)) {
                        params.put("page", String.valueOf(page));
                        timed.add(new Timed(params.toString(), time(params, runs)));
                    }
                }
            }
        }
        timed.sort(Comparator.comparingDouble(Timed::medianMs).reversed());
        List<Timed> over = timed.stream().filter(t -> t.medianMs() > TARGET_MS).toList();
        StringBuilder out = new StringBuilder(String.format("%nEvery list (%d filter sets x 5 sorts x 2 directions, first and "
                + "middle page): %d timed, %d over %.0f ms at the median%n", filters.size(), timed.size(), over.size(), TARGET_MS));
        over.forEach(t -> out.append(String.format("  %10.1f ms  %s%n", t.medianMs(), t.list())));
        out.append(String.format("  the rest: %.1f to %.1f ms%n", timed.get(timed.size() - 1).medianMs(),
                timed.stream().filter(t -> t.medianMs() <= TARGET_MS).mapToDouble(Timed::medianMs).max().orElse(0)));
        return out.toString();
    }

    private double time(Map<String, String> params, int runs) {
        double first = once(params);
        int times = first > 1_000 ? 1 : runs;
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            ms[i] = once(params);
        }
        Arrays.sort(ms);
        return ms[times / 2];
    }

    private double once(Map<String, String> params) {
        long start = System.nanoTime();
        organisations.search(parameters.read(params));
        return (System.nanoTime() - start) / 1e6;
    }
}
