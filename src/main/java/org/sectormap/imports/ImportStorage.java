package org.sectormap.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationService;
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
    private final ImportHistory history;
    private final ImportJobs jobs;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    /** The starting user's identity goes with the task, so the audit trail and the history name them. */
    private final DelegatingSecurityContextExecutor background;

    ImportStorage(OrganisationReader reader, OrganisationService organisations, ImportHistory history,
            ImportJobs jobs, PlatformTransactionManager transactions) {
        this.reader = reader;
        this.organisations = organisations;
        this.history = history;
        this.jobs = jobs;
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

    /** Stores the file of a job that holds the lock, here and now. */
    ImportJob.Status store(long jobId, ImportService.Storing storing) {
        try {
            int stored = transaction.execute(status -> {
                Batches batches = new Batches(jobId, history.start(storing.upload(), storing.mappingName()));
                ParsedImport parsed = reader.read(storing.upload(), storing.mapping(),
                        (row, organisation) -> batches.add(organisation));
                if (!parsed.valid()) {
                    throw new NoLongerValid();
                }
                batches.flush();
                history.finish(batches.importId, batches.stored, 0, 0);
                return batches.stored;
            });
            jobs.progress(jobId, stored, stored);
            jobs.finish(jobId, ImportJob.Status.DONE, null);
            return ImportJob.Status.DONE;
        } catch (Cancelled e) {
            jobs.finish(jobId, ImportJob.Status.CANCELLED, null);
            return ImportJob.Status.CANCELLED;
        } catch (NoLongerValid e) {
            jobs.finish(jobId, ImportJob.Status.FAILED, "import.job.noLongerValid");
            return ImportJob.Status.FAILED;
        } catch (RuntimeException | Error e) {
            // The class only: a database's message quotes the values it refused.
            log.warn("Import job {} failed: {}", jobId, e.getClass().getName());
            jobs.finish(jobId, ImportJob.Status.FAILED, "import.job.failed");
            throw e;
        }
    }

    /** Stores the file of a job that holds the lock on the background thread, as the user who started it. */
    void storeInBackground(long jobId, ImportService.Storing storing) {
        try {
            background.execute(() -> {
                try {
                    store(jobId, storing);
                } catch (RuntimeException e) {
                    // Already recorded on the job and logged.
                }
            });
        } catch (RejectedExecutionException e) {
            jobs.finish(jobId, ImportJob.Status.FAILED, "import.job.failed");
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }

    /** The organisations read so far and not yet stored, and how many have been. */
    private final class Batches {

        private final long jobId;
        private final long importId;
        private final List<OrganisationDetails> waiting = new ArrayList<>(BATCH);
        private int checked;
        private int stored;

        Batches(long jobId, long importId) {
            this.jobId = jobId;
            this.importId = importId;
        }

        void add(OrganisationDetails details) {
            checked++;
            waiting.add(details);
            if (waiting.size() == BATCH) {
                flush();
                if (jobs.progress(jobId, checked, stored)) {
                    throw new Cancelled();
                }
            }
        }

        void flush() {
            stored += organisations.createAll(waiting, importId);
            waiting.clear();
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
