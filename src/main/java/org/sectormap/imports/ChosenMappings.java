package org.sectormap.imports;

import java.util.LinkedHashMap;
import java.util.Optional;

import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpSession;

/**
 * The mapping chosen for each waiting upload of a session, kept beside {@link PendingImports}'s
 * token so that the preview and the confirmation read the file exactly as the mapping step checked it.
 */
final class ChosenMappings {

    private static final String ATTRIBUTE = ChosenMappings.class.getName();
    /** A session keeps only its last few uploads waiting, so only their mappings are worth keeping. */
    private static final int KEPT = 10;

    private ChosenMappings() {
    }

    /** Set again after every change, as a session kept in the database only saves what is set. */
    static void choose(HttpSession session, String token, ColumnMapping mapping) {
        synchronized (WebUtils.getSessionMutex(session)) {
            LinkedHashMap<String, ColumnMapping> chosen = all(session);
            chosen.remove(token);
            chosen.put(token, mapping);
            while (chosen.size() > KEPT) {
                chosen.remove(chosen.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, chosen);
        }
    }

    static Optional<ColumnMapping> of(HttpSession session, String token) {
        synchronized (WebUtils.getSessionMutex(session)) {
            return Optional.ofNullable(all(session).get(token));
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, ColumnMapping> all(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept == null ? new LinkedHashMap<>() : new LinkedHashMap<>((LinkedHashMap<String, ColumnMapping>) kept);
    }
}
