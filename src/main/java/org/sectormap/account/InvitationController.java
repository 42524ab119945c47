package org.sectormap.account;


import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Where an invited user chooses their password, through the one-time link. */
@Controller
class InvitationController {

    static final String PATH = "/set-password/";

    private final UserAdministration administration;
    private final Labels labels;

    InvitationController(UserAdministration administration, Labels labels) {
        this.administration = administration;
        this.labels = labels;
    }

    @GetMapping(PATH + "{token}")
    String form(@PathVariable String token, Model model) {
        if (!administration.invitationOpen(token)) {
            throw new NotFoundException("error.notFound.invitation");
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        return "account/set-password";
    }

    @PostMapping(PATH + "{token}")
    String set(@PathVariable String token, @RequestParam(required = false) String password, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            administration.acceptInvitation(token, password);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("token", token);
            model.addAttribute("errors", labels.errors(e.problems()));
            return "account/set-password";
        }
        redirect.addFlashAttribute("notice", "users.passwordSet");
        return "redirect:" + SignInController.PATH;
    }
}
