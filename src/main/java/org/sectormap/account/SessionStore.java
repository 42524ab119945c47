package org.sectormap.account;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database, as Spring Session JDBC keeps them, but with one change: two requests of
 * one session that set the same new attribute at once (a form sent twice, two tabs) would both
 * insert it, and the second fail on the key after its work was done. Each database's upsert
 * instead: PostgreSQL's from Spring Session itself, H2's MERGE ... KEY.
 */
@Configuration
class SessionStore {

    static final String H2_UPSERT = "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, "
            + "ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

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
