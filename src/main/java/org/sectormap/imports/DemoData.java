package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.sectormap.organisation.OrganisationService;
import org.sectormap.recommendation.Recommendation;
import org.sectormap.recommendation.RecommendationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations of Appendix 1 of the 2007 East Midlands mapping report, without the names
 * of the people interviewed, and its 25 key recommendations. Loaded through the importer, so it obeys the same rules as any file;
 * only into an empty register, by {@code --demo} on the command line or the welcome page's button.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String FILE = "demo/organisations.csv";

    static final String RECOMMENDATIONS = "demo/recommendations.csv";

    private final ImportService imports;
    private final OrganisationService organisations;
    private final RecommendationService recommendations;

    DemoData(ImportService imports, OrganisationService organisations, RecommendationService recommendations) {
        this.imports = imports;
        this.organisations = organisations;
        this.recommendations = recommendations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("demo")) {
            int loaded = loadIntoEmptyRegister();
            log.info(loaded > 0 ? "Loaded {} demo organisations" : "Demo data not loaded: the register is not empty",
                    loaded);
        }
    }

    /** The number loaded, or 0 when the register already holds organisations. */
    @Transactional
    synchronized int loadIntoEmptyRegister() {
        if (organisations.count() > 0) {
            return 0;
        }
        ParsedImport parsed = imports.importAll(read(FILE));
        if (!parsed.valid()) {
            throw new IllegalStateException("The shipped demo data breaks the import rules: " + parsed.problems());
        }
        if (recommendations.count() == 0) {
            loadRecommendations();
        }
        return parsed.organisations().size();
    }

    /** The report's 25 key recommendations under its three headings, numbered as it numbers them. */
    private void loadRecommendations() {
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(read(RECOMMENDATIONS), StandardCharsets.UTF_8)))) {
            for (CSVRecord row : csv) {
                Recommendation.Group group = recommendations.groups().stream()
                        .filter(g -> g.heading().equals(row.get("heading"))).findFirst()
                        .orElseGet(() -> {
                            recommendations.addGroup(row.get("heading"), row.get("addressed_to"));
                            return recommendations.groups().get(recommendations.groups().size() - 1);
                        });
                if (!recommendations.add(group.id(), row.get("text")).isEmpty()) {
                    throw new IllegalStateException("Demo recommendation " + row.get("number") + " is not valid");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
