package org.sectormap.system;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's DataSource when there is a replica. A transaction's connection is fetched at its
 * first statement, by when the transaction manager has said whether it is read-only: read-only ones
 * get theirs from {@link ReplicaReads}, every other one from the primary.
 */
final class RoutedDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final HikariDataSource replica;

    RoutedDataSource(DataSource primary, HikariDataSource replica, ReplicaReads reads) {
        super(primary);
        this.replica = replica;
        setReadOnlyDataSource(reads);
    }

    /** Both pools end with the application, as Spring Boot's pool alone would have. */
    @Override
    public void close() throws Exception {
        replica.close();
        if (obtainTargetDataSource() instanceof AutoCloseable primary) {
            primary.close();
        }
    }
}
