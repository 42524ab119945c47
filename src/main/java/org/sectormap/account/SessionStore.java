package org.sectormap.account;

import java.io.IOException;
import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sessions in the database, as Spring Session JDBC keeps them, but with one change: two requests of
 * one session that set the same new attribute at once (a form sent twice, two tabs) would both
 * insert it, and the second fail on the key after its work was done. Each database's upsert
 * instead: PostgreSQL's from Spring Session itself, H2's MERGE ... KEY. And a session's last access
 * is written back once a minute at most ({@link LastAccessWrites}), not at every request.
 */
@Configuration
class SessionStore {

    static final String H2_UPSERT = "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, "
            + "ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

    /** Static: a post-processor is made before the configuration's other beans. */
    @Bean
    static SessionWrites sessionWrites() {
        return new SessionWrites();
    }

    /** Just outside Spring Session's filter, so that the session it reads is kept until it has saved it. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionReadOnce(SessionWrites writes,
            @Value("${spring.session.servlet.filter-order:" + SessionRepositoryFilter.DEFAULT_ORDER + "}") int order) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(writes.requestScope());
        registration.setOrder(order - 1);
        return registration;
    }

    /** Puts {@link LastAccessWrites} in front of Spring Session's repository, keeping it for the filter. */
    static final class SessionWrites implements BeanPostProcessor {

        private LastAccessWrites<?> sessions;

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof JdbcIndexedSessionRepository repository) {
                sessions = new LastAccessWrites<>(repository);
                return sessions;
            }
            return bean;
        }

        OncePerRequestFilter requestScope() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    sessions.inRequest(() -> chain.doFilter(request, response));
                }
            };
        }
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsert(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return switch (product) {
            case "PostgreSQL" -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
            case "H2" -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
            default -> repository -> {
            };
        };
    }
}
