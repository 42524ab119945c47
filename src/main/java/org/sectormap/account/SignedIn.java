package org.sectormap.account;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether to offer "Sign out". */
@ControllerAdvice
class SignedIn {

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }
}
