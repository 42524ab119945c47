package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL reads a page deep in a list from where the marks of its order (V159) say the page starts:
 * each mark stays at its position as records are added, renamed, moved to another status, area or
 * category and deleted, and every page so read, either way, before the changes are taken in and after,
 * is the whole list's, by name, by status, area, category or interview date (the records without one
 * last, from an order of their own), and within one of them by name.
 */
@DatabaseTest
class OrderMarksTests {

    private static final int REGISTER = 4_000;
    private static final List<String> AREAS = List.of("Derby", "Leicester", "Nottingham");
    private static final List<Map<String, String>> LISTS = List.of(Map.of("sort", "name"),
            Map.of("sort", "name", "dir", "desc"), Map.of("sort", "status"), Map.of("sort", "status", "dir", "desc"),
            Map.of("sort", "area"), Map.of("sort", "area", "dir", "desc"), Map.of("sort", "category"),
            Map.of("sort", "category", "dir", "desc"), Map.of("sort", "interview-date"),
            Map.of("sort", "interview-date", "dir", "desc"), Map.of("sort", "interview-date", "status", "interviewed"),
            Map.of("sort", "interview-date", "dir", "desc", "status", "interviewed"), Map.of("sort", "name", "status", "interviewed"),
            Map.of("sort", "name", "dir", "desc", "status", "interviewed"), Map.of("sort", "name", "area", "Leicester"),
            Map.of("sort", "name", "dir", "desc", "area", "Leicester"),
            Map.of("sort", "name", "category", "access-point"),
            Map.of("sort", "name", "dir", "desc", "category", "access-point"), Map.of("sort", "name", "followUp", "yes"),
            Map.of("sort", "name", "dir", "desc", "followUp", "yes"), Map.of("sort", "name", "wellInformed", "no"),
            Map.of("sort", "name", "dir", "desc", "wellInformed", "no"));

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    OrderMarks marks;

    @Autowired
    QueryParameters parameters;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    private final Random random = new Random(11);

