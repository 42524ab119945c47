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
import org.sectormap.shared.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code organisation_tally} (V90) in step with {@code organisation}: {@link OrganisationRepository}
 * hands every write that can change a record's group through here, in the write's own transaction, and
 * {@link OrganisationCounts} sums the table (see {@link Tally}).
 */
@Repository
class OrganisationTally {

    /** The columns a record is counted by, which are also the tally's. */
    static final String GROUP = "category, area, status, exclusion_reason, full_interview, follow_up, cyp_board, "
            + "well_informed, publish";
    private static final String VALUES_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int GROUPS_PER_INSERT = 1_000;

    private final JdbcClient jdbc;
    private final Tally tally;

    OrganisationTally(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tally = new Tally(jdbc, transactions, "organisation_tally", GROUP, "organisations");
    }

    /** Every group of the register counted afresh, as V90 first did and a restore does again. */
    String recount() {
        return tally.insert() + "SELECT " + GROUP + ", COUNT(*) FROM organisation GROUP BY " + GROUP;
    }

    /** What a record is counted under. */
    record Group(String category, String area, String status, String exclusionReason, Boolean fullInterview,
            Boolean followUp, Boolean cypBoard, Boolean wellInformed, boolean publish) {

        static Group of(OrganisationDetails d) {
            return new Group(code(d.get(OrganisationField.CATEGORY)), d.area(), code(d.get(OrganisationField.STATUS)),
                    code(d.get(OrganisationField.EXCLUSION_REASON)), (Boolean) d.get(OrganisationField.FULL_INTERVIEW),
                    (Boolean) d.get(OrganisationField.FOLLOW_UP), (Boolean) d.get(OrganisationField.CYP_BOARD),
                    (Boolean) d.get(OrganisationField.WELL_INFORMED), Boolean.TRUE.equals(d.get(OrganisationField.PUBLISH)));
        }

        Group published(boolean newPublish) {
            return new Group(category, area, status, exclusionReason, fullInterview, followUp, cypBoard, wellInformed,
                    newPublish);
        }

        private static String code(Object value) {
            return value == null ? null : ((Coded) value).code();
        }
    }

    /**
     * Counts records in once per transaction, just before it commits, whatever the number of inserts:
     * an import adding a batch at a time would otherwise write a row for each of a batch's groups, some
     * hundreds of thousands of rows for a million organisations, where the whole import has a few hundred
     * groups. Nothing reads the tally in the transaction that adds, and a rollback takes nothing back.
     */
    void added(Collection<OrganisationDetails> all) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            add(counted(new LinkedHashMap<>(), all));
            return;
        }
        Adding adding = (Adding) TransactionSynchronizationManager.getResource(this);
        if (adding == null) {
            adding = new Adding();
            TransactionSynchronizationManager.bindResource(this, adding);
            TransactionSynchronizationManager.registerSynchronization(adding);
        }
        counted(adding.changes, all);
    }

    private static Map<Group, Long> counted(Map<Group, Long> changes, Collection<OrganisationDetails> all) {
        all.forEach(d -> changes.merge(Group.of(d), 1L, Long::sum));
        return changes;
    }

    /** A transaction's records added so far, by group; it leaves the thread with its transaction. */
    private final class Adding implements TransactionSynchronization {

        private final Map<Group, Long> changes = new LinkedHashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(OrganisationTally.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(OrganisationTally.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            add(changes);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OrganisationTally.this);
        }
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

    /** Runs a change of whether these records are published, all of them now the other way, and moves their counts. */
    void published(Collection<Long> ids, boolean publish, Runnable update) {
        List<Group> before = lockedGroups(ids, null);
        update.run();
        Map<Group, Long> changes = new LinkedHashMap<>();
        before.forEach(g -> {
            changes.merge(g, -1L, Long::sum);
            changes.merge(g.published(publish), 1L, Long::sum);
        });
        add(changes);
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
                        rs.getObject(8, Boolean.class), rs.getBoolean(9)))
                .list();
    }

    private void add(Map<Group, Long> changes) {
        changes.values().removeIf(n -> n == 0);
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<Group, Long>> all = List.copyOf(changes.entrySet());
        // An import's groups could pass PostgreSQL's 32,767 parameters a statement in one.
        for (int from = 0; from < all.size(); from += GROUPS_PER_INSERT) {
            List<Map.Entry<Group, Long>> some = all.subList(from, Math.min(all.size(), from + GROUPS_PER_INSERT));
            List<Object> params = new ArrayList<>();
            some.forEach(e -> params.addAll(Arrays.asList(e.getKey().category(), e.getKey().area(),
                    e.getKey().status(), e.getKey().exclusionReason(), e.getKey().fullInterview(),
                    e.getKey().followUp(), e.getKey().cypBoard(), e.getKey().wellInformed(), e.getKey().publish(),
                    e.getValue())));
            jdbc.sql(tally.insert() + "VALUES " + String.join(", ", Collections.nCopies(some.size(), VALUES_ROW)))
                    .params(params).update();
        }
    }

    boolean fold() {
        return tally.fold();
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void foldWhenDue() {
        tally.foldWhenDue();
    }
}
