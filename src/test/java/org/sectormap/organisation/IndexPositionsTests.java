package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The entry an index holds at a position, read from H2's B-tree, is the entry OFFSET reaches there, from
 * either end, among all records or those of a status, an area or both, among those holding a value in the
 * column read or those without; and a deep page of the list on H2 starts from it rather than stepping
 * through an OFFSET.
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

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void shouldFindTheEntryOffsetReachesFromEitherEnd() {
        fill();
        IndexPositions positions = new IndexPositions(jdbc);
        String area = areas.areas().get(2);
        List<IndexPositions.Part> parts = new ArrayList<>();
        for (boolean holding : new boolean[] {true, false}) {
            parts.add(new IndexPositions.Part("organisation_interview_date_order", Map.of(), "interview_date", holding));
            parts.add(new IndexPositions.Part("organisation_area_order", Map.of(), "area", holding));
            parts.add(new IndexPositions.Part("organisation_area_name", Map.of("area", area), "name_sort", holding));
        }
        parts.add(new IndexPositions.Part("organisation_name_sort_idx", Map.of(), "name_sort", true));
        parts.add(new IndexPositions.Part("organisation_status_order", Map.of(), "status", true));
        parts.add(new IndexPositions.Part("organisation_status_name", Map.of("status", "listed"), "name_sort", true));
        parts.add(new IndexPositions.Part("organisation_appendix", ordered("status", "interviewed", "area", area),
                "name_sort", true));
        boolean h2 = url.startsWith("jdbc:h2:");

        for (IndexPositions.Part part : parts) {
            for (boolean fromEnd : new boolean[] {false, true}) {
                List<IndexPositions.Entry> whole = byOffset(part, fromEnd);
                // Elsewhere there is no such tree to read: a page steps through an OFFSET.
                assertThat(positions.size(part)).as("%s", part).isEqualTo(h2 ? Optional.of((long) whole.size())
                        : Optional.empty());
                if (part.holding()) {
                    assertThat(whole).as("%s", part).hasSizeGreaterThan(50);
                }
                for (int at : List.of(0, 1, whole.size() / 3, whole.size() - 1)) {
                    Optional<IndexPositions.Entry> found = positions.at(part, at, fromEnd);
                    String what = part + " at " + at + (fromEnd ? " from the end" : "");
                    if (h2 && at >= 0 && at < whole.size()) {
                        assertThat(found).as(what).contains(whole.get(at));
                    } else {
                        assertThat(found).as(what).isEmpty();
                    }
                }
                assertThat(positions.at(part, whole.size(), fromEnd)).as("past the end").isEmpty();
            }
        }
        assertThat(positions.size(new IndexPositions.Part("organisation_status_name", Map.of("status", "excluded"),
                "name_sort", true))).as("a status no record holds").isEqualTo(h2 ? Optional.of(0L) : Optional.empty());
        assertThat(positions.at(new IndexPositions.Part("organisation_status_name", Map.of("status", "listed"), "area",
                true), 0, false)).as("an index in another order").isEmpty();
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

    /** The part's entries by OFFSET's order, from its end if asked. */
    private List<IndexPositions.Entry> byOffset(IndexPositions.Part part, boolean fromEnd) {
        String direction = fromEnd ? " DESC" : " ASC";
        String where = " WHERE " + Stream.concat(part.fixed().keySet().stream().map(k -> k + " = :" + k),
                Stream.of(part.column() + (part.holding() ? " IS NOT NULL" : " IS NULL")))
                .collect(Collectors.joining(" AND "));
        return named.query("SELECT " + part.column() + ", id FROM organisation" + where + " ORDER BY " + part.column()
                + direction + ", id" + direction, part.fixed(), (rs, n) -> new IndexPositions.Entry(
                        rs.getObject(1) instanceof Date d ? d.toLocalDate() : rs.getString(1), rs.getLong(2)));
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
                            : LocalDate.of(2007, 7, 1).plusDays(random.nextInt(30))));
        }
        service.createAll(register, null);
    }
}
