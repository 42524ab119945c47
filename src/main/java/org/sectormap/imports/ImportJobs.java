package org.sectormap.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.sectormap.shared.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import jobs and the one lock that lets a single import store rows at a time. Every method
 * commits in a short transaction of its own, beside the long one storing an import's rows, so its
 * progress and a request to cancel it are seen at once by every request and every instance.
 */
@Repository
class ImportJobs {

    private static final String COLUMNS = "id, status, file_name, total_rows, rows_checked, rows_stored, "
            + "cancel_requested, message, started_by, started_at, finished_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private final Duration staleAfter;

    ImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${sectormap.import.stale-after:2m}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /**
     * A new running job holding the lock, or empty when another import holds it. A lock whose
     * heartbeat stopped more than the stale time ago belonged to an instance that died mid-import:
     * it is taken over and that job marked failed, since its transaction died with it.
     */
    Optional<Long> start(String fileName, int totalRows) {
        return own.execute(status -> {
            LocalDateTime now = now();
            Long stale = jdbc.sql("SELECT job_id FROM import_lock WHERE id = 1 AND job_id IS NOT NULL "
                    + "AND heartbeat_at < ?").param(Timestamp.valueOf(now.minus(staleAfter))).query(Long.class)
                    .optional().orElse(null);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO import_job (status, file_name, total_rows, rows_checked, rows_stored, "
                    + "cancel_requested, started_by, started_at) VALUES (?, ?, ?, 0, 0, FALSE, ?, ?)")
                    .params(ImportJob.Status.RUNNING.code(), fileName, totalRows, SignedIn.email(),
                            Timestamp.valueOf(now))
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            int taken = jdbc.sql("UPDATE import_lock SET job_id = ?, heartbeat_at = ? WHERE id = 1 AND "
                    + (stale == null ? "job_id IS NULL" : "job_id = ? AND heartbeat_at < ?"))
                    .params(stale == null ? new Object[] {id, Timestamp.valueOf(now)}
                            : new Object[] {id, Timestamp.valueOf(now), stale,
                                    Timestamp.valueOf(now.minus(staleAfter))})
                    .update();
            if (taken == 0) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            if (stale != null) {
                finish(stale, ImportJob.Status.FAILED, "import.job.abandoned", now);
            }
            return Optional.of(id);
        });
    }

    /** The import holding the lock, if its heartbeat is still going. */
    Optional<ImportJob> holder() {
        return own.execute(status -> jdbc.sql("SELECT " + COLUMNS + " FROM import_job WHERE id = (SELECT job_id "
                + "FROM import_lock WHERE id = 1 AND heartbeat_at >= ?)")
                .param(Timestamp.valueOf(now().minus(staleAfter))).query(ImportJobs::job).optional());
    }

    /**
     * The job as it stands. A job still marked running whose heartbeat has stopped is shown as failed:
     * the thread storing it beats while it runs, so it died with its instance or ended without
     * recording its end, and either way its rows, which commit with the job's end, were not stored.
     */
    Optional<ImportJob> find(long id) {
        return own.execute(status -> jdbc.sql("SELECT " + COLUMNS + ", (SELECT heartbeat_at FROM import_lock "
                + "WHERE id = 1 AND job_id = import_job.id) AS heartbeat_at FROM import_job WHERE id = ?").param(id)
                .query((rs, row) -> {
                    ImportJob job = job(rs, row);
                    Timestamp heartbeat = rs.getTimestamp("heartbeat_at");
                    boolean beating = heartbeat != null
                            && !heartbeat.toLocalDateTime().isBefore(now().minus(staleAfter));
                    return job.running() && !beating ? job.stopped("import.job.abandoned") : job;
                }).optional());
    }

    /**
     * Keeps the job's lock alive while its thread works, between batches and through a long commit alike,
     * so that a stale heartbeat means the thread has stopped.
     */
    void beat(long id) {
        own.executeWithoutResult(status -> jdbc.sql("UPDATE import_lock SET heartbeat_at = ? WHERE id = 1 AND job_id = ?")
                .params(Timestamp.valueOf(now()), id).update());
    }

    /** How often a running import's thread should beat: well within the time after which its lock is taken over. */
    Duration beatEvery() {
        return staleAfter.dividedBy(4);
    }

    /** Counts the rows so far and keeps the lock alive; true when someone has asked the import to stop. */
    boolean progress(long id, int rowsChecked, int rowsStored) {
        return Boolean.TRUE.equals(own.execute(status -> {
            jdbc.sql("UPDATE import_job SET rows_checked = ?, rows_stored = ? WHERE id = ?")
                    .params(rowsChecked, rowsStored, id).update();
            jdbc.sql("UPDATE import_lock SET heartbeat_at = ? WHERE id = 1 AND job_id = ?")
                    .params(Timestamp.valueOf(now()), id).update();
            return jdbc.sql("SELECT cancel_requested FROM import_job WHERE id = ?").param(id).query(Boolean.class)
                    .single();
        }));
    }

    /** Asks a running import to stop at its next batch; false when it is no longer running. */
    boolean cancel(long id) {
        return Boolean.TRUE.equals(own.execute(status -> jdbc.sql("UPDATE import_job SET cancel_requested = TRUE "
                + "WHERE id = ? AND status = ?").params(id, ImportJob.Status.RUNNING.code()).update() == 1));
    }

    /**
     * Ends a job and frees the lock it holds.
     *
     * @param messageKey why it failed, a message key; null unless it failed
     */
    void finish(long id, ImportJob.Status outcome, String messageKey) {
        own.executeWithoutResult(status -> finish(id, outcome, messageKey, now()));
    }

    /**
     * Marks the job done with its final counts and frees its lock, in the import's own transaction: the job
     * is done exactly when its rows are committed, and a commit that fails leaves it running, to be ended as
     * failed. Another request writing either row meanwhile (a cancel, the next import) waits only for the
     * end of the commit.
     *
     * @throws IllegalStateException when the job is no longer running (its lock was taken over), so that its
     *                               rows roll back rather than be stored beside another import's
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void done(long id, int rowsChecked, int rowsStored) {
        jdbc.sql("UPDATE import_job SET rows_checked = ?, rows_stored = ? WHERE id = ?")
                .params(rowsChecked, rowsStored, id).update();
        if (!finish(id, ImportJob.Status.DONE, null, now())) {
            throw new IllegalStateException("Import job " + id + " is no longer running");
        }
    }

    /** @return whether the job was still running */
    private boolean finish(long id, ImportJob.Status outcome, String messageKey, LocalDateTime now) {
        int ended = jdbc.sql("UPDATE import_job SET status = ?, message = ?, finished_at = ? WHERE id = ? AND status = ?")
                .params(outcome.code(), messageKey, Timestamp.valueOf(now), id, ImportJob.Status.RUNNING.code())
                .update();
        jdbc.sql("UPDATE import_lock SET job_id = NULL, heartbeat_at = NULL WHERE id = 1 AND job_id = ?").param(id)
                .update();
        return ended == 1;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getLong("id"), ImportJob.Status.of(rs.getString("status")), rs.getString("file_name"),
                rs.getInt("total_rows"), rs.getInt("rows_checked"), rs.getInt("rows_stored"),
                rs.getBoolean("cancel_requested"), rs.getString("message"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toLocalDateTime(), finished == null ? null : finished.toLocalDateTime());
    }
}
