package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.sectormap.shared.Coded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code organisation_tally} (V90) in step with {@code organisation}: {@link OrganisationRepository}
 * hands every write that can change a record's group through here, in the write's own transaction, and
 * {@link OrganisationCounts} sums the table. A change is added as rows of +n and -n, never by updating a
 * counter, so a writer never waits for another one holding the same group (a long import would hold it
 * to its end).
 */
@Repository
class OrganisationTally {

    private static final Logger log = LoggerFactory.getLogger(OrganisationTally.class);

    /** The columns a record is counted by, which are also the tally's. */
    static final String GROUP = "category, area, status, exclusion_reason, full_interview, follow_up, cyp_board, "
            + "well_informed";
    private static final String INSERT = "INSERT INTO organisation_tally (" + GROUP + ", organisations) ";
    private static final String VALUES_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Every group of the register counted afresh, as V90 first did and a restore does again. */
    static final String RECOUNT = INSERT + "SELECT " + GROUP + ", COUNT(*) FROM organisation GROUP BY " + GROUP;
    /** Folding starts once the changes since the last fold outnumber this; below it summing them costs nothing. */
    private static final long FOLD_FROM = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate repeatableRead;

    OrganisationTally(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.repeatableRead = new TransactionTemplate(transactions);
        repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** What a record is counted under. */
    record Group(String category, String area, String status, String exclusionReason, Boolean fullInterview,
            Boolean followUp, Boolean cypBoard, Boolean wellInformed) {

        static Group of(OrganisationDetails d) {
            return new Group(code(d.get(OrganisationField.CATEGORY)), d.area(), code(d.get(OrganisationField.STATUS)),
                    code(d.get(OrganisationField.EXCLUSION_REASON)), (Boolean) d.get(OrganisationField.FULL_INTERVIEW),
                    (Boolean) d.get(OrganisationField.FOLLOW_UP), (Boolean) d.get(OrganisationField.CYP_BOARD),
                    (Boolean) d.get(OrganisationField.WELL_INFORMED));
        }

        private static String code(Object value) {
            return value == null ? null : ((Coded) value).code();
        }
    }

    void added(Collection<OrganisationDetails> all) {
        Map<Group, Long> changes = new LinkedHashMap<>();
        all.forEach(d -> changes.merge(Group.of(d), 1L, Long::sum));
        add(changes);
    }

    /**
     * Runs an update of one record at the given version and, if it was saved, moves the record's count
     * from its old group to its new one. The record is locked first, so the group read is the one replaced.
     */
    boolean updated(long id, int version, OrganisationDetails after, BooleanSupplier update) {
        List<Group> before = lockedGroups(List.of(id), version);
        if (!update.getAsBoolean()) {
            return false;
        }
        Map<Group, Long> changes = new LinkedHashMap<>();
        before.forEach(g -> changes.merge(g, -1L, Long::sum));
        changes.merge(Group.of(after), 1L, Long::sum);
        add(changes);
        return true;
    }

    /** Runs a delete of one record at the given version (or of every record given, for null) and counts it out. */
    boolean deleted(Collection<Long> ids, Integer version, BooleanSupplier delete) {
        List<Group> before = lockedGroups(ids, version);
        if (!delete.getAsBoolean()) {
            return false;
        }
        Map<Group, Long> changes = new LinkedHashMap<>();
        before.forEach(g -> changes.merge(g, -1L, Long::sum));
        add(changes);
        return true;
    }

    private List<Group> lockedGroups(Collection<Long> ids, Integer version) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", ids);
        if (version != null) {
            params.put("version", version);
        }
        return jdbc.sql("SELECT " + GROUP + " FROM organisation WHERE id IN (:ids)"
                        + (version == null ? "" : " AND version = :version") + " FOR UPDATE")
                .params(params)
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Boolean.class), rs.getObject(6, Boolean.class), rs.getObject(7, Boolean.class),
                        rs.getObject(8, Boolean.class)))
                .list();
    }

    private void add(Map<Group, Long> changes) {
        changes.values().removeIf(n -> n == 0);
        if (changes.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        changes.forEach((g, n) -> params.addAll(Arrays.asList(g.category(), g.area(), g.status(),
                g.exclusionReason(), g.fullInterview(), g.followUp(), g.cypBoard(), g.wellInformed(), n)));
        jdbc.sql(INSERT + "VALUES " + String.join(", ", Collections.nCopies(changes.size(), VALUES_ROW)))
                .params(params).update();
    }

    /**
     * Folds the changes into one row per group, dropping groups that count nothing. Repeatable read, so
     * the rows deleted are exactly the rows summed: a change committed meanwhile is in neither.
     *
     * @return whether there was anything to fold
     */
    boolean fold() {
        return repeatableRead.execute(status -> {
            Long last = jdbc.sql("SELECT MAX(id) FROM organisation_tally").query(Long.class).single();
            if (last == null) {
                return false;
            }
            jdbc.sql(INSERT + "SELECT " + GROUP + ", SUM(organisations) FROM organisation_tally WHERE id <= :last "
                    + "GROUP BY " + GROUP + " HAVING SUM(organisations) <> 0").param("last", last).update();
            jdbc.sql("DELETE FROM organisation_tally WHERE id <= :last").param("last", last).update();
            return true;
        });
    }

    /** Folds when enough changes have piled up; two instances folding at once leave it to the next minute. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void foldWhenDue() {
        long rows = jdbc.sql("SELECT COUNT(*) FROM organisation_tally").query(Long.class).single();
        if (rows > FOLD_FROM) {
            try {
                fold();
            } catch (DataAccessException e) {
                log.info("Organisation counts not folded this time: {}", e.getMessage());
            }
        }
    }
}
