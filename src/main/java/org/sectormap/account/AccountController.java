package org.sectormap.account;

import java.security.Principal;
import java.util.Map;

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

/** A signed-in person's own page: their API tokens. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final Labels labels;

    AccountController(AccountService accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    @GetMapping("/account")
    String page(Principal principal, Model model) {
        return show(principal, model, null, null, FormErrors.none());
    }

    /** Shown on the answer itself, not through a redirect, so the token is never kept anywhere. */
    @PostMapping("/account/tokens")
    String create(@RequestParam Map<String, String> form, Principal principal, Model model,
            HttpServletResponse response) {
        String token;
        try {
            token = accounts.createToken(principal.getName(), Map.of("tokenName", form.getOrDefault("tokenName", "")));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(principal, model, form.get("tokenName"), null, labels.errors(e.problems()));
        }
        response.setHeader("Cache-Control", "no-store");
        return show(principal, model, null, token, FormErrors.none());
    }

    @PostMapping("/account/tokens/{id:\\d+}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        if (!accounts.revokeToken(principal.getName(), id)) {
            throw new NotFoundException("error.notFound.token");
        }
        redirect.addFlashAttribute("notice", "account.token.revoked");
        return "redirect:/account";
    }

    private String show(Principal principal, Model model, String name, String newToken, FormErrors errors) {
        model.addAttribute("email", principal.getName());
        model.addAttribute("tokens", accounts.tokensOf(principal.getName()));
        model.addAttribute("name", name);
        model.addAttribute("newToken", newToken);
        model.addAttribute("errors", errors);
        return "account/account";
    }
}
