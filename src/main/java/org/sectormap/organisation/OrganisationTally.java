package org.sectormap.organisation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.sectormap.shared.Coded;
import org.sectormap.shared.RegisterReplaced;
import org.sectormap.shared.Tally;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code organisation_tally} (V90), {@code organisation_block_tally} (V168) and
 * {@code organisation_date_tally} (V169) in step with {@code organisation}: {@link OrganisationRepository}
 * hands every write that can change a record's group through here, in the write's own transaction.
 * {@link OrganisationCounts} sums the first (see {@link Tally}); a deep page sorted by a group finds
 * its block of ids from the second, and one sorted by interview date its date from the third.
 */
@Repository
class OrganisationTally {

    /** The columns a record is counted by, which are also the tally's. */
    static final String GROUP = "category, area, status, exclusion_reason, full_interview, follow_up, cyp_board, "
            + "well_informed, publish";
    /** The columns the list filters by, by which the block tally counts each block of ids. */
    static final String LISTED = "category, area, status, full_interview, follow_up, cyp_board, well_informed";
    /** How many ids a block holds: a block's records are few enough to read through, its rows few enough to sum. */
    static final long BLOCK = 16_384;
    private static final int GROUPS_PER_INSERT = 1_000;

    private final JdbcClient jdbc;
    private final Tally tally;
    private final Tally blocks;
    private final Tally dates;
    private final AtomicLong writes = new AtomicLong();

    OrganisationTally(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tally = new Tally(jdbc, transactions, "organisation_tally", GROUP, "organisations");
        this.blocks = new Tally(jdbc, transactions, "organisation_block_tally", "block, dated, " + LISTED, "organisations");
        this.dates = new Tally(jdbc, transactions, "organisation_date_tally", "interview_date, " + LISTED, "organisations");
    }

    /**
     * How many times this instance has changed the register's counts, or been about to: a total read
     * when it was lower may be out of date ({@link EstimatedTotals}). Counted at each change and again
     * once its transaction has ended, so that a total read while it was under way, from the register as
     * it was, is not given after it.
     */
    long writes() {
        return writes.get();
    }

    /** A restore, or a test emptying every table, replaced the register past the app's writes. */
    @EventListener
    void on(RegisterReplaced replaced) {
        writes.incrementAndGet();
    }

    /** Every group of the register counted afresh, as V90, V168 and V169 first did and a restore does again. */
    List<String> recount() {
        String block = "id / " + BLOCK + ", interview_date IS NOT NULL, " + LISTED;
        return List.of("DELETE FROM organisation_tally",
                tally.insert() + "SELECT " + GROUP + ", COUNT(*) FROM organisation GROUP BY " + GROUP,
                "DELETE FROM organisation_block_tally",
                blocks.insert() + "SELECT " + block + ", COUNT(*) FROM organisation GROUP BY " + block,
                "DELETE FROM organisation_date_tally",
                dates.insert() + "SELECT interview_date, " + LISTED + ", COUNT(*) FROM organisation"
                        + " WHERE interview_date IS NOT NULL GROUP BY interview_date, " + LISTED);
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

        private List<Object> values() {
            return Arrays.asList(category, area, status, exclusionReason, fullInterview, followUp, cypBoard,
                    wellInformed, publish);
        }

        /** The values of the list's filters, in {@link #LISTED}'s order. */
        private List<Object> listed() {
            return Arrays.asList(category, area, status, fullInterview, followUp, cypBoard, wellInformed);
        }

        private static String code(Object value) {
            return value == null ? null : ((Coded) value).code();
        }
    }

    /** A record's group and its interview date, if any. */
    record Counted(Group group, LocalDate interviewDate) {

        static Counted of(OrganisationDetails d) {
            return new Counted(Group.of(d), (LocalDate) d.get(OrganisationField.INTERVIEW_DATE));
        }

        private Counted published(boolean publish) {
            return new Counted(group.published(publish), interviewDate);
        }
    }

    /** Records counted in or out, by group, by block of ids and by interview date. */
    private static final class Changes {

        private final Map<Group, Long> groups = new LinkedHashMap<>();
        private final Map<List<Object>, Long> blocks = new LinkedHashMap<>();
        private final Map<List<Object>, Long> dates = new LinkedHashMap<>();

        private Changes count(long id, Counted counted, long n) {
            groups.merge(counted.group(), n, Long::sum);
            List<Object> filtered = counted.group().listed();
            blocks.merge(with(List.of(id / BLOCK, counted.interviewDate() != null), filtered), n, Long::sum);
            if (counted.interviewDate() != null) {
                dates.merge(with(List.of(Date.valueOf(counted.interviewDate())), filtered), n, Long::sum);
            }
            return this;
        }

        private static List<Object> with(List<Object> first, List<Object> rest) {
            List<Object> values = new ArrayList<>(first);
            values.addAll(rest);
            return values;
        }
    }

