package org.sectormap.imports;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.recommendation.Recommendation;
import org.sectormap.recommendation.RecommendationService;
import org.springframework.stereotype.Component;

/**
 * Every call the demo data makes into the rest of the application, kept in one place so the
 * loaders only read files and this class alone follows the other packages as they change.
 * Shipped data that breaks a rule is a bug, so it throws, and the load rolls back.
 */
@Component
class DemoDataStore {

    private final ImportService imports;
    private final OrganisationService organisations;
    private final RecommendationService recommendations;

    DemoDataStore(ImportService imports, OrganisationService organisations, RecommendationService recommendations) {
        this.imports = imports;
        this.organisations = organisations;
        this.recommendations = recommendations;
    }

    long organisationCount() {
        return organisations.count();
    }

    /** Through the importer, so demo organisations obey the same rules as any file. */
    int importOrganisations(byte[] csv) {
        ParsedImport parsed = imports.importAll(csv);
        if (!parsed.valid()) {
            throw new IllegalStateException("The shipped demo data breaks the import rules: " + parsed.problems());
        }
        return parsed.organisations().size();
    }

    long recommendationCount() {
        return recommendations.count();
    }

    /** Adds a recommendation under its heading, adding the heading the first time it is met. */
    void addRecommendation(String heading, String addressedTo, String text) {
        Recommendation.Group group = recommendations.groups().stream().filter(g -> g.heading().equals(heading))
                .findFirst().orElseGet(() -> {
                    if (!recommendations.addGroup(heading, addressedTo).isEmpty()) {
                        throw new IllegalStateException("Demo recommendation heading is not valid: " + heading);
                    }
                    return recommendations.groups().get(recommendations.groups().size() - 1);
                });
        if (!recommendations.add(group.id(), text).isEmpty()) {
            throw new IllegalStateException("Demo recommendation is not valid: " + text);
        }
    }
}
