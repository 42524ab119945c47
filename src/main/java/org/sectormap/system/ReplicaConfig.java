package org.sectormap.system;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 *
 * <p>The beans are always defined and look at the setting when they run, not through a condition:
 * Spring's AOT bean definitions, which {@code ./run} starts from, would otherwise fix the choice at
 * build time, where no replica is set.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfig {

    @Bean
    OwnWrites ownWrites(JdbcTemplate jdbc) {
        return new OwnWrites(jdbc);
    }

    @Bean
    WebMvcConfigurer ownWritesRemembered(Environment environment, ObjectProvider<OwnWrites> ownWrites) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (replica(environment).isPresent()) {
                    registry.addInterceptor(ownWrites.getObject());
                }
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
                Optional<ReplicaSettings> settings = replica(environment);
                if (!(bean instanceof DataSource primary) || bean instanceof RoutedDataSource || settings.isEmpty()) {
                    return bean;
                }
                HikariDataSource replica = pool(settings.get());
                return new RoutedDataSource(primary, replica, new ReplicaReads(replica, primary, ownWrites::getObject));
            }
        };
    }

    private static Optional<ReplicaSettings> replica(Environment environment) {
        return Optional.ofNullable(Binder.get(environment).bind("sectormap.replica", ReplicaSettings.class).orElse(null))
                .filter(settings -> settings.url() != null && !settings.url().isBlank());
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
