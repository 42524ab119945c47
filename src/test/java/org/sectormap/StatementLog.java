package org.sectormap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL that requests send to the database, as the application's connections are asked to prepare
 * or run it: {@code @Import(StatementLog.Recording.class)} into a test of the whole app, then
 * autowire it, to count what one page costs. Only statements made on Tomcat's request threads are
 * kept, so a background job (the session sweep, the search index catching up) does not count
 * against a page.
 */
public final class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    /** What requests have sent since the last {@link #clear()}, in order. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    public void clear() {
        statements.clear();
    }

    private void record(String sql) {
        if (Thread.currentThread().getName().startsWith("http-")) {
            statements.add(sql.strip().replaceAll("\\s+", " "));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor statementLogging(ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? new Logged(dataSource, log) : bean;
                }
            };
        }
    }

    private static final class Logged extends DelegatingDataSource {

        private final ObjectProvider<StatementLog> log;

        Logged(DataSource dataSource, ObjectProvider<StatementLog> log) {
            super(dataSource);
            this.log = log;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return logged(Connection.class, super.getConnection(), log.getObject());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return logged(Connection.class, super.getConnection(username, password), log.getObject());
        }

        /** Records the SQL of every call whose first argument is a statement's text; statements made are wrapped too. */
        private static <T> T logged(Class<T> type, T target, StatementLog log) {
            return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        if (args != null && args.length > 0 && args[0] instanceof String sql && sends(method)) {
                            log.record(sql);
                        }
                        Object result = invoke(method, target, args);
                        return result instanceof Statement statement && method.getName().equals("createStatement")
                                ? logged(Statement.class, statement, log) : result;
                    }));
        }

        private static boolean sends(Method method) {
            String name = method.getName();
            return name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch");
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
