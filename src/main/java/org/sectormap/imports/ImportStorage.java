package org.sectormap.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.sectormap.organisation.DuplicateFinder;
import org.sectormap.organisation.ImportUpdateRefusedException;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.DatabaseFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a checked file: reads it again and stores its organisations a batch at a time, all in one
 * transaction, so a failure or a cancel part way leaves nothing stored; between batches it counts
 * its progress on the job (in the job's own transactions) and stops when asked to.
 */
@Component
class ImportStorage implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportStorage.class);
    static final int BATCH = 1_000;

    private final OrganisationReader reader;
    private final OrganisationService organisations;
    private final DuplicateFinder finder;
    private final ImportHistory history;
    private final ImportJobs jobs;
    private final PendingImports pending;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    /** Beats for every import storing on this instance, apart from the threads doing the work. */
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(beats -> {
        Thread thread = new Thread(beats, "import-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** The starting user's identity goes with the task, so the audit trail and the history name them. */
    private final DelegatingSecurityContextExecutor background;

    ImportStorage(OrganisationReader reader, OrganisationService organisations, DuplicateFinder finder,
            ImportHistory history, ImportJobs jobs, PendingImports pending, PlatformTransactionManager transactions) {
        this.reader = reader;
        this.organisations = organisations;
        this.finder = finder;
        this.history = history;
        this.jobs = jobs;
        this.pending = pending;
        this.transaction = new TransactionTemplate(transactions);
        // The lock lets one import run per register; a second thread and a short queue only cover a
        // lock taken over from a dead instance while this one's stale job is still winding down.
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(2);
        pool.setThreadNamePrefix("import-");
        // An import cut short by a shutdown rolls back, and its lock expires; it must not hold the JVM up.
        pool.setDaemon(true);
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.initialize();
        this.background = new DelegatingSecurityContextExecutor(pool);
    }

    /** What storing a file came to: rows added as new records, records updated, rows left out. */
    record Stored(ImportJob.Status status, int added, int updated, int skipped) {

        static Stored not(ImportJob.Status status) {
            return new Stored(status, 0, 0, 0);
        }
    }

    /**
     * Stores the file of a job that holds the lock, here and now. Whatever happens, the job ends: done in
     * the same transaction as its rows, else failed or cancelled in a transaction of its own; and should
     * even that write fail, its heartbeat stops with this method, so its page shows it failed and the next
     * import takes its lock over.
     */
    Stored store(long jobId, ImportService.Storing storing) {
        ScheduledFuture<?> beating = heart.scheduleWithFixedDelay(() -> beat(jobId), jobs.beatEvery().toMillis(),
                jobs.beatEvery().toMillis(), TimeUnit.MILLISECONDS);
        try {
            Batches done = transaction.execute(status -> {
                Batches batches = new Batches(jobId, history.start(storing.upload(), storing.mappingName()),
                        storing.choices());
                ParsedImport parsed = reader.read(storing.upload(), storing.mapping(), batches);
                if (!parsed.valid()) {
                    throw new NoLongerValid();
                }
                batches.flush();
                history.finish(batches.importId, batches.added, batches.updated, batches.skipped);
                jobs.done(jobId, batches.checked, batches.stored());
                return batches;
            });
            return new Stored(ImportJob.Status.DONE, done.added, done.updated, done.skipped);
        } catch (Cancelled e) {
            end(jobId, ImportJob.Status.CANCELLED, null);
            return Stored.not(ImportJob.Status.CANCELLED);
        } catch (NoLongerValid e) {
            end(jobId, ImportJob.Status.FAILED, "import.job.noLongerValid");
            return Stored.not(ImportJob.Status.FAILED);
        } catch (ImportUpdateRefusedException e) {
            end(jobId, ImportJob.Status.FAILED, "import.job.updateRefused");
            return Stored.not(ImportJob.Status.FAILED);
        } catch (RuntimeException | Error e) {
            log.warn("Import job {} failed: {}", jobId, DatabaseFailure.describe(e));
            end(jobId, ImportJob.Status.FAILED, "import.job.failed");
            throw e;
        } finally {
            beating.cancel(false);
        }
    }

    private void beat(long jobId) {
        try {
            jobs.beat(jobId);
        } catch (RuntimeException e) {
            // The next beat tries again; a scheduled task that throws would never run again.
            log.warn("Import job {} could not beat: {}", jobId, DatabaseFailure.describe(e));
        }
    }

    private void end(long jobId, ImportJob.Status outcome, String messageKey) {
        try {
            jobs.finish(jobId, outcome, messageKey);
        } catch (RuntimeException e) {
            log.warn("Import job {} ended {} but that could not be recorded: {}", jobId, outcome.code(),
                    DatabaseFailure.describe(e));
        }
    }

    /**
     * Stores the file of a job that holds the lock on the background thread, as the user who started it.
     * The file is handed over to that thread, which deletes it once stored, whatever the request that
     * started it does with its own.
     */
    void storeInBackground(long jobId, ImportService.Storing storing) {
        ImportService.Storing handed;
        try {
            handed = storing.with(pending.handOver(storing.upload()));
        } catch (RuntimeException e) {
            end(jobId, ImportJob.Status.FAILED, "import.job.failed");
            throw e;
        }
        try {
            background.execute(() -> {
                try {
                    store(jobId, handed);
                } catch (RuntimeException e) {
                    // Already recorded on the job and logged.
                } finally {
                    pending.discard(handed.upload());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.discard(handed.upload());
            end(jobId, ImportJob.Status.FAILED, "import.job.failed");
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
        heart.shutdownNow();
    }

    /**
     * The organisations read so far and not yet stored, and what became of those that have been.
     * Unless every likely duplicate is to be added, each batch is looked up in the register, which
     * by then holds the batches before it, so a row repeating an earlier row of the file finds the
     * record that row made.
     */
    private final class Batches implements OrganisationReader.Rows {

        private final long jobId;
        private final long importId;
        private final DuplicateChoices choices;
        private final List<Integer> rows = new ArrayList<>(BATCH);
        private final List<OrganisationDetails> waiting = new ArrayList<>(BATCH);
        private Set<OrganisationField> given = Set.of();
        private int checked;
        private int added;
        private int updated;
        private int skipped;

        Batches(long jobId, long importId, DuplicateChoices choices) {
            this.jobId = jobId;
            this.importId = importId;
            this.choices = choices;
        }

        @Override
        public void fields(Set<OrganisationField> fields) {
            given = fields;
        }

        @Override
        public void row(int row, OrganisationDetails details) {
            checked++;
            rows.add(row);
            waiting.add(details);
            if (waiting.size() == BATCH) {
                flush();
                if (jobs.progress(jobId, checked, stored())) {
                    throw new Cancelled();
                }
            }
        }

        int stored() {
            return added + updated + skipped;
        }

        void flush() {
            if (choices.addAll()) {
                added += organisations.createAll(waiting, importId);
            } else {
                store(List.copyOf(rows), List.copyOf(waiting));
            }
            rows.clear();
            waiting.clear();
        }

        /**
         * Adds, updates or skips each row as chosen. A row to update that repeats an earlier row of
         * the same batch waits until that row is stored, then is looked up again: each round stores
         * at least its first row, so the rounds end.
         */
        private void store(List<Integer> numbers, List<OrganisationDetails> batch) {
            while (!batch.isEmpty()) {
                Map<Integer, DuplicateFinder.LikelyDuplicate> likely = new HashMap<>();
                finder.find(batch).forEach(found -> likely.put(found.index(), found));
                List<OrganisationDetails> adding = new ArrayList<>();
                List<OrganisationService.ImportedRow> updating = new ArrayList<>();
                List<Integer> laterNumbers = new ArrayList<>();
                List<OrganisationDetails> later = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    DuplicateFinder.LikelyDuplicate duplicate = likely.get(i);
                    switch (duplicate == null ? DuplicateChoice.ADD : choices.of(numbers.get(i))) {
                        case ADD -> adding.add(batch.get(i));
                        case SKIP -> skipped++;
                        case UPDATE -> {
                            if (duplicate.inRegister()) {
                                updating.add(new OrganisationService.ImportedRow(duplicate.existing().id(),
                                        batch.get(i)));
                            } else {
                                laterNumbers.add(numbers.get(i));
                                later.add(batch.get(i));
                            }
                        }
                    }
                }
                added += organisations.createAll(adding, importId);
                int changed = organisations.updateAll(updating, given, importId);
                updated += changed;
                skipped += updating.size() - changed;
                numbers = laterNumbers;
                batch = later;
            }
        }
    }

    /** Thrown to roll the import back when someone cancels it. */
    private static final class Cancelled extends RuntimeException {

        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The file failed a check it passed before: the area list changed in between. */
    private static final class NoLongerValid extends RuntimeException {

        NoLongerValid() {
            super(null, null, false, false);
        }
    }
}
