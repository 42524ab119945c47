package org.sectormap.account;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Counts failed sign-ins towards the lockout and the address's limit, and clears the lockout's count on success. */
final class SignInOutcomes {

    static final String FAILED_PATH = "/sign-in/failed";
    static final String LIMITED_PATH = "/sign-in/limited";

    private SignInOutcomes() {
    }

    static SavedRequestAwareAuthenticationSuccessHandler success(AccountService accounts) {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                accounts.signedIn(authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * Forwards, not redirects, so the page can answer 422 with the email kept; whatever went wrong
     * (unknown email, wrong password, locked, disabled) the page says the same thing.
     */
    static AuthenticationFailureHandler failure(AccountService accounts, SignInLimit limit) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            accounts.signInFailed(request.getParameter(SignInController.EMAIL));
            limit.failed(request);
            request.getRequestDispatcher(FAILED_PATH).forward(request, response);
        };
    }
}
