package org.sectormap.imports;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a demo data set, by {@code --demo} on the command line or the welcome page's buttons:
 * whole or not at all, only into an empty register, and only once in a database's life.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The report's 25 key recommendations, which every set carries. */
    private static final String RECOMMENDATIONS = "demo/recommendations.csv";

    enum Outcome {
        LOADED, NOT_EMPTY, ALREADY_LOADED
    }

    /** @param organisations how many were loaded; 0 unless loaded */
    record Result(Outcome outcome, int organisations) {
    }

    private final DemoDataGuard guard;
    private final DemoDataStore store;
    private final DemoDataWorkedExample workedExample;
    private final TransactionTemplate transaction;

    DemoData(DemoDataGuard guard, DemoDataStore store, DemoDataWorkedExample workedExample,
            PlatformTransactionManager transactions) {
        this.guard = guard;
        this.store = store;
        this.workedExample = workedExample;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** {@code --demo} loads Appendix 1, {@code --demo=worked-example} the worked example. */
    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        List<String> named = args.getOptionValues("demo");
        DemoDataSet set = named.isEmpty() ? DemoDataSet.APPENDIX_1 : DemoDataSet.fromCode(named.get(0))
                .orElseThrow(() -> new IllegalArgumentException("--demo=" + named.get(0) + " is not a demo data set: "
                        + "use --demo for Appendix 1 of the report or --demo=worked-example"));
        Result result = load(set);
        switch (result.outcome()) {
            case LOADED -> log.info("Loaded {} demo organisations ({})", result.organisations(), set.code());
            case NOT_EMPTY -> log.info("Demo data not loaded: the register is not empty");
            case ALREADY_LOADED -> log.info("Demo data not loaded: this database already has it, or is loading it now");
        }
    }

    /**
     * One transaction for the whole set, its first write the guard row, so a failure part way
     * leaves nothing behind and a second load (a double click, another instance on the same
     * database) fails on the row's key and rolls back rather than loading twice.
     */
    Result load(DemoDataSet set) {
        return transaction.execute(status -> {
            // Waiting comments would be released with the demo's, which everyone knows, and so stand out.
            if (store.organisationCount() > 0 || store.commentsWaiting()) {
                return new Result(Outcome.NOT_EMPTY, 0);
            }
            if (!guard.claim(set)) {
                status.setRollbackOnly();
                return new Result(Outcome.ALREADY_LOADED, 0);
            }
            Map<String, Long> organisations = store.importOrganisations(
                    DemoDataCsv.bytes(set.file("organisations.csv")));
            Map<Integer, Long> recommendations = store.recommendationCount() == 0 ? loadRecommendations() : Map.of();
            if (set == DemoDataSet.WORKED_EXAMPLE) {
                workedExample.load(organisations, recommendations);
            }
            return new Result(Outcome.LOADED, organisations.size());
        });
    }

    /**
     * The report's recommendations under its three headings, numbered in order as it numbers them.
     *
     * @return their ids by number
     */
    private Map<Integer, Long> loadRecommendations() {
        DemoDataCsv.rows(RECOMMENDATIONS)
                .forEach(row -> store.addRecommendation(row.get("heading"), row.get("addressed_to"), row.get("text")));
        return store.recommendationIdsByNumber();
    }
}
