package org.sectormap.outreach;

import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.organisation.OutreachStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class ContactAttemptController {

    private static final String FORM = "outreach/attempt-form";

    private final OutreachService outreach;
    private final OrganisationService organisations;
    private final ContactAttemptRules rules;
    private final Labels labels;

    ContactAttemptController(OutreachService outreach, OrganisationService organisations, ContactAttemptRules rules,
            Labels labels) {
        this.outreach = outreach;
        this.organisations = organisations;
        this.rules = rules;
        this.labels = labels;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("labels", labels);
    }

    @GetMapping("/organisations/{id:\\d+}/attempts/new")
    String newAttempt(@PathVariable long id, Model model) {
        return form(load(id), null, ContactAttemptForm.today(outreach.today().toString()), "", FormErrors.none(), model);
    }

    @GetMapping("/organisations/{id:\\d+}/attempts/{attempt:\\d+}/edit")
    String editAttempt(@PathVariable long id, @PathVariable long attempt, Model model) {
        ContactAttempt logged = outreach.get(id, attempt);
        return form(load(id), logged, logged.typed(), "", FormErrors.none(), model);
    }

    @PostMapping("/organisations/{id:\\d+}/attempts/{attempt:\\d+}/edit")
    String change(@PathVariable long id, @PathVariable long attempt, ContactAttemptForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organisation organisation = load(id);
        ContactAttempt logged = outreach.get(id, attempt);
        ContactAttemptRules.Result result = rules.check(form);
        if (!result.problems().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(organisation, logged, form, "", labels.errors(result.problems()), model);
        }
        outreach.change(id, attempt, result.attempt());
        redirect.addFlashAttribute("notice", "contact.changed");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id:\\d+}/attempts/{attempt:\\d+}/delete")
    String confirmDelete(@PathVariable long id, @PathVariable long attempt, Model model) {
        model.addAttribute("organisation", load(id));
        model.addAttribute("attempt", outreach.get(id, attempt));
        return "outreach/attempt-delete";
    }

    @PostMapping("/organisations/{id:\\d+}/attempts/{attempt:\\d+}/delete")
    String delete(@PathVariable long id, @PathVariable long attempt, RedirectAttributes redirect) {
        outreach.delete(id, attempt);
        redirect.addFlashAttribute("notice", "contact.deleted");
        return "redirect:/organisations/" + id;
    }

    /** The form, to log a new attempt ({@code attempt} null) or change one logged. */
    private String form(Organisation organisation, ContactAttempt attempt, ContactAttemptForm form, String newStatus,
            FormErrors errors, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("attempt", attempt);
        model.addAttribute("form", form);
        model.addAttribute("newStatus", newStatus);
        model.addAttribute("errors", errors);
        return FORM;
    }

    @PostMapping("/organisations/{id:\\d+}/attempts/new")
    String record(@PathVariable long id, ContactAttemptForm form,
            @RequestParam(defaultValue = "") String newStatus, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Organisation organisation = load(id);
        ContactAttemptRules.Result result = rules.check(form, newStatus, organisation.details().status());
        if (!result.problems().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(organisation, null, form, newStatus, labels.errors(result.problems()), model);
        }
        outreach.record(id, result.attempt(), result.newStatus());
        if (result.attempt().outcome() == ContactOutcome.INTERVIEW_HELD
                && organisation.details().status() != OutreachStatus.INTERVIEWED) {
            // The interview's answers belong on the record: take the researcher straight to them.
            redirect.addFlashAttribute("notice", "contact.recordInterview");
            return "redirect:/organisations/" + id + "/interviews/new";
        }
        redirect.addFlashAttribute("notice", "contact.recorded");
        return "redirect:/organisations/" + id;
    }

    private Organisation load(long id) {
        return organisations.get(id);
    }
}
