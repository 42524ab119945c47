package org.sectormap.account;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.sectormap.shared.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failed sign-ins per client address (per /64 for IPv6): past the limit in a window, the address's attempts are not
 * even checked until the window ends. Only failures count, so an office behind one address can all
 * sign in at nine; the per-account lockout still stops guessing one person's password from many
 * addresses. Behind a trusted proxy the address is the client's, from its forwarded headers
 * ({@code server.forward-headers-strategy=native}); from anywhere else those headers are ignored,
 * so they cannot be used to pick a fresh address per try.
 */
@Component
class SignInLimit {

    /** Enough for every address a busy installation sees in a window; beyond it the oldest are forgotten. */
    private static final int ADDRESSES_REMEMBERED = 10_000;

    private final RateLimiter failures;

    SignInLimit(@Value("${sectormap.rate-limit.sign-in}") int limit,
            @Value("${sectormap.rate-limit.sign-in-window}") Duration window, Clock clock) {
        this.failures = new RateLimiter(limit, window, ADDRESSES_REMEMBERED, clock);
    }

    void failed(HttpServletRequest request) {
        failures.count(client(request.getRemoteAddr()));
    }

    Optional<Duration> blockedFor(HttpServletRequest request) {
        return failures.blockedFor(client(request.getRemoteAddr()));
    }

    /**
     * The client as counted: an IPv4 address, or the /64 of an IPv6 one, since a single home or
     * server is usually given a whole /64 and could otherwise take a fresh address for every try.
     */
    static String client(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address: parsed, never looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /**
     * Stands before the sign-in form's processing: a blocked address is answered 429 on the sign-in
     * page, which says how long to wait, without its password being checked or the account's
     * failures counted.
     */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            private final RequestMatcher signIn = PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, SignInController.PATH);

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !signIn.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (blockedFor(request).isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                request.getRequestDispatcher(SignInOutcomes.LIMITED_PATH).forward(request, response);
            }
        };
    }
}
