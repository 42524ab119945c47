package org.sectormap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two writers at once, as two browsers or two instances on one database would be, for tests of what they race for. */
public final class HeldTransaction {

    private HeldTransaction() {
    }

    /**
     * Runs {@code first} in a transaction held open while {@code second} starts on another thread,
     * then commits it and waits for both; either's failure is thrown. Half a second is long enough
     * for the second to reach whatever the first has locked; if it has not, the two simply run in turn.
     */
    public static void whileHeld(PlatformTransactionManager transactions, Runnable first, Runnable second)
            throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> held = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                first.run();
                done.countDown();
                await(commit);
            }));
            if (!done.await(30, TimeUnit.SECONDS)) {
                held.get(1, TimeUnit.SECONDS);
                throw new IllegalStateException("The first transaction never finished its work");
            }
            Future<?> other = threads.submit(second);
            Thread.sleep(500);
            commit.countDown();
            held.get(60, TimeUnit.SECONDS);
            other.get(60, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Never allowed to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
