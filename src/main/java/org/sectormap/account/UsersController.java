package org.sectormap.account;

import java.security.Principal;
import java.util.Map;

import org.sectormap.audit.AuditTrail;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/** The administrator's page of users. */
@Controller
class UsersController {

    private final UserAdministration administration;
    private final Labels labels;
    private final AuditTrail audit;

    UsersController(UserAdministration administration, Labels labels, AuditTrail audit) {
        this.audit = audit;
        this.administration = administration;
        this.labels = labels;
    }

    @GetMapping("/users")
    String list(Principal principal, Model model) {
        return show(principal, model, Map.of(), null, FormErrors.none());
    }

    /** The link is shown on the answer itself, never kept: the administrator passes it on. */
    @PostMapping("/users")
    String invite(@RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        String token;
        try {
            token = administration.invite(form);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(principal, model, form, null, labels.errors(e.problems()));
        }
        response.setHeader("Cache-Control", "no-store");
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/set-password/{token}")
                .buildAndExpand(token).toUriString();
        return show(principal, model, Map.of(), link, FormErrors.none());
    }

    @PostMapping("/users/{id:\\d+}/role")
    String role(@PathVariable long id, @RequestParam(defaultValue = "") String role, Principal principal,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            administration.changeRole(principal.getName(), id, role);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // Each user's row has its own role control, whose id carries the user's id; the invitation's is "role".
            return show(principal, model, Map.of(), null, labels.errors(e.problems().stream()
                    .map(p -> new Problem(p.field() + "-" + id, p.messageKey(), p.args())).toList()));
        }
        redirect.addFlashAttribute("notice", "users.roleChanged");
        return "redirect:/users";
    }

    @PostMapping("/users/{id:\\d+}/disable")
    String disable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        administration.setEnabled(principal.getName(), id, false);
        redirect.addFlashAttribute("notice", "users.disabled");
        return "redirect:/users";
    }

    @PostMapping("/users/{id:\\d+}/enable")
    String enable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        administration.setEnabled(principal.getName(), id, true);
        redirect.addFlashAttribute("notice", "users.enabled");
        return "redirect:/users";
    }

    private String show(Principal principal, Model model, Map<String, String> form, String link, FormErrors errors) {
        model.addAttribute("me", UserRepository.normalised(principal.getName()));
        model.addAttribute("users", administration.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("email", form.get("email"));
        model.addAttribute("role", form.get("role"));
        model.addAttribute("link", link);
        model.addAttribute("errors", errors);
        model.addAttribute("history", audit.history(UserAdministration.USERS));
        return "account/users";
    }
}
