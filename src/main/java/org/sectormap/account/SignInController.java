package org.sectormap.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.sectormap.shared.FormErrors;
import org.sectormap.shared.Labels;
import org.sectormap.shared.Problem;
import org.sectormap.shared.TooManyRequestsException;
import org.springframework.http.HttpHeaders;
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
    private final SignInLimit limit;

    SignInController(AccountService accounts, Labels labels, SignInLimit limit) {
        this.accounts = accounts;
        this.labels = labels;
        this.limit = limit;
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

    /**
     * Where {@link SignInLimit} forwards an address that failed too often; its password was not
     * checked. Asked for directly by an address that may sign in, it is the sign-in page.
     */
    @PostMapping(SignInOutcomes.LIMITED_PATH)
    String limited(@RequestParam(name = EMAIL, defaultValue = "") String email, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("signedOut", false);
        Optional<Duration> blocked = limit.blockedFor(request);
        if (blocked.isEmpty()) {
            return show(model, request, email, FormErrors.none());
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(TooManyRequestsException.seconds(blocked.get())));
        return show(model, request, email, labels.errors(List.of(Problem.of(EMAIL, "error.tooMany.signIn",
                TooManyRequestsException.minutes(blocked.get())))));
    }

    private String show(Model model, HttpServletRequest request, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        model.addAttribute("setupOpen", SetupController.open(accounts, request));
        return "account/sign-in";
    }
}