    @BeforeEach
    void onPostgres() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "The marks are PostgreSQL's; H2 reads positions from its tree");
        List<OrganisationDetails> register = new ArrayList<>();
        for (int i = 0; i < REGISTER; i++) {
            register.add(details());
        }
        service.createAll(register, null);
        assertThat(marks.mark()).isTrue();
    }

    @Test
    void shouldMarkEveryThousandthRecordOfEachOrderAtItsPosition() {
        assertThat(jdbc.queryForList("SELECT position FROM organisation_order_mark WHERE ordering = 'name' ORDER BY position",
                Long.class)).containsExactly(0L, 1_000L, 2_000L, 3_000L);
        for (OrderMarks.Ordering ordering : OrderMarks.Ordering.values()) {
            assertThat(jdbc.queryForList("SELECT position FROM organisation_order_mark WHERE ordering = ?", Long.class,
                    ordering.code())).as(ordering.code()).isNotEmpty().allMatch(p -> p % OrderMarks.SPACING == 0);
        }
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldKeepEveryMarkInPlaceAsRecordsChange() {
        change();

        assertThat(changes()).isPositive();
        assertMarksInPlace();
        assertThat(marks.mark()).isTrue();
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldMarkAgainWhenTheLastMarkingMarkedOtherOrders() {
        Object marked = jdbc.queryForObject("SELECT marked_at FROM organisation_order_marking", Object.class);
        marks.markWhenDue();
        assertThat(jdbc.queryForObject("SELECT marked_at FROM organisation_order_marking", Object.class))
                .as("nothing due").isEqualTo(marked);

        // As after an upgrade that adds an order: the marking before it knew nothing of it.
        jdbc.update("DELETE FROM organisation_order_mark WHERE ordering = 'not-well-informed'");
        jdbc.update("UPDATE organisation_order_marking SET orders = REPLACE(orders, ',not-well-informed', '')");
        assertThat(marks.usable()).as("an order without marks").isFalse();
        marks.markWhenDue();

        assertThat(marks.usable()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation_order_mark WHERE ordering = 'not-well-informed'",
                Long.class)).isPositive();
        assertMarksInPlace();
    }

    @Test
    void shouldNoteNoChangeWhereNoColumnOfAnOrderChanges() {
        Organisation o = repository.findAll(List.of(firstId())).get(0);

        service.update(o.id(), o.version(), o.details().with(OrganisationField.DESCRIPTION, "Meets on Tuesdays"));

        assertThat(changes()).isZero();
    }

    @Test
    void shouldGiveADeepPageTheRecordsTheWholeListHasThereBeforeAndAfterTheChangesAreTakenIn() {
        assertEveryDeepPage();
        change();
        assertEveryDeepPage();
        marks.mark();
        assertEveryDeepPage();
    }

    @Test
    void shouldReadADeepPageFromTheMarks() {
        // Marks moved on by two records each: a page read from them starts two records early.
        jdbc.update("UPDATE organisation_order_mark SET position = position + 2 WHERE position > 0");

        for (Map<String, String> list : List.of(Map.of("sort", "name"), Map.of("sort", "status"), Map.of("sort", "area"),
                Map.of("sort", "category"), Map.of("sort", "interview-date"), Map.of("sort", "name", "status", "interviewed"),
                Map.of("sort", "name", "area", "Leicester"), Map.of("sort", "name", "category", "access-point"),
                Map.of("sort", "name", "followUp", "yes"), Map.of("sort", "name", "wellInformed", "no"))) {
            List<Long> whole = whole(list);
            assertThat(ids(list, 151, 10)).as("%s", list).isEqualTo(whole.subList(1_498, 1_508));
        }
        // Past the thousandth record without an interview date, too, and the thousandth interviewed with one.
        Map<String, String> byDate = Map.of("sort", "interview-date");
        int undated = (int) held("interview_date", byDate) + 1_100;
        assertThat(ids(byDate, undated + 1, 1)).containsExactly(whole(byDate).get(undated - 2));
        Map<String, String> interviewed = Map.of("sort", "interview-date", "status", "interviewed");
        assertThat(held("interview_date", interviewed)).isGreaterThan(1_110);
        assertThat(ids(interviewed, 111, 10)).isEqualTo(whole(interviewed).subList(1_098, 1_108));
    }

    @Test
    void shouldReadByOffsetWhileTooManyChangesWaitToBeTakenIn() {
        List<Long> whole = whole(Map.of("sort", "name"));
        jdbc.update("UPDATE organisation_order_mark SET position = position + 2 WHERE position > 0");
        jdbc.update("INSERT INTO organisation_order_change (status, name_sort, organisation_id, organisations) "
                + "SELECT 'listed', 'zz', -x, 1 FROM generate_series(1, ?) x", OrderMarks.READ_UP_TO / 2);
        jdbc.update("INSERT INTO organisation_order_change (status, name_sort, organisation_id, organisations) "
                + "SELECT 'listed', 'zz', -x, -1 FROM generate_series(1, ?) x", OrderMarks.READ_UP_TO / 2 + 1);

        assertThat(marks.usable()).isFalse();
        assertThat(ids(Map.of("sort", "name"), 151, 10)).isEqualTo(whole.subList(1_500, 1_510));
    }

    private OrganisationDetails details() {
        // Few distinct names, so that marks fall among records of one name, told apart by id; some
        // records hold no area, category or interview date, and are in orders of their own. Half of
        // them in each of the filters (most not well informed), so that each holds pages past where a
        // page is read by OFFSET.
        Category[] categories = Category.values();
        return OrganisationDetails.of("Group " + random.nextInt(40), random.nextBoolean() ? OutreachStatus.INTERVIEWED
                        : random.nextBoolean() ? OutreachStatus.LISTED : OutreachStatus.UNREACHABLE)
                .with(OrganisationField.AREA, random.nextInt(8) == 0 ? null
                        : random.nextBoolean() ? "Leicester" : AREAS.get(random.nextInt(AREAS.size())))
                .with(OrganisationField.CATEGORY, random.nextInt(5) == 0 ? null
                        : random.nextBoolean() ? Category.ACCESS_POINT : categories[random.nextInt(categories.length)])
                .with(OrganisationField.FOLLOW_UP, random.nextInt(3) == 0 ? null : random.nextInt(3) != 0)
                .with(OrganisationField.WELL_INFORMED, random.nextInt(8) == 0 ? null : random.nextInt(3) == 0)
                .with(OrganisationField.FULL_INTERVIEW, random.nextBoolean() ? null : random.nextBoolean())
                .with(OrganisationField.CYP_BOARD, random.nextBoolean() ? null : random.nextBoolean())
                .with(OrganisationField.INTERVIEW_DATE, interviewDate());
    }

    /** A third without one, the rest on a few days. */
    private LocalDate interviewDate() {
        return random.nextInt(3) == 0 ? null : LocalDate.of(2007, 7, 1).plusDays(random.nextInt(5));
    }

    /**
     * Records added one by one and as an import does, renamed, moved, emptied of an area, ticked or not,
     * given another interview date or none, and deleted.
     */
    private void change() {
        List<OrganisationDetails> added = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            added.add(details());
        }
        service.createAll(added, null);
        service.create(OrganisationDetails.of("AAA first of all", OutreachStatus.LISTED));
        List<Organisation> all = new ArrayList<>();
        repository.forEach(parameters.read(Map.of("sort", "name")), all::add);
        for (int i = 0; i < 200; i++) {
            Organisation o = all.remove(random.nextInt(all.size()));
            OrganisationDetails d = o.details();
            switch (i % 7) {
                case 0 -> service.update(o.id(), o.version(), d.with(OrganisationField.NAME, "Renamed " + random.nextInt(40)));
                case 1 -> service.update(o.id(), o.version(), d.with(OrganisationField.AREA, null));
                case 2 -> service.update(o.id(), o.version(), d.with(OrganisationField.CATEGORY, Category.BME_NETWORK)
                        .with(OrganisationField.AREA, AREAS.get(random.nextInt(AREAS.size()))));
                case 3 -> service.update(o.id(), o.version(), d.with(OrganisationField.STATUS,
                        d.status() == OutreachStatus.LISTED ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED));
                case 4 -> service.update(o.id(), o.version(), d.with(OrganisationField.FOLLOW_UP,
                        !Boolean.TRUE.equals(d.get(OrganisationField.FOLLOW_UP)))
                        .with(OrganisationField.WELL_INFORMED, !Boolean.TRUE.equals(d.get(OrganisationField.WELL_INFORMED))));
                case 5 -> service.update(o.id(), o.version(), d.with(OrganisationField.INTERVIEW_DATE, interviewDate()));
                default -> service.delete(o.id(), o.version());
            }
        }
    }

    /** Each mark's position, with the changes before it in its order, is the number of records before it. */
    private void assertMarksInPlace() {
        for (OrderMarks.Ordering ordering : OrderMarks.Ordering.values()) {
            // Those without a value are in id order; a date is marked as its ISO text.
            String key = ordering.holdsNone() ? "id" : ordering.key();
            String changeKey = key.replace("id", "organisation_id");
            String holding = ordering.holds() == null ? "" : ordering.holds() + " AND ";
            String values = key.replaceAll("[a-z_]+", "?").replaceFirst(key.startsWith("interview_date") ? "\\?" : "^$",
                    "CAST(? AS DATE)");
            for (Map<String, Object> mark : jdbc.queryForList("SELECT * FROM organisation_order_mark WHERE ordering = ?",
                    ordering.code())) {
                List<Object> at = new ArrayList<>();
                if (ordering.column() != null && !ordering.holdsNone()) {
                    at.add(mark.get("value"));
                }
                if (key.contains("name_sort")) {
                    at.add(mark.get("name_sort"));
                }
                at.add(mark.get("organisation_id"));
                long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE " + holding
                        + "(" + key + ") < (" + values + ")", Long.class, at.toArray());
                long changed = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM organisation_order_change"
                        + " WHERE " + holding + "(" + changeKey + ") < (" + values + ")", Long.class, at.toArray());
                assertThat((Long) mark.get("position") + changed).as("mark %s", mark).isEqualTo(before);
            }
        }
    }

    private void assertEveryDeepPage() {
        assertThat(marks.usable()).isTrue();
        for (Map<String, String> list : LISTS) {
            List<Long> whole = whole(list);
            // In a column that may be empty, the page where the records without a value begin, too.
            String sorted = OrganisationQuery.Sort.valueOf(list.get("sort").toUpperCase().replace('-', '_')).column();
            long held = list.get("sort").equals("name") ? whole.size() : held(sorted, list);
            for (int size : new int[] {1, 7, 25}) {
                List<Integer> pages = new ArrayList<>(List.of((int) held / size + 1));
                for (int page = (int) OrganisationRepository.DEEP_OFFSET / size; (page - 1) * size < whole.size();
                        page += 1 + random.nextInt(size == 1 ? 120 : 30)) {
                    pages.add(page);
                }
                for (int page : pages) {
                    int from = (page - 1) * size;
                    assertThat(ids(list, page, size)).as("page %d of %d of %s", page, size, list)
                            .isEqualTo(whole.subList(Math.min(whole.size(), from), Math.min(whole.size(), from + size)));
                }
            }
        }
    }

    /** How many records of the list hold a value in the column: of a status, if the list is filtered by one. */
    private long held(String column, Map<String, String> list) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE " + column + " IS NOT NULL"
                + (list.containsKey("status") ? " AND status = '" + list.get("status") + "'" : ""), Long.class);
    }

    private long firstId() {
        return jdbc.queryForObject("SELECT MIN(id) FROM organisation", Long.class);
    }

    private List<Long> whole(Map<String, String> list) {
        List<Long> whole = new ArrayList<>();
        repository.forEach(parameters.read(list), o -> whole.add(o.id()));
        return whole;
    }

    private List<Long> ids(Map<String, String> list, int page, int size) {
        Map<String, String> params = new HashMap<>(list);
        params.put("page", String.valueOf(page));
        params.put("size", String.valueOf(size));
        return service.search(parameters.read(params)).items().stream().map(Organisation::id).toList();
    }

    private long changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation_order_change", Long.class);
    }
}
