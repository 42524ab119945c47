package org.sectormap.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * No sign-in yet, so the app listens on loopback only (server.address); what this adds is CSRF
 * protection for the forms and headers that stop the pages being framed or running foreign script.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // The API takes CSV and JSON bodies, which a cross-site form cannot send without a
                // CORS preflight that we never grant.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'")));
        return http.build();
    }
}
