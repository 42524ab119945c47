package org.sectormap.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;

/** For tests and benchmarks outside the package: waits for H2's search index to hold every committed change. */
public final class SearchIndexes {

    private SearchIndexes() {
    }

    /** Whether the app's database has the search index (H2), rather than PostgreSQL's trigrams. */
    public static boolean enabled(ApplicationContext spring) {
        return spring.getBean(SearchIndex.class).enabled();
    }

    public static void awaitCurrent(ApplicationContext spring) {
        awaitCurrent(spring.getBean(SearchIndex.class));
    }

    /** An index made by a test, as OrganisationRepository takes the app's from the context. */
    static ObjectProvider<SearchIndex> provided(SearchIndex index) {
        return new StaticListableBeanFactory(Map.of("searchIndex", index)).getBeanProvider(SearchIndex.class);
    }

    static void awaitCurrent(SearchIndex index) {
        long until = System.nanoTime() + 600_000_000_000L;
        while (!index.current() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(index.current()).as("the search index holds every change").isTrue();
    }

    /** The page and total of a list URL's search as the index alone answers them: the ids and the count. */
    public static Map.Entry<Integer, Long> rawSearch(ApplicationContext spring, Map<String, String> params) {
        OrganisationQuery query = spring.getBean(QueryParameters.class).read(params);
        SearchIndex.Hits found = spring.getBean(SearchIndex.class).find(query).orElseThrow();
        return Map.entry(found.ids().size(), found.total());
    }
}
