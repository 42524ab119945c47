package org.sectormap.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sectormap.audit.AuditTrail;
import org.sectormap.organisation.ContactPeople;
import org.sectormap.setting.Settings;
import org.sectormap.shared.BadParameterException;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Input;
import org.sectormap.shared.Inputs;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator's subject access, erasure and retention pages. The person's name and email
 * travel in POST bodies, never in addresses, so they stay out of browser history, proxies' logs
 * and Referer headers; a search by POST answers with its page, as it changes nothing.
 */
@Controller
class PrivacyController {

    static final String PATH = "/privacy";
    private static final int SHORTEST = 3;

    private final PersonalData personalData;
    private final Retention retention;
    private final Inputs inputs;
    private final Labels labels;
    private final Clock clock;
    private final AuditTrail audit;

    PrivacyController(PersonalData personalData, Retention retention, Inputs inputs, Labels labels, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.personalData = personalData;
        this.retention = retention;
        this.inputs = inputs;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String subjectAccess(Model model) {
        return search(Map.of(), FormErrors.none(), model);
    }

    @PostMapping(PATH + "/subject-access")
    String found(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            Mentions person = person(form);
            model.addAttribute("findings", personalData.find(person));
            return search(form, FormErrors.none(), model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return search(form, labels.errors(e.problems()), model);
        }
    }

    /** What was searched, when, and each value found with where it is held: one JSON document. */
    record Report(Map<String, String> searchedFor, LocalDateTime searchedAt, String matching, String notSearched,
            List<Finding> findings) {
    }

    @PostMapping(PATH + "/subject-access.json")
    ResponseEntity<?> download(@RequestParam Map<String, String> form) {
        Mentions person;
        try {
            person = person(form);
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", labels.resolve(e.problems())));
        }
        Map<String, String> searched = new LinkedHashMap<>();
        searched.put("name", blankToNull(form.get("name")));
        searched.put("email", blankToNull(form.get("email")));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subject-access.json\"")
                .body(new Report(searched, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                        labels.text("privacy.matching"), labels.text("privacy.notSearched"), personalData.find(person)));
    }

    /** The check before an erasure: everything it will change, and how. */
    @PostMapping(PATH + "/erasure")
    String checkErasure(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            Mentions person = person(form);
            model.addAttribute("form", form);
            model.addAttribute("findings", personalData.find(person));
            model.addAttribute("labels", labels);
            return "privacy/erasure";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return search(form, labels.errors(e.problems()), model);
        }
    }

    @PostMapping(PATH + "/erasure/confirmed")
    String erase(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            personalData.erase(person(form));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return search(form, labels.errors(e.problems()), model);
        }
        redirect.addFlashAttribute("notice", "privacy.erased");
        return "redirect:" + PATH;
    }

    /**
     * The period, and a page of who is kept longer: the first, or the one after the contact person
     * whose last contact and organisation are given (only those, so no one's name is in the address).
     */
    @GetMapping(PATH + "/retention")
    String retention(@RequestParam(required = false) String lastContact, @RequestParam(required = false) String after,
            Model model) {
        ContactPeople.Person from = after == null ? null : new ContactPeople.Person(
                parameter("after", after, Long::parseLong), null, null,
                // Empty, as links written before the never-contacted lost the parameter still carry it.
                lastContact == null || lastContact.isEmpty() ? null
                        : parameter("lastContact", lastContact, LocalDate::parse));
        return retention(Map.of("months", String.valueOf(retention.months())), FormErrors.none(), from, model);
    }

    @PostMapping(PATH + "/retention")
    String setRetention(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Input in = inputs.read("privacy", form);
        Long months = in.number("months", 1, Retention.MOST_MONTHS);
        if (months == null && !in.has("months")) {
            in.problem("months", "privacy.error.months.required");
        }
        if (!in.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return retention(form, labels.errors(in.problems()), null, model);
        }
        retention.setMonths(months.intValue());
        redirect.addFlashAttribute("notice", "privacy.retention.saved");
        return "redirect:" + PATH + "/retention";
    }

    /** @throws InvalidInputException unless a name or an email address of at least {@value #SHORTEST} characters is given */
    private Mentions person(Map<String, String> form) {
        Input in = inputs.read("privacy", form);
        String name = in.line("name", 200);
        String email = in.line("email", 320);
        List<String> texts = new ArrayList<>();
        for (String[] field : new String[][] {{"name", name}, {"email", email}}) {
            if (field[1] != null && field[1].length() < SHORTEST) {
                in.problem(field[0], "privacy.error.short", SHORTEST);
            } else if (field[1] != null) {
                texts.add(field[1]);
            }
        }
        if (texts.isEmpty() && in.valid()) {
            in.problem("name", "privacy.error.person.required");
        }
        in.throwIfInvalid();
        return new Mentions(texts);
    }

    private String search(Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labels", labels);
        return "privacy/subject-access";
    }

    private String retention(Map<String, String> form, FormErrors errors, ContactPeople.Person after, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Retention.DuePage due = retention.due(after);
        model.addAttribute("due", due.people());
        model.addAttribute("dueTotal", due.total());
        model.addAttribute("dueNext", due.next());
        model.addAttribute("dueFirst", after == null);
        model.addAttribute("months", retention.months());
        model.addAttribute("history", audit.history(Settings.HISTORY_PAGE));
        return "privacy/retention";
    }

    /** @throws BadParameterException when the value does not parse */
    private static <T> T parameter(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadParameterException(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
