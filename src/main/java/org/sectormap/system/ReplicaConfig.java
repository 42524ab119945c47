package org.sectormap.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Only with {@code sectormap.replica.url} set, and only for PostgreSQL: read-only transactions read
 * the replica, everything else the primary, and a user's reads wait for their own changes
 * ({@link OwnWrites}). Unset, the app has the one DataSource Spring Boot makes, as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("sectormap.replica.url")
class ReplicaConfig {

    @Bean
    OwnWrites ownWrites(JdbcTemplate jdbc) {
        return new OwnWrites(jdbc);
    }

    @Bean
    WebMvcConfigurer ownWritesRemembered(OwnWrites ownWrites) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(ownWrites);
            }
        };
    }

    /**
     * Wraps Spring Boot's own DataSource, so its pool keeps every {@code spring.datasource} setting;
     * OwnWrites is looked up at the first read, as it needs the JdbcTemplate made from this DataSource.
     */
    @Bean
    static BeanPostProcessor readsFromReplica(Environment environment, ObjectProvider<OwnWrites> ownWrites) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource primary) || bean instanceof RoutedDataSource) {
                    return bean;
                }
                HikariDataSource replica = pool(Binder.get(environment).bind("sectormap.replica", ReplicaSettings.class)
                        .get());
                return new RoutedDataSource(primary, replica, new ReplicaReads(replica, primary, ownWrites::getObject));
            }
        };
    }

    /** Started at once, so an unreachable replica stops the start-up rather than the first page. */
    private static HikariDataSource pool(ReplicaSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }
}
