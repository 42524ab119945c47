package org.sectormap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * ReplicaConfig reads {@code sectormap.replica.url} when the context starts, not through a condition
 * that Spring's AOT processing would settle at build time: the same bean definitions route reads to a
 * replica when the URL is set and leave the one DataSource alone when it is not. (ReplicaTests shows
 * the routing against a real streaming replica.)
 */
class ReplicaConfigTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Primary.class, ReplicaConfig.class);

    /** Spring Boot's DataSource and JdbcTemplate, as far as ReplicaConfig needs them. */
    @Configuration(proxyBeanMethods = false)
    static class Primary {

        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:primary");
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    @Test
    void shouldLeaveTheDataSourceAndRequestsAloneWithoutAReplicaUrl() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(DataSource.class)).isInstanceOf(DriverManagerDataSource.class);
            assertThat(interceptors(started)).isEmpty();
        });
    }

    @Test
    void shouldTreatABlankReplicaUrlAsNone() {
        context.withPropertyValues("sectormap.replica.url=").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(DataSource.class)).isInstanceOf(DriverManagerDataSource.class);
        });
    }

    @Test
    void shouldRouteReadsAndRememberOwnWritesWithAReplicaUrl() {
        context.withPropertyValues("sectormap.replica.url=jdbc:h2:mem:replica", "sectormap.replica.username=sa")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(DataSource.class)).isInstanceOf(RoutedDataSource.class);
                    assertThat(interceptors(started)).singleElement().isInstanceOf(OwnWrites.class);
                });
    }

    /** What the app's WebMvcConfigurers add to Spring MVC's interceptors, unwrapped. */
    private static List<Object> interceptors(ApplicationContext started) {
        var registry = new InterceptorRegistry() {
            List<Object> added() {
                return getInterceptors();
            }
        };
        started.getBeansOfType(WebMvcConfigurer.class).values().forEach(configurer -> configurer.addInterceptors(registry));
        return registry.added();
    }
}
