package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Where a page of a list read in an index's order starts, read from H2's B-tree, is where OFFSET reaches,
 * in either direction, among all records or those of a status, an area or both, among those holding a
 * value in the sorted column or those without, with the next value after it; nothing is read so while
 * another transaction's entries in the index are not yet committed; and a deep page of the list on H2
 * starts there rather than stepping through an OFFSET.
 */
@DatabaseTest
class IndexPositionsTests {

    private static final int SIZE = (int) OrganisationRepository.DEEP_OFFSET * 2 + 600;

    @Autowired
    OrganisationService service;

    @Autowired
    Areas areas;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldStartWhereOffsetReachesInEitherDirection() {
        fill();
        IndexPositions positions = new IndexPositions(jdbc);
        String area = areas.areas().get(2);
        List<IndexPositions.Part> parts = List.of(
                new IndexPositions.Part("organisation_interview_date_order", Map.of(), "interview_date"),
                new IndexPositions.Part("organisation_area_order", Map.of(), "area"),
                new IndexPositions.Part("organisation_area_name", Map.of("area", area), "name_sort"),
                new IndexPositions.Part("organisation_name_sort_idx", Map.of(), "name_sort"),
                new IndexPositions.Part("organisation_status_order", Map.of(), "status"),
                new IndexPositions.Part("organisation_status_name", Map.of("status", "listed"), "name_sort"),
                new IndexPositions.Part("organisation_follow_up_name", Map.of("follow_up", true), "name_sort"),
                new IndexPositions.Part("organisation_follow_up_name", Map.of("follow_up", false), "name_sort"),
                new IndexPositions.Part("organisation_appendix", ordered("status", "interviewed", "area", area),
                        "name_sort"));
        boolean h2 = url.startsWith("jdbc:h2:");

        for (IndexPositions.Part part : parts) {
            for (boolean descending : new boolean[] {false, true}) {
                List<IndexPositions.Start> whole = byOffset(part, descending);
                assertThat(whole).as("%s", part).hasSizeGreaterThan(50);
                long holding = whole.stream().filter(s -> s.value() != null).count();
                for (long at : List.of(0L, 1L, holding / 3, holding - 1, holding, (long) whole.size() - 1)) {
                    Optional<IndexPositions.Start> found = positions.start(part, at, descending);
                    String what = part + " at " + at + (descending ? ", descending" : "");
                    if (h2 && at < whole.size()) {
                        assertThat(found).as(what).contains(whole.get((int) at));
                    } else {
                        // PostgreSQL keeps no counts in its index's pages: there a page steps through an OFFSET.
                        assertThat(found).as(what).isEmpty();
                    }
                }
                assertThat(positions.start(part, whole.size(), descending)).as("past the end").isEmpty();
            }
        }
        assertThat(positions.start(new IndexPositions.Part("organisation_status_name", Map.of("status", "excluded"),
                "name_sort"), 0, false)).as("a status no record holds").isEmpty();
        assertThat(positions.start(new IndexPositions.Part("organisation_status_name", Map.of("status", "listed"),
                "area"), 0, false)).as("an index in another order").isEmpty();
    }

    /**
     * Records held by every part, read side by side or each of the smallest part's looked up in the
     * others: not a record past the end of a part whose entry begins the next part of the same index.
     */
    @Test
    void shouldJoinOnlyTheRecordsEveryPartHolds() {
        List<OrganisationDetails> register = new ArrayList<>();
        register.add(OrganisationDetails.of("Aa", OutreachStatus.LISTED).with(OrganisationField.CATEGORY, Category.ACCESS_POINT)
                .with(OrganisationField.AREA, "Derby city"));
        for (int i = 0; i < 10; i++) {
            register.add(OrganisationDetails.of("Ab " + i, OutreachStatus.LISTED)
                    .with(OrganisationField.CATEGORY, Category.ACCESS_POINT).with(OrganisationField.AREA, "Leicester"));
        }
        // After every access point by name, and the first of the next category's records in the index.
        register.add(OrganisationDetails.of("Zz", OutreachStatus.LISTED)
                .with(OrganisationField.CATEGORY, Category.BME_INFRASTRUCTURE).with(OrganisationField.AREA, "Derby city"));
        service.createAll(register, null);
        List<Long> ids = jdbc.queryForList("SELECT id FROM organisation ORDER BY name_sort, id", Long.class);
        IndexPositions positions = new IndexPositions(jdbc);
        List<IndexPositions.Part> parts = List.of(
                new IndexPositions.Part("organisation_category_name", Map.of("category", "access-point"), "name_sort"),
                new IndexPositions.Part("organisation_area_name", Map.of("area", "Derby city"), "name_sort"));
        boolean h2 = url.startsWith("jdbc:h2:");
        for (boolean descending : new boolean[] {false, true}) {
            assertThat(positions.common(parts, 0, 10, descending)).as("descending %s", descending)
                    .isEqualTo(h2 ? Optional.of(List.of(ids.get(0))) : Optional.empty());
        }
        // Three parts, each about the size of the others: read side by side.
        List<IndexPositions.Part> three = List.of(parts.get(0),
                new IndexPositions.Part("organisation_area_name", Map.of("area", "Leicester"), "name_sort"),
                new IndexPositions.Part("organisation_status_name", Map.of("status", "listed"), "name_sort"));
        assertThat(positions.common(three, 2, 3, true))
                .isEqualTo(h2 ? Optional.of(List.of(ids.get(8), ids.get(7), ids.get(6))) : Optional.empty());
    }

