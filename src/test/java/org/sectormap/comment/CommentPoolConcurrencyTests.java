package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two interviews recorded at once, as two instances or two browsers on one database would. */
@DatabaseTest
class CommentPoolConcurrencyTests {

    @Autowired
    CommentService comments;

    @Autowired
    AnonymitySettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The first releases the pool and, before it commits, the second finds the pool full too and
     * waits on the rows the first has locked: once the first commits, those rows are gone and the
     * second, alone in the pool, must neither release them again nor release itself early.
     */
    @Test
    void shouldReleaseEachWaitingCommentOnceWhenTwoInterviewsFillThePoolAtOnce() throws Exception {
        int k = settings.releaseAfter();
        List<String> batch = new ArrayList<>();
        for (int n = 1; n < k; n++) {
            batch.add("Waiting comment " + n);
            comments.hold(List.of(new NewComment("A", "Barriers", "Waiting comment " + n)));
        }
        CountDownLatch firstReleased = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transaction.executeWithoutResult(status -> {
                comments.hold(List.of(new NewComment("A", "Barriers", "First at once")));
                firstReleased.countDown();
                await(mayCommit);
            }));
            assertThat(firstReleased.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transaction.executeWithoutResult(status ->
                    comments.hold(List.of(new NewComment("A", "Barriers", "Second at once")))));
            // Long enough for the second to reach the locked rows; if it has not, the two simply run in turn.
            Thread.sleep(500);
            mayCommit.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        batch.add("First at once");
        assertThat(comments.all()).extracting(AnonymousComment::text).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(comments.waiting().interviews()).isEqualTo(1);
        comments.releaseNow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM anonymous_comment WHERE comment_text = 'Second at once'",
                Integer.class)).isEqualTo(1);
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
