package org.sectormap.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import jakarta.servlet.ServletException;

/**
 * The session store, writing a session's last access back only once it has moved by more than
 * {@link #SLACK}. Spring Session marks a session changed at every request for its new last-access
 * time, so every page cost a transaction updating the session's row; now a signed-in session's
 * requests read the row and write nothing, unless something else about the session changed. The
 * price: an idle session ends up to {@link #SLACK} before its timeout, never after it.
 * <p>
 * It also reads a session once a request. Spring Session's filter saves the session when the response
 * is committed (a page is written in one go, and flushed) and again at the end of the request, and the
 * second time it reads the session again only to compare ids (spring-session issue 1731). Within a
 * request, inside {@link #inRequest}, a session already read is answered from memory; outside
 * one, and in the next request, from the database.
 */
final class LastAccessWrites<S extends Session> implements FindByIndexNameSessionRepository<LastAccessWrites.Held<S>> {

    static final Duration SLACK = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<S> sessions;
    /** The sessions read in the current request, by the id they were read by; none outside a request. */
    private final ThreadLocal<Map<String, Held<S>>> readInRequest = new ThreadLocal<>();

    LastAccessWrites(FindByIndexNameSessionRepository<S> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Held<S> createSession() {
        return new Held<>(sessions.createSession());
    }

    @Override
    public void save(Held<S> session) {
        sessions.save(session.stored);
    }

    @Override
    public Held<S> findById(String id) {
        Map<String, Held<S>> read = readInRequest.get();
        Held<S> known = read == null ? null : read.get(id);
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        S session = sessions.findById(id);
        Held<S> held = session == null ? null : new Held<>(session);
        if (read != null && held != null) {
            read.put(id, held);
        }
        return held;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Held<S>> read = readInRequest.get();
        if (read != null) {
            read.remove(id);
        }
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Held<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return sessions.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Held<>(e.getValue())));
    }

    /** A request's work, which may send it on to the next filter. */
    interface RequestWork {
        void run() throws ServletException, IOException;
    }

    /** Runs a request's work from just outside Spring Session's filter: what it reads is remembered until then. */
    void inRequest(RequestWork work) throws ServletException, IOException {
        readInRequest.set(new HashMap<>());
        try {
            work.run();
        } finally {
            readInRequest.remove();
        }
    }

    /** A stored session whose last access moves only in steps of more than {@link #SLACK}. */
    static final class Held<S extends Session> implements Session {

        private final S stored;

        Held(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(SLACK) > 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
