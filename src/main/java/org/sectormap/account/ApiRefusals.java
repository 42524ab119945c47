package org.sectormap.account;

import java.io.IOException;

import org.sectormap.shared.Labels;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;

/** The API's refusals in its own JSON shape, {"error": "..."}, instead of a sign-in page. */
final class ApiRefusals {

    private ApiRefusals() {
    }

    static AuthenticationEntryPoint unauthenticated(Labels labels) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, labels.text("error.api.unauthenticated"));
        };
    }

    static AccessDeniedHandler forbidden(Labels labels) {
        return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                labels.text("error.api.forbidden"));
    }

    /** The Open Referral feed is read only: anything but reading it is the wrong method, not a missing sign-in. */
    static AuthenticationEntryPoint readOnly(Labels labels) {
        return (request, response, e) -> {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, labels.text("error.openreferral.readOnly"));
        };
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The messages are our own sentences; escaping quotes and backslashes is all JSON needs of them.
        response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
