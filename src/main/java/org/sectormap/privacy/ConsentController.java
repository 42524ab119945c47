package org.sectormap.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.interview.Interview;
import org.sectormap.interview.InterviewService;
import org.sectormap.organisation.Organisation;
import org.sectormap.organisation.OrganisationDetails;
import org.sectormap.organisation.OrganisationField;
import org.sectormap.organisation.OrganisationService;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Recording a consent or lawful basis, and its withdrawal, from the organisation's page. */
@Controller
class ConsentController {

    private static final String FORM = "privacy/consent-form";
    private static final String WITHDRAW = "privacy/withdraw";

    private final ConsentService consents;
    private final ConsentRules rules;
    private final OrganisationService organisations;
    private final InterviewService interviews;
    private final Labels labels;

    ConsentController(ConsentService consents, ConsentRules rules, OrganisationService organisations,
            InterviewService interviews, Labels labels) {
        this.consents = consents;
        this.rules = rules;
        this.organisations = organisations;
        this.interviews = interviews;
        this.labels = labels;
    }

    /** Offers the organisation's contact as the person, as most records are about them. */
    @GetMapping("/organisations/{id:\\d+}/consents/new")
    String newConsent(@PathVariable long id, Model model) {
        Organisation organisation = organisations.get(id);
        OrganisationDetails details = organisation.details();
        Map<String, String> form = new HashMap<>();
        form.put("personName", (String) details.get(OrganisationField.CONTACT_NAME));
        form.put("personEmail", (String) details.get(OrganisationField.EMAIL));
        return form(organisation, form, FormErrors.none(), model);
    }

    @PostMapping("/organisations/{id:\\d+}/consents/new")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organisation organisation = organisations.get(id);
        try {
            consents.record(rules.check(id, form, interviews.ofOrganisation(id).stream().map(Interview::id).toList()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(organisation, form, labels.errors(e.problems()), model);
        }
        redirect.addFlashAttribute("notice", "consent.recorded");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id:\\d+}/consents/{consent:\\d+}/withdraw")
    String withdrawal(@PathVariable long id, @PathVariable long consent, Model model) {
        return withdrawal(organisations.get(id), consents.get(id, consent), Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/organisations/{id:\\d+}/consents/{consent:\\d+}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long consent, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Organisation organisation = organisations.get(id);
        ConsentRecord record = consents.get(id, consent);
        try {
            boolean nameGone = consents.withdraw(record, rules.withdrawal(record, form));
            redirect.addFlashAttribute("notice", nameGone ? "consent.withdrawn.nameRemoved" : "consent.withdrawn");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return withdrawal(organisation, record, form, labels.errors(e.problems()), model);
        }
        return "redirect:/organisations/" + id;
    }

    private String form(Organisation organisation, Map<String, String> form, FormErrors errors, Model model) {
        List<Interview> held = interviews.ofOrganisation(organisation.id());
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", form);
        model.addAttribute("interviews", held);
        model.addAttribute("bases", LawfulBasis.values());
        model.addAttribute("labels", labels);
        model.addAttribute("errors", errors);
        return FORM;
    }

    private String withdrawal(Organisation organisation, ConsentRecord consent, Map<String, String> form,
            FormErrors errors, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("consent", consent);
        // The interview whose interviewee's name the withdrawal takes away, said before it is saved.
        model.addAttribute("namedInterview", consents.leavesNameUnkept(consent) ? interviews.ofOrganisation(organisation.id())
                .stream().filter(i -> i.id() == consent.interviewId() && i.intervieweeName() != null).findFirst()
                .orElse(null) : null);
        model.addAttribute("form", form);
        model.addAttribute("labels", labels);
        model.addAttribute("errors", errors);
        return WITHDRAW;
    }
}
