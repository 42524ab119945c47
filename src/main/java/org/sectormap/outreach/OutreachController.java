package org.sectormap.outreach;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVPrinter;
import org.sectormap.shared.PageCount;
import org.sectormap.shared.Labels;
import org.sectormap.shared.CsvDownload;
import org.sectormap.shared.XlsxDownload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.springframework.http.HttpStatus;
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
    private static final int MAX_DAYS = 3650;

    private final OutreachService outreach;
    private final Labels labels;
    private final MessageSource messages;
    private final Inputs inputs;

    OutreachController(OutreachService outreach, Labels labels, MessageSource messages, Inputs inputs) {
        this.outreach = outreach;
        this.labels = labels;
        this.messages = messages;
        this.inputs = inputs;
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("labels", labels);
    }

    @GetMapping("/outreach")
    String due(@RequestParam(defaultValue = "" + DEFAULT_DAYS) String days, Model model,
            HttpServletResponse response) {
        // A number of days from 0 to ten years; anything else is said, and the default is shown meanwhile.
        Input in = inputs.read(field -> days);
        Long typed = in.number("days", 0, MAX_DAYS);
        int since = typed == null ? DEFAULT_DAYS : typed.intValue();
        if (!in.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        List<ContactAttemptRepository.Due> due = outreach.due(since);
        model.addAttribute("days", in.valid() ? String.valueOf(since) : days);
        model.addAttribute("since", since);
        model.addAttribute("errors", labels.errors(in.problems()));
        model.addAttribute("open", outreach.countOpen());
        model.addAttribute("due", DueRow.of(due, labels));
        model.addAttribute("limited", due.size() == OutreachService.DUE_LIMIT);
        model.addAttribute("limit", OutreachService.DUE_LIMIT);
        return "outreach/due";
    }

    @GetMapping("/outreach/follow-up")
    String followUp(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        OutreachService.KeenPage keen = outreach.keenForFollowUp(inputs.page(params));
        PageCount.notFoundPast(keen.page(), keen.pageCount(), response);
        model.addAttribute("keen", keen);
        model.addAttribute("rows", DueRow.of(keen.organisations(), labels));
        return "outreach/follow-up";
    }

    @GetMapping("/outreach/follow-up.csv")
    void followUpCsv(HttpServletResponse response) throws IOException {
        try (CSVPrinter csv = CsvDownload.start(response, "follow-up.csv", followUpHeader())) {
            outreach.forEachKeenForFollowUp(o -> CsvDownload.row(csv, Stream.of(o.name(), o.contactName(), o.phone(),
                    o.email(), o.lastAttempt() == null ? null : o.lastAttempt().toString(),
                    o.lastOutcome() == null ? null : labels.of(o.lastOutcome()))));
        }
    }

    @GetMapping("/outreach/follow-up.xlsx")
    void followUpWorkbook(HttpServletResponse response) throws IOException {
        try (XlsxDownload xlsx = XlsxDownload.start(response, "follow-up.xlsx")) {
            xlsx.sheet(text("followUp.title"), followUpHeader());
            outreach.forEachKeenForFollowUp(o -> xlsx.row(Arrays.asList(o.name(), o.contactName(), o.phone(), o.email(),
                    o.lastAttempt(), o.lastOutcome() == null ? null : labels.of(o.lastOutcome()))));
        }
    }

    private List<String> followUpHeader() {
        return Stream.of("field.name", "field.contactName", "field.phone", "field.email", "due.lastAttempt",
                "field.outcome").map(this::text).toList();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
