package org.sectormap.account;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Authorization: Bearer <token>} signs an API request in as the token's user, for this request
 * only: nothing goes into the session, so a script's calls never become a cookie sign-in. A page's
 * address is not signed in by a token (nor spared the CSRF check): a token is for the API, and one
 * that leaked would otherwise drive the pages too (an erasure, a restore).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";

    private final AccountService accounts;
    private final AuthenticationEntryPoint refused;
    private final RequestMatcher api;

    BearerTokenFilter(AccountService accounts, AuthenticationEntryPoint refused, RequestMatcher api) {
        this.accounts = accounts;
        this.refused = refused;
        this.api = api;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request) || !api.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
        // One query finds the token's user and their role, so an API call costs no second look-up.
        Optional<TokenRepository.Holder> user = token.isEmpty() ? Optional.empty() : accounts.tokenHolder(token);
        if (user.isEmpty()) {
            refused.commence(request, response, new BadCredentialsException("Unknown or revoked token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get().email(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + user.get().role().name())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
