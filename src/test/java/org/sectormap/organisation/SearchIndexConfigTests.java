package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The search index is opened on the bootstrap executor, not the start-up's main thread, and is there once the context is. */
class SearchIndexConfigTests {

    @Test
    void shouldOpenTheSearchIndexOnTheBootstrapExecutorBeforeTheContextIsReady() {
        Map<String, String> madeOn = new ConcurrentHashMap<>();
        new ApplicationContextRunner()
                .withPropertyValues("spring.datasource.url=jdbc:none")
                .withBean("bootstrapExecutor", SimpleAsyncTaskExecutor.class, () -> new SimpleAsyncTaskExecutor("bootstrap-"))
                .withBean(JdbcTemplate.class, () -> new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:unused")))
                .withBean(BeanPostProcessor.class, () -> new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        madeOn.put(name, Thread.currentThread().getName());
                        return bean;
                    }
                })
                .withUserConfiguration(SearchIndexConfig.class)
                .run(started -> {
                    assertThat(started).hasSingleBean(SearchIndex.class);
                    assertThat(madeOn.get("searchIndex")).startsWith("bootstrap-");
                    assertThat(madeOn.get("searchIndexConfig")).doesNotStartWith("bootstrap-");
                });
    }
}
