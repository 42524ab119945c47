package org.sectormap.imports;

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
    static final String RECOMMENDATIONS = "demo/recommendations.csv";

    enum Outcome {
        LOADED, NOT_EMPTY, ALREADY_LOADED
    }

    /** @param organisations how many were loaded; 0 unless loaded */
    record Result(Outcome outcome, int organisations) {
    }

    private final DemoDataGuard guard;
    private final DemoDataStore store;
    private final TransactionTemplate transaction;

    DemoData(DemoDataGuard guard, DemoDataStore store, PlatformTransactionManager transactions) {
        this.guard = guard;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        Result result = load(DemoDataSet.APPENDIX_1);
        switch (result.outcome()) {
            case LOADED -> log.info("Loaded {} demo organisations", result.organisations());
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
            if (store.organisationCount() > 0) {
                return new Result(Outcome.NOT_EMPTY, 0);
            }
            if (!guard.claim(set)) {
                status.setRollbackOnly();
                return new Result(Outcome.ALREADY_LOADED, 0);
            }
            int loaded = store.importOrganisations(DemoDataCsv.bytes(set.file("organisations.csv")));
            if (store.recommendationCount() == 0) {
                loadRecommendations();
            }
            return new Result(Outcome.LOADED, loaded);
        });
    }

    /** The report's recommendations under its three headings, numbered in order as it numbers them. */
    private void loadRecommendations() {
        DemoDataCsv.rows(RECOMMENDATIONS)
                .forEach(row -> store.addRecommendation(row.get("heading"), row.get("addressed_to"), row.get("text")));
    }
}
