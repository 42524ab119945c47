package org.sectormap.account;

import org.sectormap.shared.Labels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everyone signs in, on the sign-in page or with an API token; what stays open is what signing in
 * needs (the sign-in and setup pages, styles, scripts, the error page). What each role may do is
 * here, in one place, and RoleMatrixTests holds the same table endpoint by endpoint. Lives here rather than in
 * {@code system} because it needs the users, and {@code system} depends on {@code shared} only.
 */
@Configuration
class SecurityConfig {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String RESEARCHER = Role.RESEARCHER.name();
    private static final String VIEWER = Role.VIEWER.name();

    /**
     * What a viewer may read: the register's public fields (the pages and JSON leave out contact
     * names and roles for them), reports and recommendations. Not the export, whose columns are
     * the whole record, nor outreach, interviews, comments or themes.
     */
    private static final String[] VIEWER_READS = {"/", "/organisations", "/organisations/review",
            "/organisations/{id:\\d+}", "/reports", "/reports.xlsx", "/reports/*", "/recommendations",
            "/recommendations/{id:\\d+}",
            "/api/organisations", "/api/organisations/{id}", "/api/reports/**", "/api/recommendations",
            "/api/recommendations/{id}"};

    /** Administration: users, and the questionnaire's wording (the list itself researchers may read). */
    private static final String[] ADMIN_ONLY = {"/questionnaire/**", "/users", "/users/**", "/audit", "/audit.csv",
            "/privacy", "/privacy/**", "/backup", "/backup/**", "/api/backup", "/api/backup/**"};

    /** bcrypt today, with the scheme named in each hash so a later default can take over gradually. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The Open Referral feed is the one part anyone may read without signing in: GET only (and HEAD
     * and OPTIONS, which a client or a browser's preflight may ask first), no
     * session made or read, so nothing a cross-site page could ride on and no CSRF to check.
     */
    @Bean
    @Order(1)
    SecurityFilterChain openReferralChain(HttpSecurity http, Labels labels) throws Exception {
        http.securityMatcher("/openreferral", "/openreferral/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/openreferral", "/openreferral/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/openreferral", "/openreferral/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/openreferral", "/openreferral/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(ApiRefusals.readOnly(labels)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain filterChain(HttpSecurity http, AccountService accounts, SignInLimit signInLimit, Labels labels)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint apiRefused = ApiRefusals.unauthenticated(labels);
        AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint(SignInController.PATH);
        AccessDeniedHandler apiForbidden = ApiRefusals.forbidden(labels);
        AccessDeniedHandler pageForbidden = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error", SignInController.PATH,
                                SignInOutcomes.FAILED_PATH, SignInOutcomes.LIMITED_PATH, SetupController.PATH,
                                InvitationController.PATH + "*").permitAll()
                        .requestMatchers("/account", "/account/**").authenticated()
                        .requestMatchers(HttpMethod.GET, VIEWER_READS).hasAnyRole(ADMIN, RESEARCHER, VIEWER)
                        .requestMatchers(HttpMethod.GET, "/questionnaire").hasAnyRole(ADMIN, RESEARCHER)
                        .requestMatchers(ADMIN_ONLY).hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/themes", "/themes/*/rename", "/themes/*/delete")
                        .hasRole(ADMIN)
                        .anyRequest().hasAnyRole(ADMIN, RESEARCHER))
                .formLogin(form -> form.loginPage(SignInController.PATH).loginProcessingUrl(SignInController.PATH)
                        .usernameParameter(SignInController.EMAIL).passwordParameter(SignInController.PASSWORD)
                        .successHandler(SignInOutcomes.success(accounts))
                        .failureHandler(SignInOutcomes.failure(accounts, signInLimit)))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl(SignInController.PATH + "?signedOut"))
                // Decided here by path alone, not by what the request accepts: a script asking a page
                // for JSON still gets the sign-in redirect, and an API call always gets JSON.
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> (api.matches(request) ? apiRefused
                                : signInPage).commence(request, response, e))
                        .accessDeniedHandler((request, response, e) -> {
                            // A CSRF refusal comes before anyone is known: to a stranger it is "sign in first".
                            if (!signedIn()) {
                                (api.matches(request) ? apiRefused : signInPage).commence(request, response,
                                        new InsufficientAuthenticationException("Not signed in"));
                            } else {
                                (api.matches(request) ? apiForbidden : pageForbidden).handle(request, response, e);
                            }
                        }))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new BearerTokenFilter(accounts, apiRefused, api),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(signInLimit.filter(), UsernamePasswordAuthenticationFilter.class)
                // A cross-site page can make a browser send its cookie but never an Authorization
                // header, so only requests carrying a token may skip the CSRF check; the pages' own
                // calls to the API with the session cookie keep it.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> api.matches(request)
                        && BearerTokenFilter.hasBearerToken(request)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        // Addresses of records name organisations: no other site learns them from a link.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")));
        return http.build();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
