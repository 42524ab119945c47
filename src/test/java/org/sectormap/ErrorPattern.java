package org.sectormap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What axe-core does not check of the error pattern the forms follow: a page showing an error summary
 * says so in its title; each of the summary's links lands on a control of the page (or, for a file's
 * problems, on the table listing them, or a failed import's outcome, which take focus); and each error
 * message is named by some control's (or fieldset's) aria-describedby, so a screen reader reads it
 * with the field. A back link comes before main, as GOV.UK places it.
 */
public final class ErrorPattern {

    private ErrorPattern() {
    }

    public static List<String> faults(String html) {
        Document page = Jsoup.parse(html);
        List<String> faults = new ArrayList<>();
        if (!page.select(".error-summary").isEmpty() && !page.title().startsWith("Error: ")) {
            faults.add("an error summary under a title without \"Error: \": " + page.title());
        }
        for (Element link : page.select(".error-summary a[href^=#]")) {
            String id = link.attr("href").substring(1);
            Element target = page.getElementById(id);
            if (target == null) {
                faults.add("the error summary links to #" + id + ", which is not on the page");
            } else if (!target.is("input, select, textarea, [tabindex]")) {
                faults.add("the error summary links to #" + id + ", a " + target.tagName() + " that cannot take focus");
            }
        }
        // GOV.UK puts a back link before main, so that the skip link passes it and main opens on the summary.
        if (!page.select("main .back-link").isEmpty()) {
            faults.add("a back link inside main");
        }
        Set<String> described = new HashSet<>();
        page.select("[aria-describedby]").forEach(e -> described.addAll(Arrays.asList(e.attr("aria-describedby").split("\\s+"))));
        for (Element message : page.select(".error-message[id]")) {
            if (!described.contains(message.id())) {
                faults.add("no control is described by the error message #" + message.id());
            }
        }
        return faults;
    }
}
