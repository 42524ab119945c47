package org.sectormap.organisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening the search index (Lucene's classes, its files, a first commit) takes the start-up's main
 * thread a fifth of a second or more, and nothing before the first search needs it: it opens on
 * Spring Boot's bootstrap executor, on the other core, while the main thread goes on with the rest
 * of the context, which waits for it before it is ready (and so before the first request).
 * {@link OrganisationRepository} takes it through an ObjectProvider, so as not to ask for it first.
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexConfig {

    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    SearchIndex searchIndex(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) {
        return new SearchIndex(jdbc, url);
    }
}
