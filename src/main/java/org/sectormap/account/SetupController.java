package org.sectormap.account;

import java.util.HashMap;
import java.util.Map;

import org.sectormap.shared.InvalidInputException;
import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first administrator of a fresh install, chosen by whoever sits at the machine it runs on:
 * only from loopback, only while nobody exists, and otherwise no such page.
 */
@Controller
class SetupController {

    static final String PATH = "/setup";

    private final AccountService accounts;
    private final Labels labels;

    SetupController(AccountService accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    static boolean open(AccountService accounts, HttpServletRequest request) {
        return Loopback.from(request) && !accounts.anyUser();
    }

    @GetMapping(PATH)
    String form(Model model, HttpServletRequest request) {
        if (!open(accounts, request)) {
            throw new SetupDoneException();
        }
        return show(model, null, FormErrors.none());
    }

    @PostMapping(PATH)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!open(accounts, request)) {
            throw new SetupDoneException();
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("email", form.get("email"));
        typed.put("password", form.get("password"));
        try {
            accounts.createFirstAdmin(typed, null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, form.get("email"), labels.errors(e.problems()));
        }
        redirect.addFlashAttribute("notice", "setup.done");
        return "redirect:" + SignInController.PATH;
    }

    private static String show(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "account/setup";
    }
}
