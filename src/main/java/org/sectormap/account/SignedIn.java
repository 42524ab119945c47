package org.sectormap.account;

import java.security.Principal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** Tells every page whether to offer "Sign out", and which links a viewer's role would only refuse. */
@ControllerAdvice
class SignedIn {

    /**
     * One method for the three: Spring MVC builds an invocable handler method for each of an
     * advice's model attribute methods on every request, which three separate methods tripled.
     */
    @ModelAttribute
    void who(Model model, HttpServletRequest request, Principal principal) {
        model.addAttribute("signedIn", principal != null);
        model.addAttribute("admin", request.isUserInRole(Role.ADMIN.name()));
        model.addAttribute("viewer", request.isUserInRole(Role.VIEWER.name()));
    }
}