    /**
     * Counts records in once per transaction, just before it commits, whatever the number of inserts:
     * an import adding a batch at a time would otherwise write a row for each of a batch's groups, some
     * hundreds of thousands of rows for a million organisations, where the whole import has a few hundred
     * groups (and in the block tally a few hundred for each block of ids it reaches, about 62 for a
     * million). Nothing reads the tallies in the transaction that adds, and a rollback takes nothing back.
     */
    void added(List<Long> ids, List<OrganisationDetails> all) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            add(counted(new Changes(), ids, all));
            return;
        }
        Adding adding = (Adding) TransactionSynchronizationManager.getResource(this);
        if (adding == null) {
            adding = new Adding();
            TransactionSynchronizationManager.bindResource(this, adding);
            TransactionSynchronizationManager.registerSynchronization(adding);
        }
        counted(adding.changes, ids, all);
    }

    private static Changes counted(Changes changes, List<Long> ids, List<OrganisationDetails> all) {
        for (int i = 0; i < all.size(); i++) {
            changes.count(ids.get(i), Counted.of(all.get(i)), 1);
        }
        return changes;
    }

    /** A transaction's records added so far; it leaves the thread with its transaction. */
    private final class Adding implements TransactionSynchronization {

        private final Changes changes = new Changes();

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
        Map<Long, Counted> before = lockedGroups(List.of(id), version);
        if (!update.getAsBoolean()) {
            return false;
        }
        Changes changes = new Changes();
        before.forEach((locked, counted) -> changes.count(locked, counted, -1));
        add(changes.count(id, Counted.of(after), 1));
        return true;
    }

    /** Runs a delete of one record at the given version (or of every record given, for null) and counts it out. */
    boolean deleted(Collection<Long> ids, Integer version, BooleanSupplier delete) {
        Map<Long, Counted> before = lockedGroups(ids, version);
        if (!delete.getAsBoolean()) {
            return false;
        }
        Changes changes = new Changes();
        before.forEach((id, counted) -> changes.count(id, counted, -1));
        add(changes);
        return true;
    }

    /** Runs a change of whether these records are published, all of them now the other way, and moves their counts. */
    void published(Collection<Long> ids, boolean publish, Runnable update) {
        Map<Long, Counted> before = lockedGroups(ids, null);
        update.run();
        Changes changes = new Changes();
        before.forEach((id, counted) -> changes.count(id, counted, -1).count(id, counted.published(publish), 1));
        add(changes);
    }

    /** The records' groups and dates by id, each record locked first so that the group read is the one replaced. */
    private Map<Long, Counted> lockedGroups(Collection<Long> ids, Integer version) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ids", ids);
        if (version != null) {
            params.put("version", version);
        }
        Map<Long, Counted> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT id, " + GROUP + ", interview_date FROM organisation WHERE id IN (:ids)"
                        + (version == null ? "" : " AND version = :version") + " FOR UPDATE")
                .params(params)
                .query(rs -> {
                    groups.put(rs.getLong(1), new Counted(new Group(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, Boolean.class), rs.getObject(7, Boolean.class),
                            rs.getObject(8, Boolean.class), rs.getObject(9, Boolean.class), rs.getBoolean(10)),
                            rs.getObject(11, LocalDate.class)));
                });
        return groups;
    }

    private void add(Changes changes) {
        wrote();
        add(tally, changes.groups, Group::values);
        add(blocks, changes.blocks, Function.identity());
        add(dates, changes.dates, Function.identity());
    }

    private <G> void add(Tally into, Map<G, Long> changes, Function<G, List<Object>> values) {
        changes.values().removeIf(n -> n == 0);
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<G, Long>> all = List.copyOf(changes.entrySet());
        String row = "(" + String.join(", ", Collections.nCopies(values.apply(all.get(0).getKey()).size() + 1, "?")) + ")";
        // An import's groups could pass PostgreSQL's 32,767 parameters a statement in one.
        for (int from = 0; from < all.size(); from += GROUPS_PER_INSERT) {
            List<Map.Entry<G, Long>> some = all.subList(from, Math.min(all.size(), from + GROUPS_PER_INSERT));
            List<Object> params = new ArrayList<>();
            some.forEach(e -> {
                params.addAll(values.apply(e.getKey()));
                params.add(e.getValue());
            });
            jdbc.sql(into.insert() + "VALUES " + String.join(", ", Collections.nCopies(some.size(), row)))
                    .params(params).update();
        }
    }

    private void wrote() {
        writes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(writes)) {
            TransactionSynchronizationManager.bindResource(writes, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new Written());
        }
    }

    /** Counts a transaction's changes once more when it has ended, committed or not; it leaves the thread with it. */
    private final class Written implements TransactionSynchronization {

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(writes);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(writes, Boolean.TRUE);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(writes);
            writes.incrementAndGet();
        }
    }

    /** Folds the three tallies; whether any had anything to fold. */
    boolean fold() {
        boolean folded = tally.fold();
        folded = blocks.fold() || folded;
        return dates.fold() || folded;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void foldWhenDue() {
        tally.foldWhenDue();
        blocks.foldWhenDue();
        dates.foldWhenDue();
    }
}
