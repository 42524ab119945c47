package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * PostgreSQL reads a page deep in the list by name from where its marks (V159) say the page starts:
 * each mark stays at its position as records are added, renamed and deleted, whatever writes them, and
 * every page so read, either way, before the changes are taken in and after, is the whole list's.
 */
@DatabaseTest
class NameMarksTests {

    private static final int REGISTER = 2_600;

    @Autowired
    OrganisationService service;

    @Autowired
    OrganisationRepository repository;

    @Autowired
    NameMarks marks;

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
    void shouldMarkEveryThousandthRecordAtItsPosition() {
        assertThat(jdbc.queryForList("SELECT position FROM organisation_name_mark ORDER BY position", Long.class))
                .containsExactly(0L, 1_000L, 2_000L);
        assertThat(changes()).isZero();
        assertMarksInPlace();
    }

    @Test
    void shouldKeepEveryMarkInPlaceAsRecordsAreAddedRenamedAndDeleted() {
        change();

        assertThat(changes()).isPositive();
        assertMarksInPlace();
        assertThat(marks.mark()).isTrue();
        assertThat(changes()).isZero();
        assertMarksInPlace();
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
        List<Long> whole = whole(Map.of("sort", "name"));
        // Marks moved on by two records each: a page read from them starts two records early.
        jdbc.update("UPDATE organisation_name_mark SET position = position + 2 WHERE position > 0");

        assertThat(ids(Map.of("sort", "name"), 151, 10)).isEqualTo(whole.subList(1_498, 1_508));
        List<Long> backwards = whole(Map.of("sort", "name", "dir", "desc"));
        assertThat(ids(Map.of("sort", "name", "dir", "desc"), 151, 10)).isEqualTo(backwards.subList(1_502, 1_512));
    }

    @Test
    void shouldReadByOffsetWhileTooManyChangesWaitToBeTakenIn() {
        List<Long> whole = whole(Map.of("sort", "name"));
        jdbc.update("UPDATE organisation_name_mark SET position = position + 2 WHERE position > 0");
        jdbc.update("INSERT INTO organisation_name_change (name_sort, organisation_id, organisations) "
                + "SELECT 'zz', -x, 1 FROM generate_series(1, ?) x", NameMarks.READ_UP_TO / 2);
        jdbc.update("INSERT INTO organisation_name_change (name_sort, organisation_id, organisations) "
                + "SELECT 'zz', -x, -1 FROM generate_series(1, ?) x", NameMarks.READ_UP_TO / 2 + 1);

        assertThat(marks.usable()).isFalse();
        assertThat(ids(Map.of("sort", "name"), 151, 10)).isEqualTo(whole.subList(1_500, 1_510));
    }

    private OrganisationDetails details() {
        // Few distinct names, so that marks fall among records of one name, told apart by id.
        return OrganisationDetails.of("Group " + random.nextInt(40),
                random.nextBoolean() ? OutreachStatus.INTERVIEWED : OutreachStatus.LISTED);
    }

    /** Records added by the service and by an import's statement, renamed and deleted. */
    private void change() {
        List<OrganisationDetails> added = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            added.add(details());
        }
        service.createAll(added, null);
        service.create(OrganisationDetails.of("AAA first of all", OutreachStatus.LISTED));
        List<Organisation> all = new ArrayList<>();
        repository.forEach(parameters.read(Map.of("sort", "name")), all::add);
        for (int i = 0; i < 120; i++) {
            Organisation o = all.get(random.nextInt(all.size()));
            if (i % 2 == 0) {
                service.update(o.id(), o.version(), o.details().with(OrganisationField.NAME, "Renamed " + random.nextInt(40)));
            } else {
                service.delete(o.id(), o.version());
            }
            all.remove(o);
        }
        // A status changed leaves the name, and its position, as they were.
        jdbc.update("UPDATE organisation SET status = 'interviewed' WHERE MOD(id, 7) = 0");
    }

    /** Each mark's position, with the changes before it, is the number of records before it. */
    private void assertMarksInPlace() {
        for (Map<String, Object> mark : jdbc.queryForList("SELECT position, name_sort, organisation_id FROM organisation_name_mark")) {
            long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation WHERE name_sort < ? OR name_sort = ? AND id < ?",
                    Long.class, mark.get("name_sort"), mark.get("name_sort"), mark.get("organisation_id"));
            long changed = jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM organisation_name_change "
                    + "WHERE name_sort < ? OR name_sort = ? AND organisation_id < ?", Long.class,
                    mark.get("name_sort"), mark.get("name_sort"), mark.get("organisation_id"));
            assertThat((Long) mark.get("position") + changed).as("mark %s", mark).isEqualTo(before);
        }
        long total = jdbc.queryForObject("SELECT organisations FROM organisation_name_marking", Long.class)
                + jdbc.queryForObject("SELECT COALESCE(SUM(organisations), 0) FROM organisation_name_change", Long.class);
        assertThat(total).isEqualTo(repository.count());
    }

    private void assertEveryDeepPage() {
        assertThat(marks.usable()).isTrue();
        for (Map<String, String> order : List.of(Map.of("sort", "name"), Map.of("sort", "name", "dir", "desc"))) {
            List<Long> whole = whole(order);
            for (int size : new int[] {1, 7, 25}) {
                for (int page = (int) OrganisationRepository.DEEP_OFFSET / size; (page - 1) * size < whole.size(); page += 1 + random.nextInt(40)) {
                    int from = (page - 1) * size;
                    assertThat(ids(order, page, size)).as("page %d of %d of %s", page, size, order)
                            .isEqualTo(whole.subList(from, Math.min(whole.size(), from + size)));
                }
            }
        }
    }

    private List<Long> whole(Map<String, String> order) {
        List<Long> whole = new ArrayList<>();
        repository.forEach(parameters.read(order), o -> whole.add(o.id()));
        return whole;
    }

    private List<Long> ids(Map<String, String> order, int page, int size) {
        Map<String, String> params = new HashMap<>(order);
        params.put("page", String.valueOf(page));
        params.put("size", String.valueOf(size));
        return service.search(parameters.read(params)).items().stream().map(Organisation::id).toList();
    }

    private long changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM organisation_name_change", Long.class);
    }
}
