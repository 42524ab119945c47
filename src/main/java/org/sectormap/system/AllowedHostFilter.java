package org.sectormap.system;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers only the configured host names, before sign-in or anything else looks at the request. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AllowedHostFilter extends OncePerRequestFilter {

    private final AllowedHosts hosts;
    private final MessageSource messages;

    AllowedHostFilter(AllowedHosts hosts, MessageSource messages) {
        this.hosts = hosts;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hosts.allows(request.getServerName())) {
            chain.doFilter(request, response);
            return;
        }
        // Plain text, naming no host: the page that sent it is not ours to inform.
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(messages.getMessage("error.host", null, LocaleContextHolder.getLocale()));
    }
}
