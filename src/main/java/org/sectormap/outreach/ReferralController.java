package org.sectormap.outreach;

import org.sectormap.organisation.Organisation;
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

@Controller
class ReferralController {

    private static final String FORM = "outreach/referral-form";

    private final ReferralService referrals;
    private final OrganisationService organisations;
    private final Labels labels;

    ReferralController(ReferralService referrals, OrganisationService organisations, Labels labels) {
        this.referrals = referrals;
        this.organisations = organisations;
        this.labels = labels;
    }

    /** Choosing a referrer works without script: search by name, then pick from the matches. */
    @GetMapping("/organisations/{id:\\d+}/referral")
    String form(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        return showForm(model, load(id), q, FormErrors.none());
    }

    @PostMapping("/organisations/{id:\\d+}/referral")
    String set(@PathVariable long id, @RequestParam(defaultValue = "") String referrer, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organisation organisation = load(id);
        try {
            referrals.setReferrer(id, referrer);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model, organisation, "", labels.errors(e.problems()));
        }
        redirect.addFlashAttribute("notice", "referral.saved");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/outreach/referrals")
    String chains(Model model) {
        model.addAttribute("chains", referrals.chains());
        return "outreach/chains";
    }

    private String showForm(Model model, Organisation organisation, String q, FormErrors errors) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("q", q);
        model.addAttribute("current", referrals.of(organisation.id()).referredBy());
        model.addAttribute("candidates", referrals.candidates(q, organisation.id()));
        model.addAttribute("limit", ReferralService.CHOICES);
        model.addAttribute("errors", errors);
        return FORM;
    }

    private Organisation load(long id) {
        return organisations.get(id);
    }
}
