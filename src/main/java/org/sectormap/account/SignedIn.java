package org.sectormap.account;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** Tells every page whether to offer "Sign out", and which links a viewer's role would only refuse. */
@ControllerAdvice
class SignedIn {

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }

    @ModelAttribute("admin")
    boolean admin(HttpServletRequest request) {
        return request.isUserInRole(Role.ADMIN.name());
    }

    @ModelAttribute("viewer")
    boolean viewer(HttpServletRequest request) {
        return request.isUserInRole(Role.VIEWER.name());
    }
}
