package org.sectormap.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.postgresql.PGStatement;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The prepared statements an operation sends, with their parameters, kept while the benchmark asks
 * ({@link #during}) and sent again bare through JDBC ({@link #replay}): the raw SQL that the app's time
 * for the same answer is compared with. Only the benchmark's own thread is recorded.
 */
final class SentStatements {

    /**
     * A statement's text, its parameters by position, and on PostgreSQL the driver's prepare threshold
     * the app left on it (0 where it is planned for its values each time), or null.
     */
    record Sent(String sql, Map<Integer, Object> parameters, Integer prepareThreshold) {
    }

    private static final ThreadLocal<List<Sent>> RECORDING = new ThreadLocal<>();

    private SentStatements() {
    }

    /** The statements the operation sent, in order. */
    static List<Sent> during(Runnable operation) {
        List<Sent> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            operation.run();
        } finally {
            RECORDING.remove();
        }
        return List.copyOf(sent);
    }

    /** Sends each statement again, reading every row of every answer, in one read-only transaction as the app's. */
    static void replay(DataSource dataSource, List<Sent> statements) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            for (Sent sent : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sent.sql())) {
                    if (sent.prepareThreshold() != null) {
                        statement.unwrap(PGStatement.class).setPrepareThreshold(sent.prepareThreshold());
                    }
                    for (Map.Entry<Integer, Object> parameter : sent.parameters().entrySet()) {
                        statement.setObject(parameter.getKey(), parameter.getValue());
                    }
                    if (statement.execute()) {
                        try (ResultSet rows = statement.getResultSet()) {
                            int columns = rows.getMetaData().getColumnCount();
                            while (rows.next()) {
                                for (int c = 1; c <= columns; c++) {
                                    rows.getObject(c);
                                }
                            }
                        }
                    }
                }
            }
            connection.commit();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        @Bean
        static BeanPostProcessor sentStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? new Recorded(dataSource) : bean;
                }
            };
        }
    }

    private static final class Recorded extends DelegatingDataSource {

        Recorded(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(SentStatements.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(method, connection, args);
                        List<Sent> sent = RECORDING.get();
                        if (sent != null && result instanceof PreparedStatement statement
                                && method.getName().equals("prepareStatement")) {
                            return recorded(statement, (String) args[0], sent);
                        }
                        return result;
                    });
        }

        /** Keeps each parameter as it is set, and the statement with its parameters each time it is run. */
        private static PreparedStatement recorded(PreparedStatement target, String sql, List<Sent> sent) {
            Map<Integer, Object> parameters = new TreeMap<>();
            return (PreparedStatement) Proxy.newProxyInstance(SentStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                            parameters.put(index, name.equals("setNull") ? null : args[1]);
                        } else if (name.startsWith("execute") && (args == null || args.length == 0)) {
                            sent.add(new Sent(sql, new TreeMap<>(parameters), prepareThreshold(target)));
                        }
                        return invoke(method, target, args);
                    });
        }

        private static Integer prepareThreshold(PreparedStatement statement) throws SQLException {
            return statement.isWrapperFor(PGStatement.class) ? statement.unwrap(PGStatement.class).getPrepareThreshold() : null;
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
