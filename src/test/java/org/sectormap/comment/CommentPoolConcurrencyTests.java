package org.sectormap.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.HeldTransaction;
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
            comments.hold(List.of(new NewComment("A", "Barriers", "Waiting comment " + n)), Map.of());
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        // The second finds the pool full too and waits on the rows the first has locked.
        HeldTransaction.whileHeld(transactions,
                () -> comments.hold(List.of(new NewComment("A", "Barriers", "First at once")), Map.of()),
                () -> transaction.executeWithoutResult(status ->
                        comments.hold(List.of(new NewComment("A", "Barriers", "Second at once")), Map.of())));
        batch.add("First at once");
        assertThat(comments.all()).extracting(AnonymousComment::text).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(comments.waiting().interviews()).isEqualTo(1);
        comments.releaseNow(Map.of());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM anonymous_comment WHERE comment_text = 'Second at once'",
                Integer.class)).isEqualTo(1);
    }
}
