package org.sectormap.outreach;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.Labels;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.SpreadsheetText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The researcher's working lists: who to contact next, and who asked to hear more. */
@Controller
class OutreachController {

    static final int DEFAULT_DAYS = 14;

    private final OutreachService outreach;
    private final Labels labels;
    private final MessageSource messages;

    OutreachController(OutreachService outreach, Labels labels, MessageSource messages) {
        this.outreach = outreach;
        this.labels = labels;
        this.messages = messages;
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("labels", labels);
    }

    @GetMapping("/outreach")
    String due(@RequestParam(defaultValue = "" + DEFAULT_DAYS) String days, Model model) {
        int since = parseDays(days);
        List<ContactAttemptRepository.Due> due = outreach.due(since);
        model.addAttribute("days", since);
        model.addAttribute("badDays", since != DEFAULT_DAYS && !String.valueOf(since).equals(days.strip()));
        model.addAttribute("due", due);
        model.addAttribute("limited", due.size() == OutreachService.DUE_LIMIT);
        model.addAttribute("limit", OutreachService.DUE_LIMIT);
        return "outreach/due";
    }

    @GetMapping("/outreach/follow-up")
    String followUp(Model model) {
        model.addAttribute("organisations", outreach.keenForFollowUp());
        return "outreach/follow-up";
    }

    @GetMapping("/outreach/follow-up.csv")
    void followUpCsv(HttpServletResponse response) throws IOException {
        List<String> header = Stream.of("field.name", "field.contactName", "field.phone", "field.email",
                "due.lastAttempt", "field.outcome").map(this::text).toList();
        try (CSVPrinter csv = CsvDownload.start(response, "follow-up.csv", header)) {
            for (ContactAttemptRepository.Due o : outreach.keenForFollowUp()) {
                csv.printRecord(Stream.of(o.name(), o.contactName(), o.phone(), o.email(),
                        o.lastAttempt() == null ? null : o.lastAttempt().toString(),
                        o.lastOutcome() == null ? null : labels.of(o.lastOutcome())).map(SpreadsheetText::guard));
            }
        }
    }

    /** A number of days from 0 to ten years; anything else falls back to the default, which the page says. */
    private static int parseDays(String days) {
        try {
            int n = Integer.parseInt(days.strip());
            return n >= 0 && n <= 3650 ? n : DEFAULT_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_DAYS;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
