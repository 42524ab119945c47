package org.sectormap.imports;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpSession;

/**
 * Files checked and waiting for the user to confirm them, kept in their session under a random
 * token. Taking one removes it, so confirming twice imports once.
 */
final class PendingImports implements Serializable {

    private static final String ATTRIBUTE = PendingImports.class.getName();
    private static final int KEPT = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Pending(String fileName, byte[] content) implements Serializable {
    }

    private final Map<String, Pending> files = new LinkedHashMap<>();

    static PendingImports of(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            PendingImports pending = (PendingImports) session.getAttribute(ATTRIBUTE);
            if (pending == null) {
                pending = new PendingImports();
                session.setAttribute(ATTRIBUTE, pending);
            }
            return pending;
        }
    }

    synchronized String put(String fileName, byte[] content) {
        // Only the last few uploads wait, so abandoned previews do not pile up in memory.
        while (files.size() >= KEPT) {
            files.remove(files.keySet().iterator().next());
        }
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        String key = HexFormat.of().formatHex(token);
        files.put(key, new Pending(fileName, content));
        return key;
    }

    synchronized Optional<Pending> peek(String token) {
        return Optional.ofNullable(files.get(token));
    }

    synchronized Optional<Pending> take(String token) {
        return Optional.ofNullable(files.remove(token));
    }
}
