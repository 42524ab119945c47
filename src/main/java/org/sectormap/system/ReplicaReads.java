package org.sectormap.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Where a read-only transaction reads: the replica, unless the reader has changed something the
 * replica has not replayed yet, when the primary. A reader with nothing outstanding costs nothing;
 * one with a change outstanding costs one query on the replica, and once in a request at most: after
 * one read has gone to the primary, the rest of the request's reads go there without asking.
 */
final class ReplicaReads extends AbstractDataSource {

    /** How far the replica has replayed the primary's log, in bytes; NULL on a server that is no replica. */
    static final String REPLAYED = "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')";

    private final DataSource replica;
    private final DataSource primary;
    private final Supplier<OwnWrites> ownWrites;

    ReplicaReads(DataSource replica, DataSource primary, Supplier<OwnWrites> ownWrites) {
        this.replica = replica;
        this.primary = primary;
        this.ownWrites = ownWrites;
    }

    @Override
    public Connection getConnection() throws SQLException {
        OwnWrites writes = ownWrites.get();
        if (writes.onPrimaryThisRequest()) {
            return primary();
        }
        OptionalLong awaited = writes.awaited();
        Connection connection = replica.getConnection();
        if (awaited.isEmpty()) {
            return connection;
        }
        boolean caughtUp;
        try {
            caughtUp = replayed(connection) >= awaited.getAsLong();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        if (caughtUp) {
            writes.replicaHas(awaited.getAsLong());
            return connection;
        }
        connection.close();
        writes.stayOnPrimary();
        return primary();
    }

    /** No credentials of its own: the replica's pool and the primary's have theirs. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The replica and primary pools have their own credentials");
    }

    /** Read-only on the primary too, so that a read-only transaction that writes fails wherever it runs. */
    private Connection primary() throws SQLException {
        Connection connection = primary.getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    /** A server that is no replica (NULL) is never taken to have replayed anything: the primary then reads. */
    private static long replayed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(REPLAYED)) {
            result.next();
            long replayed = result.getLong(1);
            return result.wasNull() ? -1 : replayed;
        }
    }
}
