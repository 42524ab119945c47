package org.sectormap.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Forms ask for dates as GOV.UK does, in three boxes ({@code x-day}, {@code x-month},
 * {@code x-year}); this joins them into the one {@code x=yyyy-mm-dd} parameter every form and
 * rule reads, so the rules stay the same for the API. What cannot be joined is passed on as typed,
 * for the rules to report.
 */
@Component
class DateInputFilter extends OncePerRequestFilter {

    private static final String YEAR = "-year";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> joined = null;
        for (String name : request.getParameterMap().keySet()) {
            if (name.endsWith(YEAR)) {
                String field = name.substring(0, name.length() - YEAR.length());
                if (joined == null) {
                    joined = new LinkedHashMap<>(request.getParameterMap());
                }
                joined.put(field, new String[] {join(request.getParameter(field + "-day"),
                        request.getParameter(field + "-month"), request.getParameter(name))});
            }
        }
        chain.doFilter(joined == null ? request : new Joined(request, joined), response);
    }

    static String join(String day, String month, String year) {
        String d = day == null ? "" : day.strip();
        String m = month == null ? "" : month.strip();
        String y = year == null ? "" : year.strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return "";
        }
        return y + "-" + pad(m) + "-" + pad(d);
    }

    private static String pad(String part) {
        return part.length() == 1 && Character.isDigit(part.charAt(0)) ? "0" + part : part;
    }

    private static final class Joined extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        Joined(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
