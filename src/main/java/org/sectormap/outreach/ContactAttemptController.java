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
        model.addAttribute("organisation", load(id));
        model.addAttribute("form", ContactAttemptForm.today(outreach.today().toString()));
        model.addAttribute("newStatus", "");
        model.addAttribute("errors", FormErrors.none());
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
            model.addAttribute("organisation", organisation);
            model.addAttribute("form", form);
            model.addAttribute("newStatus", newStatus);
            model.addAttribute("errors", labels.errors(result.problems()));
            return FORM;
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
