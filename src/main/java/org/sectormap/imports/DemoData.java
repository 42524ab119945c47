package org.sectormap.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.sectormap.organisation.OrganisationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations of Appendix 1 of the 2007 East Midlands mapping report, without the names
 * of the people interviewed. Loaded through the importer, so it obeys the same rules as any file;
 * only into an empty register, by {@code --demo} on the command line or the welcome page's button.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String FILE = "demo/organisations.csv";

    private final ImportService imports;
    private final OrganisationService organisations;

    DemoData(ImportService imports, OrganisationService organisations) {
        this.imports = imports;
        this.organisations = organisations;
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
        ParsedImport parsed = imports.importAll(read());
        if (!parsed.valid()) {
            throw new IllegalStateException("The shipped demo data breaks the import rules: " + parsed.problems());
        }
        return parsed.organisations().size();
    }

    private static byte[] read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
