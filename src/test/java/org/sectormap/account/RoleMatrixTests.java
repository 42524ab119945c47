package org.sectormap.account;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.sectormap.EveryKindOfRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who may do what, endpoint by endpoint: every handler the app maps is asked for as nobody and as
 * each role, and the answer checked against {@link #TABLE}. Nobody is sent to sign in (pages) or
 * told 401 (API); a role not in an endpoint's row gets 403; a role in it gets anything else. A new
 * endpoint missing from the table fails the test, and so does a row for an endpoint that is gone.
 */
@DatabaseTest
class RoleMatrixTests {

    enum Who { NOBODY, VIEWER, RESEARCHER, ADMIN }

    private static final Set<Who> ANYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> SIGNED_IN = EnumSet.of(Who.VIEWER, Who.RESEARCHER, Who.ADMIN);
    private static final Set<Who> STAFF = EnumSet.of(Who.RESEARCHER, Who.ADMIN);
    private static final Set<Who> ADMIN = EnumSet.of(Who.ADMIN);

    /** Method and pattern, as the handler declares them, to who may call it. */
    static final Map<String, Set<Who>> TABLE = Map.ofEntries(
            // Signing in
            entry("GET /sign-in", ANYONE),
            entry("POST /sign-in/failed", ANYONE),
            entry("POST /sign-in/limited", ANYONE),
            entry("GET /setup", ANYONE),
            entry("POST /setup", ANYONE),
            entry("GET /account", SIGNED_IN),
            entry("POST /account/tokens", SIGNED_IN),
            entry("POST /account/tokens/{id:\\d+}/revoke", SIGNED_IN),
            entry("GET /set-password/{token}", ANYONE),
            entry("POST /set-password/{token}", ANYONE),
            entry("GET /users", ADMIN),
            entry("GET /audit", ADMIN),
            entry("GET /audit.csv", ADMIN),
            entry("GET /backup", ADMIN),
            entry("GET /backup/download", ADMIN),
            entry("POST /backup/restore", ADMIN),
            entry("GET /api/backup", ADMIN),
            entry("POST /api/backup/restore", ADMIN),
            entry("POST /users", ADMIN),
            entry("POST /users/{id:\\d+}/role", ADMIN),
            entry("POST /users/{id:\\d+}/disable", ADMIN),
            entry("POST /users/{id:\\d+}/enable", ADMIN),
            // The register: viewers read its public fields
            entry("GET /", SIGNED_IN),
            entry("GET /organisations", SIGNED_IN),
            entry("GET /organisations/review", SIGNED_IN),
            entry("GET /organisations/{id:\\d+}", SIGNED_IN),
            entry("GET /organisations/new", STAFF),
            entry("POST /organisations/new", STAFF),
            entry("GET /organisations/{id:\\d+}/edit", STAFF),
            entry("POST /organisations/{id:\\d+}/edit", STAFF),
            entry("GET /organisations/{id:\\d+}/delete", STAFF),
            entry("POST /organisations/{id:\\d+}/delete", STAFF),
            entry("GET /organisations.csv", STAFF),
            entry("GET /organisations.xlsx", STAFF),
            entry("GET /organisations/duplicates", STAFF),
            entry("GET /organisations/merge", STAFF),
            entry("POST /organisations/merge", STAFF),
            entry("GET /api/organisations", SIGNED_IN),
            entry("GET /api/organisations/{id}", SIGNED_IN),
            entry("GET /organisations/publish", STAFF),
            entry("POST /organisations/publish", STAFF),
            // The Open Referral feed: the one part readable without signing in
            entry("GET /openreferral", ANYONE),
            entry("GET /openreferral/", ANYONE),
            entry("GET /openreferral/openapi.json", ANYONE),
            entry("GET /openreferral/services", ANYONE),
            entry("GET /openreferral/services/{id}", ANYONE),
            entry("GET /openreferral/service_at_locations", ANYONE),
            entry("GET /openreferral/service_at_locations/{id}", ANYONE),
            entry("GET /openreferral/organizations", ANYONE),
            entry("GET /openreferral/organizations/{id}", ANYONE),
            entry("GET /openreferral/taxonomies", ANYONE),
            entry("GET /openreferral/taxonomies/{id}", ANYONE),
            entry("GET /openreferral/taxonomy_terms", ANYONE),
            entry("GET /openreferral/taxonomy_terms/{id}", ANYONE),
            // Import and demo data
            entry("GET /import", STAFF),
            entry("POST /import", STAFF),
            entry("GET /import/template.csv", STAFF),
            entry("GET /import/{token:[0-9a-f]{32}}", STAFF),
            entry("POST /import/{token:[0-9a-f]{32}}", STAFF),
            entry("GET /import/{token:[0-9a-f]{32}}/sheet", STAFF),
            entry("POST /import/{token:[0-9a-f]{32}}/sheet", STAFF),
            entry("GET /import/{token:[0-9a-f]{32}}/mapping", STAFF),
            entry("POST /import/{token:[0-9a-f]{32}}/mapping", STAFF),
            entry("GET /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}", STAFF),
            entry("POST /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}", STAFF),
            entry("GET /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}/sheet", STAFF),
            entry("POST /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}/sheet", STAFF),
            entry("GET /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}/mapping", STAFF),
            entry("POST /import/{kind:contact-attempts|interviews}/{token:[0-9a-f]{32}}/mapping", STAFF),
            entry("POST /api/import/organisations", STAFF),
            entry("POST /api/imports", STAFF),
            entry("GET /imports", STAFF),
            entry("GET /imports/{id:\\d+}/undo", STAFF),
            entry("POST /imports/{id:\\d+}/undo", STAFF),
            entry("GET /imports/jobs/{id:\\d+}", STAFF),
            entry("POST /imports/jobs/{id:\\d+}/cancel", STAFF),
            entry("GET /api/imports/{id}", STAFF),
            entry("POST /api/imports/{id}/cancel", STAFF),
            entry("POST /demo", STAFF),
            // Outreach and referrals
            entry("GET /outreach", STAFF),
            entry("GET /outreach/follow-up", STAFF),
            entry("GET /outreach/follow-up.csv", STAFF),
            entry("GET /outreach/follow-up.xlsx", STAFF),
            entry("GET /outreach/referrals", STAFF),
            entry("GET /organisations/{id:\\d+}/attempts/new", STAFF),
            entry("POST /organisations/{id:\\d+}/attempts/new", STAFF),
            entry("GET /organisations/{id:\\d+}/attempts/{attempt:\\d+}/edit", STAFF),
            entry("POST /organisations/{id:\\d+}/attempts/{attempt:\\d+}/edit", STAFF),
            entry("GET /organisations/{id:\\d+}/attempts/{attempt:\\d+}/delete", STAFF),
            entry("POST /organisations/{id:\\d+}/attempts/{attempt:\\d+}/delete", STAFF),
            entry("GET /organisations/{id:\\d+}/referral", STAFF),
            entry("POST /organisations/{id:\\d+}/referral", STAFF),
            entry("GET /api/organisations/{id}/attempts", STAFF),
            entry("POST /api/organisations/{id}/attempts", STAFF),
            entry("GET /api/organisations/{id}/referrals", STAFF),
            entry("PUT /api/organisations/{id}/referred-by", STAFF),
            entry("GET /api/referrals", STAFF),
            // Interviews; the questionnaire's wording is the administrator's
            entry("GET /organisations/{id:\\d+}/interviews/new", STAFF),
            entry("POST /organisations/{id:\\d+}/interviews/new", STAFF),
            entry("GET /organisations/{id:\\d+}/interviews/{interview:\\d+}/delete", STAFF),
            entry("POST /organisations/{id:\\d+}/interviews/{interview:\\d+}/delete", STAFF),
            entry("GET /api/organisations/{id}/interviews", STAFF),
            entry("POST /api/organisations/{id}/interviews", STAFF),
            entry("GET /questionnaire", STAFF),
            entry("GET /api/questionnaire", STAFF),
            entry("GET /questionnaire/questions/{id:\\d+}/edit", ADMIN),
            entry("POST /questionnaire/questions/{id:\\d+}/edit", ADMIN),
            entry("POST /questionnaire/questions/{id:\\d+}/delete", ADMIN),
            entry("GET /questionnaire/sections/{id:\\d+}/questions/new", ADMIN),
            entry("POST /questionnaire/sections/{id:\\d+}/questions/new", ADMIN),
            entry("GET /questionnaire/sections/{id:\\d+}/edit", ADMIN),
            entry("POST /questionnaire/sections/{id:\\d+}/edit", ADMIN),
            // Anonymous comments and their coding; the themes themselves are the administrator's
            entry("GET /comments", STAFF),
            entry("GET /comments.csv", STAFF),
            entry("GET /comments.qdpx", STAFF),
            entry("GET /themes.qdc", STAFF),
            entry("GET /comments/{id:[0-9a-f-]{36}}/code", STAFF),
            entry("POST /comments/{id:[0-9a-f-]{36}}/code", STAFF),
            entry("GET /themes", STAFF),
            entry("GET /themes/{id:\\d+}", STAFF),
            entry("POST /themes", ADMIN),
            entry("POST /themes/{id:\\d+}/rename", ADMIN),
            entry("POST /themes/{id:\\d+}/delete", ADMIN),
            entry("GET /api/comments", STAFF),
            entry("GET /api/comments/waiting", STAFF),
            entry("GET /api/themes", STAFF),
            entry("GET /api/themes/{id}/comments", STAFF),
            // Recommendations: viewers read them
            entry("GET /recommendations", SIGNED_IN),
            entry("GET /recommendations/{id:\\d+}", SIGNED_IN),
            entry("POST /recommendations/groups", STAFF),
            entry("POST /recommendations/groups/{id:\\d+}/items", STAFF),
            entry("POST /recommendations/{id:\\d+}/status", STAFF),
            entry("POST /recommendations/{id:\\d+}/evidence", STAFF),
            entry("GET /api/recommendations", SIGNED_IN),
            entry("GET /api/recommendations/{id}", SIGNED_IN),
            entry("POST /api/recommendations/{id}/status", STAFF),
            // Reports: viewers read them
            entry("GET /reports", SIGNED_IN),
            entry("GET /reports/interviewees", SIGNED_IN),
            entry("GET /reports/{slug:[a-z-]+}", SIGNED_IN),
            entry("GET /reports/{slug:[a-z-]+}.csv", SIGNED_IN),
            entry("GET /reports/{slug:[a-z-]+}.xlsx", SIGNED_IN),
            entry("GET /reports.xlsx", SIGNED_IN),
            // The mapping report and its charts; a viewer's leaves out the themes (MappingReportTests)
            entry("GET /reports/mapping", SIGNED_IN),
            entry("GET /reports/mapping.pdf", SIGNED_IN),
            entry("GET /reports/mapping.docx", SIGNED_IN),
            entry("GET /reports/{slug:[a-z-]+}.png", SIGNED_IN),
            entry("GET /api/reports/by-category", SIGNED_IN),
            entry("GET /api/reports/by-area", SIGNED_IN),
            entry("GET /api/reports/engagement", SIGNED_IN),
            entry("GET /api/reports/outreach", SIGNED_IN),
            entry("GET /api/reports/interviewees", SIGNED_IN),
            // Personal data: consent records with the organisation, the rest the administrator's
            entry("GET /organisations/{id:\\d+}/consents/new", STAFF),
            entry("POST /organisations/{id:\\d+}/consents/new", STAFF),
            entry("GET /organisations/{id:\\d+}/consents/{consent:\\d+}/withdraw", STAFF),
            entry("POST /organisations/{id:\\d+}/consents/{consent:\\d+}/withdraw", STAFF),
            entry("GET /api/organisations/{id}/consents", STAFF),
            entry("POST /api/organisations/{id}/consents", STAFF),
            entry("GET /privacy", ADMIN),
            entry("POST /privacy/subject-access", ADMIN),
            entry("POST /privacy/subject-access.json", ADMIN),
            entry("POST /privacy/erasure", ADMIN),
            entry("POST /privacy/erasure/confirmed", ADMIN),
            entry("GET /privacy/retention", ADMIN),
            entry("POST /privacy/retention", ADMIN),
            // Spring Boot's error page, for any method
            entry("ANY /error", ANYONE));

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::(?:[^{}]|\\{[^}]*\\})*)?\\}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext spring;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every method and pattern the app's controllers map. */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern.getPatternString());
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + pattern.getPatternString()));
            }
        }
        return endpoints;
    }

    @Test
    void shouldHaveARowForEveryEndpointAndNoOther() {
        Set<String> missing = new TreeSet<>(endpoints());
        missing.removeAll(TABLE.keySet());
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(endpoints());
        assertThat(missing).as("endpoints with no row in RoleMatrixTests.TABLE: say who may call them").isEmpty();
        assertThat(stale).as("rows for endpoints that no longer exist").isEmpty();
    }

    @Test
    void shouldAnswerEachRoleAsTheTableSays() throws Exception {
        EveryKindOfRecord r = EveryKindOfRecord.fill(mvc, spring);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            Set<Who> allowed = TABLE.get(endpoint);
            if (allowed == null || endpoint.startsWith("ANY ")) {
                continue;
            }
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = concrete(pattern, r);
            for (Who who : Who.values()) {
                MockHttpServletResponse answer = mvc.perform(request(method, path).with(as(who))).andReturn()
                        .getResponse();
                String problem = check(path, who, allowed.contains(who), answer);
                if (problem != null) {
                    wrong.add(endpoint + " as " + who + ": " + problem);
                }
            }
        }
        assertThat(wrong).as("answers that do not match the table").isEmpty();
    }

    /**
     * Every form and every API write, sent by someone allowed to but with the session cookie alone
     * (no bearer token) and no CSRF token, is refused and changes nothing: the trail stays as it was.
     */
    @Test
    void shouldRefuseEveryWriteWithoutItsCsrfToken() throws Exception {
        EveryKindOfRecord r = EveryKindOfRecord.fill(mvc, spring);
        long entriesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            Set<Who> allowed = TABLE.get(endpoint);
            if (method.equals("GET") || method.equals("ANY") || allowed == null) {
                continue;
            }
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1), r);
            Who who = allowed.contains(Who.ADMIN) ? Who.ADMIN : allowed.iterator().next();
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
            if (path.startsWith("/api/")) {
                request.contentType(path.startsWith("/api/import") ? "text/csv" : "application/json")
                        .content(path.startsWith("/api/import") ? "name,status\nCSRF Test Group,listed\n" : "{}");
            }
            MockHttpServletResponse answer = mvc.perform(request.with(as(who))).andReturn().getResponse();
            boolean sentToSignIn = answer.getStatus() == 302
                    && String.valueOf(answer.getRedirectedUrl()).endsWith("/sign-in");
            if (answer.getStatus() != 403 && !(who == Who.NOBODY && sentToSignIn)) {
                wrong.add(endpoint + " as " + who + " answered " + answer.getStatus());
            }
        }
        assertThat(wrong).as("writes accepted without a CSRF token").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(entriesBefore);
    }

    private static String check(String path, Who who, boolean allowed, MockHttpServletResponse answer) {
        int status = answer.getStatus();
        boolean sentToSignIn = status == 302 && String.valueOf(answer.getRedirectedUrl()).endsWith("/sign-in");
        if (allowed) {
            return status == 401 || status == 403 || sentToSignIn ? "refused with " + status : null;
        }
        if (who == Who.NOBODY) {
            boolean api = path.startsWith("/api/");
            return (api ? status == 401 : sentToSignIn) ? null
                    : "expected " + (api ? "401" : "a redirect to sign in") + " but got " + status;
        }
        return status == 403 ? null : "expected 403 but got " + status;
    }

    private static RequestPostProcessor as(Who who) {
        return switch (who) {
            case NOBODY -> anonymous();
            case VIEWER -> user("viewer@test.example").roles("VIEWER");
            case RESEARCHER -> user("researcher@test.example").roles("RESEARCHER");
            case ADMIN -> user("admin@test.example").roles("ADMIN");
        };
    }

    private static MockHttpServletRequestBuilder request(String method, String path) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (!method.equals("GET")) {
            request.with(csrf());
            if (path.startsWith("/api/")) {
                request.contentType(path.startsWith("/api/import") ? "text/csv" : "application/json")
                        .content(path.startsWith("/api/import") ? "name,status\n" : "{}");
            }
        }
        return request;
    }

    /** The pattern with each variable replaced by a record that exists, where one is to hand. */
    private static String concrete(String pattern, EveryKindOfRecord r) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(value(pattern, variable.group(1), r)));
        }
        return variable.appendTail(path).toString();
    }

    private static String value(String pattern, String name, EveryKindOfRecord r) {
        return switch (name) {
            case "interview" -> String.valueOf(r.interview());
            case "token" -> "0".repeat(32);
            case "kind" -> "contact-attempts";
            case "slug" -> "by-area";
            default -> pattern.contains("organisations/") ? String.valueOf(r.organisation())
                    : pattern.contains("themes/") ? String.valueOf(r.theme())
                    : pattern.contains("comments/") ? r.comment()
                    : pattern.contains("questions/") ? String.valueOf(r.question().id())
                    : pattern.contains("sections/") ? String.valueOf(r.question().sectionId())
                    : pattern.contains("recommendations/") && !pattern.contains("groups") ? String.valueOf(r.recommendation())
                    : "424242";
        };
    }
}
