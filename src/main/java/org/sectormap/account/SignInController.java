package org.sectormap.account;

import java.util.List;

import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in page; Spring Security's filter reads the form it posts. */
@Controller
class SignInController {

    static final String PATH = "/sign-in";
    static final String EMAIL = "email";
    static final String PASSWORD = "password";

    private final AccountService accounts;
    private final Labels labels;

    SignInController(AccountService accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String signedOut, Model model, HttpServletRequest request) {
        model.addAttribute("signedOut", signedOut != null);
        return show(model, request, null, FormErrors.none());
    }

    /**
     * Where a failed sign-in is forwarded. One message for every failure, locked accounts included,
     * so the page never tells whether an email has an account.
     */
    @PostMapping(SignInOutcomes.FAILED_PATH)
    String failed(@RequestParam(name = EMAIL, defaultValue = "") String email, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("signedOut", false);
        return show(model, request, email, labels.errors(List.of(Problem.of(EMAIL, "signIn.error.failed",
                AccountService.MAX_FAILED_SIGN_INS, AccountService.LOCKOUT.toMinutes()))));
    }

    private String show(Model model, HttpServletRequest request, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        model.addAttribute("setupOpen", SetupController.open(accounts, request));
        return "account/sign-in";
    }
}
