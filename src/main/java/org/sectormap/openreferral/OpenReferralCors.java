package org.sectormap.openreferral;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Any web page may read the feed, as directories' own sites do from the browser: every answer
 * under /openreferral, errors included, says so. Set before anything else runs, so a 400 or 404
 * carries it too; the feed is public and sends no cookie, so allowing any origin exposes nothing.
 */
@Configuration
class OpenReferralCors {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> openReferralCorsFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns(OpenReferralController.BASE, OpenReferralController.BASE + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