    @Test
    void shouldFindNothingWhileAnotherTransactionsEntriesInTheIndexAreNotYetCommitted() throws Exception {
        fill();
        IndexPositions positions = new IndexPositions(jdbc);
        IndexPositions.Part byName = new IndexPositions.Part("organisation_name_sort_idx", Map.of(), "name_sort");
        boolean h2 = url.startsWith("jdbc:h2:");
        assertThat(positions.start(byName, 10, false).isPresent()).isEqualTo(h2);

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                // Columns the index does not hold: its entries stay as they were.
                statement.executeUpdate("UPDATE organisation SET phone = '0116 255 0000' WHERE status = 'unreachable'");
                assertThat(positions.start(byName, 10, false).isPresent()).isEqualTo(h2);
                // Each changed name is the old entry and a new one until the change commits.
                statement.executeUpdate("UPDATE organisation SET name_sort = CONCAT('a ', name_sort) WHERE status = 'unreachable'");
                assertThat(positions.start(byName, 10, false)).isEmpty();
                other.rollback();
                // A new record is a new entry in every index until it commits.
                statement.executeUpdate("INSERT INTO organisation (version, name, name_sort, status, search_text) "
                        + "VALUES (0, 'Aardvark', 'aardvark', 'listed', 'aardvark')");
                assertThat(positions.start(byName, 10, false)).isEmpty();
            }
            other.rollback();
        }
        assertThat(positions.start(byName, 10, false).isPresent()).isEqualTo(h2);
    }

    @Test
    void shouldReadADeepPageOnH2WithoutAnOffset() {
        fill();
        boolean h2 = url.startsWith("jdbc:h2:");
        if (h2) {
            jdbc.execute("SET QUERY_STATISTICS TRUE");
        }
        try {
            OrganisationQuery query = new OrganisationQuery(null, null, false, null, OutreachStatus.LISTED, null, null,
                    null, null, OrganisationQuery.Sort.NAME, false, 1, 10);
            List<Long> whole = new ArrayList<>();
            service.forEach(query, o -> whole.add(o.id()));
            int page = (int) OrganisationRepository.DEEP_OFFSET / 10 + 3;
            List<Long> ids = service.search(query.atPage(page, 10)).items().stream().map(Organisation::id).toList();

            assertThat(ids).isEqualTo(whole.subList((page - 1) * 10, page * 10));
            if (h2) {
                List<String> statements = jdbc.queryForList(
                        "SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS", String.class);
                assertThat(statements).anyMatch(sql -> sql.contains("FETCH FIRST") && sql.contains("organisation_status_name"))
                        .noneMatch(sql -> sql.contains("OFFSET") && sql.contains("organisation_status_name"));
            }
        } finally {
            if (h2) {
                jdbc.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    /**
     * The part's records in the list's order, as OFFSET reads them: those holding a value, then those
     * without by id, each in the direction; with the next value after each record's, among them.
     */
    private List<IndexPositions.Start> byOffset(IndexPositions.Part part, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        String fixed = part.fixed().keySet().stream().map(k -> k + " = :" + k + " AND ").collect(Collectors.joining());
        List<Object[]> rows = new ArrayList<>(named.query("SELECT " + part.column() + ", id FROM organisation WHERE "
                + fixed + part.column() + " IS NOT NULL ORDER BY " + part.column() + direction + ", id" + direction,
                part.fixed(), (rs, n) -> new Object[] {value(rs.getObject(1)), rs.getLong(2)}));
        rows.addAll(named.query("SELECT id FROM organisation WHERE " + fixed + part.column() + " IS NULL ORDER BY id"
                + direction, part.fixed(), (rs, n) -> new Object[] {null, rs.getLong(1)}));
        List<IndexPositions.Start> starts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object value = rows.get(i)[0];
            Object next = null;
            for (int j = i + 1; value != null && next == null && j < rows.size() && rows.get(j)[0] != null; j++) {
                next = rows.get(j)[0].equals(value) ? null : rows.get(j)[0];
            }
            starts.add(new IndexPositions.Start(value, (Long) rows.get(i)[1], next));
        }
        return starts;
    }

    private static Object value(Object read) {
        return read instanceof Date date ? date.toLocalDate() : read;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Few distinct names and dates, so that ties are broken by id; half of them listed; four areas or none. */
    private void fill() {
        Random random = new Random(2007);
        List<String> all = areas.areas();
        List<OrganisationDetails> register = new ArrayList<>();
        OutreachStatus[] statuses = {OutreachStatus.INTERVIEWED, OutreachStatus.UNREACHABLE};
        for (int i = 0; i < SIZE; i++) {
            register.add(OrganisationDetails.of("Group " + random.nextInt(40), random.nextBoolean() ? OutreachStatus.LISTED : statuses[random.nextInt(2)])
                    .with(OrganisationField.AREA, random.nextInt(5) == 0 ? null : all.get(random.nextInt(4)))
                    .with(OrganisationField.INTERVIEW_DATE, random.nextBoolean() ? null
                            : LocalDate.of(2007, 7, 1).plusDays(random.nextInt(30)))
                    .with(OrganisationField.FOLLOW_UP, random.nextInt(5) == 0 ? null : random.nextBoolean()));
        }
        service.createAll(register, null);
    }
}
