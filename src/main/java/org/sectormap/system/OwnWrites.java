package org.sectormap.system;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.sectormap.shared.SignedIn;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Read-your-writes with a replica: after a signed-in user's request that may have changed something
 * (any method but GET, HEAD, OPTIONS and TRACE), the primary's write-ahead log position, which is past
 * everything the request committed; their reads then go to the replica only once it has replayed that
 * far ({@link ReplicaReads}). The position is kept in the user's session, which is in the database, so
 * whichever instance serves their next page knows it, and in this instance's memory by user, which
 * covers API calls with a token (they have no session). Taken before the view is rendered, so before
 * a redirect reaches the browser and the session is saved. Anonymous readers have nothing to wait for.
 */
final class OwnWrites implements HandlerInterceptor {

    static final String SESSION_ATTRIBUTE = "sectormap.replica.awaited";
    private static final String ON_PRIMARY = OwnWrites.class.getName() + ".onPrimary";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String PRIMARY_POSITION = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')";

    private final JdbcOperations primary;
    private final ConcurrentMap<String, Long> byUser = new ConcurrentHashMap<>();

    OwnWrites(JdbcOperations primary) {
        this.primary = primary;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        String user = SignedIn.email();
        if (user == null || SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        long position = primary.queryForObject(PRIMARY_POSITION, Long.class);
        byUser.merge(user, position, Math::max);
        HttpSession session = request.getSession(false);
        if (session != null && !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long kept && kept >= position)) {
            session.setAttribute(SESSION_ATTRIBUTE, position);
        }
    }

    /** The log position the current reader's reads must see: their latest change not yet known to be on the replica. */
    OptionalLong awaited() {
        long awaited = -1;
        String user = SignedIn.email();
        if (user != null) {
            awaited = byUser.getOrDefault(user, -1L);
        }
        if (session().map(s -> s.getAttribute(SESSION_ATTRIBUTE)).orElse(null) instanceof Long kept) {
            awaited = Math.max(awaited, kept);
        }
        return awaited < 0 ? OptionalLong.empty() : OptionalLong.of(awaited);
    }

    /** The replica has replayed this far: the reader's reads need not ask again until they change something. */
    void replicaHas(long position) {
        String user = SignedIn.email();
        if (user != null) {
            byUser.computeIfPresent(user, (name, awaited) -> awaited <= position ? null : awaited);
        }
        session().filter(s -> s.getAttribute(SESSION_ATTRIBUTE) instanceof Long kept && kept <= position)
                .ifPresent(s -> s.removeAttribute(SESSION_ATTRIBUTE));
    }

    boolean onPrimaryThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ON_PRIMARY, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /** The replica is behind this reader: the rest of the request reads the primary without asking again. */
    void stayOnPrimary() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ON_PRIMARY, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static Optional<HttpSession> session() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.ofNullable(request.getRequest().getSession(false))
                : Optional.empty();
    }
}
