package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.shared.Coded;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every sort of the list, in both directions, filtered or not, gives each page and the export the
 * order worked out here from the records themselves: by the sorted value, records without one last
 * whichever the direction, ties by id in the list's direction; and pages past row
 * {@value OrganisationRepository#DEEP_OFFSET} too, which are read differently.
 */
@DatabaseTest
class ListOrderTests {

    private static final int PAGE = 100;

    @Autowired
    OrganisationService service;

    @Autowired
    Areas areas;

    private record Filter(String name, Predicate<Organisation> test, OutreachStatus status, Boolean followUp) {
    }

    @Test
    void shouldPutRecordsWithoutTheSortedValueLastInEitherDirectionOnEveryPage() {
        List<Organisation> register = fill(2_300);
        List<Filter> filters = List.of(new Filter("none", o -> true, null, null),
                new Filter("interviewed", o -> o.details().status() == OutreachStatus.INTERVIEWED,
                        OutreachStatus.INTERVIEWED, null),
                new Filter("follow-up", o -> Boolean.TRUE.equals(o.details().get(OrganisationField.FOLLOW_UP)), null,
                        true));

        for (OrganisationQuery.Sort sort : OrganisationQuery.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (Filter filter : filters) {
                    List<Long> expected = register.stream().filter(filter.test())
                            .sorted(order(sort, descending)).map(Organisation::id).toList();
                    OrganisationQuery query = new OrganisationQuery(null, null, false, null, filter.status(), null,
                            filter.followUp(), null, null, sort, descending, 1, PAGE);
                    String what = sort + (descending ? " descending, " : " ascending, ") + filter.name();

                    List<Long> exported = new ArrayList<>();
                    service.forEach(query, o -> exported.add(o.id()));
                    assertThat(exported).as("export, %s", what).isEqualTo(expected);

                    for (int page = 1; (page - 1) * PAGE <= expected.size(); page++) {
                        OrganisationService.Page found = service.search(query.atPage(page, PAGE));
                        int from = (page - 1) * PAGE;
                        assertThat(found.total()).as("total, %s", what).isEqualTo(expected.size());
                        assertThat(found.items()).as("page %d, %s", page, what).map(Organisation::id)
                                .isEqualTo(expected.subList(from, Math.min(expected.size(), from + PAGE)));
                    }
                }
            }
        }
    }

    /** The list's order, stated independently of the SQL that gives it. */
    private static Comparator<Organisation> order(OrganisationQuery.Sort sort, boolean descending) {
        Comparator<Organisation> byValue = Comparator.comparing(o -> value(o, sort),
                Comparator.nullsLast(descending ? Comparator.<Comparable<Object>>reverseOrder() : Comparator.naturalOrder()));
        Comparator<Organisation> byId = Comparator.comparingLong(Organisation::id);
        return byValue.thenComparing(descending ? byId.reversed() : byId);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> value(Organisation o, OrganisationQuery.Sort sort) {
        Object value = switch (sort) {
            case NAME -> o.details().name().toLowerCase();
            case CATEGORY -> o.details().get(OrganisationField.CATEGORY);
            case AREA -> o.details().area();
            case STATUS -> o.details().status();
            case INTERVIEW_DATE -> o.details().get(OrganisationField.INTERVIEW_DATE);
        };
        return (Comparable<Object>) (Object) (value instanceof Coded coded ? coded.code() : value);
    }

    /** Few distinct values of each, so most ties are broken by id, and each nullable column often empty. */
    private List<Organisation> fill(int size) {
        Random random = new Random(2026);
        List<String> areaNames = areas.areas();
        OutreachStatus[] statuses = OutreachStatus.values();
        Category[] categories = Category.values();
        List<OrganisationDetails> details = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            OutreachStatus status = statuses[random.nextInt(statuses.length)];
            boolean interviewed = status == OutreachStatus.INTERVIEWED;
            details.add(OrganisationDetails.of((random.nextBoolean() ? "Group " : "group ") + random.nextInt(40), status)
                    .with(OrganisationField.CATEGORY, random.nextInt(4) == 0 ? null : categories[random.nextInt(categories.length)])
                    .with(OrganisationField.AREA, random.nextInt(3) == 0 ? null : areaNames.get(random.nextInt(3)))
                    .with(OrganisationField.INTERVIEW_DATE,
                            interviewed && random.nextInt(3) > 0 ? LocalDate.of(2007, 7, 1).plusDays(random.nextInt(4)) : null)
                    .with(OrganisationField.FOLLOW_UP, interviewed ? random.nextBoolean() : null)
                    .with(OrganisationField.EXCLUSION_REASON,
                            status == OutreachStatus.EXCLUDED ? ExclusionReason.values()[0] : null));
        }
        service.createAll(details, null);
        List<Organisation> all = new ArrayList<>();
        service.forEach(OrganisationQuery.all(), all::add);
        assertThat(all).hasSize(size);
        return all;
    }
}
