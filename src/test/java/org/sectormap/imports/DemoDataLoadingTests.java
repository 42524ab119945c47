package org.sectormap.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.imports.DemoData.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Loading is all or nothing and once only, whatever happens part way and whoever else is loading. */
@DatabaseTest
class DemoDataLoadingTests {

    /** Every table a load writes to. */
    private static final List<String> TABLES = List.of("organisation", "contact_attempt", "interview",
            "interview_answer", "comment_pool", "anonymous_comment", "comment_theme", "recommendation_group", "recommendation",
            "recommendation_theme", "recommendation_comment", "demo_load");

    @Autowired
    DemoData demo;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    DemoDataStore store;

    @MockitoSpyBean
    DemoDataGuard guard;

    /** The last link of the last recommendation fails, after everything else has been written. */
    @Test
    void shouldLeaveNothingStoredWhenALoadFailsPartWay() {
        AtomicInteger linked = new AtomicInteger();
        doAnswer(call -> {
            if (linked.incrementAndGet() == 25) {
                throw new IllegalStateException("The disk is full");
            }
            return call.callRealMethod();
        }).when(store).link(anyLong(), anySet(), anySet());

        assertThatThrownBy(() -> demo.load(DemoDataSet.WORKED_EXAMPLE)).hasMessage("The disk is full");

        verify(store, times(26)).recordInterview(anyLong(), any());
        TABLES.forEach(table -> assertThat(rows(table)).as(table).isZero());
    }

    @Test
    void shouldLoadAgainOnceAFailedLoadHasRolledBack() {
        doThrow(new IllegalStateException("The disk is full")).when(store).importOrganisations(any());
        assertThatThrownBy(() -> demo.load(DemoDataSet.APPENDIX_1)).hasMessage("The disk is full");
        doAnswer(call -> call.callRealMethod()).when(store).importOrganisations(any());

        assertThat(demo.load(DemoDataSet.APPENDIX_1).outcome()).isEqualTo(Outcome.LOADED);
        assertThat(rows("organisation")).isEqualTo(48);
    }

    /**
     * The first load is held just after claiming the guard row until the second has seen an
     * empty register and reached its own claim, so only the guard can stop a double load.
     */
    @Test
    void shouldLoadOnceWhenTwoLoadsRunAtTheSameMoment() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondClaiming = new CountDownLatch(1);
        AtomicInteger claims = new AtomicInteger();
        doAnswer(call -> {
            if (claims.incrementAndGet() == 2) {
                secondClaiming.countDown();
            }
            return call.callRealMethod();
        }).when(guard).claim(any());
        doAnswer(call -> {
            firstClaimed.countDown();
            if (!secondClaiming.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The second load never reached its claim");
            }
            return call.callRealMethod();
        }).when(store).importOrganisations(any());

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<DemoData.Result> first = threads.submit(() -> demo.load(DemoDataSet.APPENDIX_1));
            assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<DemoData.Result> second = threads.submit(() -> demo.load(DemoDataSet.APPENDIX_1));

            assertThat(first.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.LOADED);
            assertThat(second.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALREADY_LOADED);
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows("organisation")).isEqualTo(48);
        assertThat(rows("recommendation")).isEqualTo(25);
        assertThat(rows("demo_load")).isEqualTo(1);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
