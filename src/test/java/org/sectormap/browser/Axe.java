package org.sectormap.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core from the npm registry, which .ci/run installs under target/ (see the README), run in the
 * page the browser shows. Where it is missing the tests that need it are skipped, with {@link #missing()}.
 */
final class Axe {

    private static final Path AXE = Path.of(System.getProperty("axe.path", "target/axe/node_modules/axe-core/axe.min.js"));
    /** axe's own promise, handed back to WebDriver as one line per fault: rule, impact, help and where. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): '
                + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));""";

    private Axe() {
    }

    /** axe.min.js, or null where it is not installed. */
    static String loadIfInstalled() throws IOException {
        return Files.isReadable(AXE) ? Files.readString(AXE, StandardCharsets.UTF_8) : null;
    }

    static String missing() {
        return "Accessibility test skipped: no axe-core at " + AXE.toAbsolutePath()
                + "; install it from npm as .ci/run does (see the README), or name axe.min.js with -Daxe.path";
    }

    /** What axe faults on the page the browser shows, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> faults(WebDriver browser, String axe) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        return (List<String>) js.executeAsyncScript(RUN_AXE);
    }
}
