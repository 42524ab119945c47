package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The routing decision of a read-only transaction with a replica, without a database: the replica
 * and the primary are mocks, and the "log positions" are what the mocked queries answer.
 */
class ReplicaReadsTests {

    private final DataSource replica = mock(DataSource.class);
    private final DataSource primary = mock(DataSource.class);
    private final Connection replicaConnection = mock(Connection.class);
    private final Connection primaryConnection = mock(Connection.class);
    private final Statement replayQuery = mock(Statement.class);
    private final ResultSet replayed = mock(ResultSet.class);
    private final JdbcOperations primaryJdbc = mock(JdbcOperations.class);
    private final OwnWrites ownWrites = new OwnWrites(primaryJdbc);
    private final ReplicaReads reads = new ReplicaReads(replica, primary, () -> ownWrites);
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void connections() throws SQLException {
        when(replica.getConnection()).thenReturn(replicaConnection);
        when(primary.getConnection()).thenReturn(primaryConnection);
        when(replicaConnection.createStatement()).thenReturn(replayQuery);
        when(replayQuery.executeQuery(ReplicaReads.REPLAYED)).thenReturn(replayed);
        when(replayed.next()).thenReturn(true);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("author@test.example",
                null, "ROLE_RESEARCHER"));
    }

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void shouldReadTheReplicaWithoutAskingWhenTheReaderHasChangedNothing() throws Exception {
        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(replicaConnection);
        verify(replicaConnection, never()).createStatement();
        verify(primary, never()).getConnection();
    }

    @Test
    void shouldNotRememberAPositionAfterAGetOrForSomeoneNotSignedIn() throws Exception {
        finishRequest("GET", 100);
        SecurityContextHolder.clearContext();
        finishRequest("POST", 100);
        verify(primaryJdbc, never()).queryForObject(anyString(), eq(Long.class));

        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(replicaConnection);
        verify(replicaConnection, never()).createStatement();
    }

    @Test
    void shouldReadTheReplicaOnceItHasReplayedTheReadersChangeAndThenStopAsking() throws Exception {
        finishRequest("POST", 100);
        replicaAt(100);

        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(replicaConnection);
        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(replicaConnection);
        verify(replicaConnection, times(1)).createStatement();
        assertThat(session.getAttribute(OwnWrites.SESSION_ATTRIBUTE)).isNull();
    }

    @Test
    void shouldReadThePrimaryWhileTheReplicaIsBehindTheReadersChangeAskingOnceARequest() throws Exception {
        finishRequest("POST", 100);
        replicaAt(99);

        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(primaryConnection);
        assertThat(reads.getConnection()).isSameAs(primaryConnection);
        verify(replicaConnection, times(1)).createStatement();
        verify(replicaConnection).close();
        verify(primaryConnection, times(2)).setReadOnly(true);

        // The next request asks again, and the replica has caught up meanwhile.
        replicaAt(100);
        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(replicaConnection);
    }

    @Test
    void shouldReadThePrimaryWhenTheReplicaIsNoReplica() throws Exception {
        finishRequest("POST", 100);
        when(replayed.getLong(1)).thenReturn(0L);
        when(replayed.wasNull()).thenReturn(true);

        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(primaryConnection);
    }

    @Test
    void shouldKnowTheReadersChangeFromTheSessionOnAnotherInstance() throws Exception {
        finishRequest("POST", 100);
        replicaAt(99);
        ReplicaReads onAnotherInstance = new ReplicaReads(replica, primary,
                () -> new OwnWrites(mock(JdbcOperations.class)));

        startRequest("GET");
        assertThat(onAnotherInstance.getConnection()).isSameAs(primaryConnection);
    }

    @Test
    void shouldWaitForTheLatestOfTheReadersChanges() throws Exception {
        finishRequest("POST", 200);
        finishRequest("DELETE", 150);
        replicaAt(199);

        startRequest("GET");
        assertThat(reads.getConnection()).isSameAs(primaryConnection);
    }

    /** A request with the one session, as the browser's next request would bring it. */
    private void startRequest(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/reports");
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** A request that reached its handler, with the primary's log at {@code position} afterwards. */
    private void finishRequest(String method, long position) {
        when(primaryJdbc.queryForObject(anyString(), eq(Long.class))).thenReturn(position);
        startRequest(method);
        MockHttpServletRequest request = (MockHttpServletRequest) ((ServletRequestAttributes) RequestContextHolder
                .getRequestAttributes()).getRequest();
        ownWrites.postHandle(request, new MockHttpServletResponse(), new Object(), null);
    }

    private void replicaAt(long position) throws SQLException {
        when(replayed.getLong(1)).thenReturn(position);
        when(replayed.wasNull()).thenReturn(false);
    }
}
