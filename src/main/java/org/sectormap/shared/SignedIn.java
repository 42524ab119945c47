package org.sectormap.shared;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request, for the records that say who did something, and what they may read. */
public final class SignedIn {

    private SignedIn() {
    }

    /** The signed-in person's email; null for the application itself (start-up, demo data, a scheduled job). */
    public static String email() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated() ? null
                : who.getName();
    }

    /**
     * Whether the request is a viewer's, who reads the register's public fields, the reports and the
     * recommendations, but nothing about people and neither comments nor themes.
     */
    public static boolean viewer() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getAuthorities().stream().anyMatch(a -> "ROLE_VIEWER".equals(a.getAuthority()));
    }
}
