package org.sectormap.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a user's signed-in sessions, on every instance, once their role has changed or they have been
 * disabled: their next request finds no session and is sent to sign in, where the new role (or the
 * refusal) applies. Deleting them rather than checking the user on every request keeps requests
 * free of a user look-up. After the commit, so that a sign-in racing the change cannot read the old
 * role into a new session.
 */
@Component
class OpenSessions {

    /** Published by an administrator's change to what a user may do. */
    record AccessChanged(String email) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OpenSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void end(AccessChanged change) {
        sessions.findByPrincipalName(change.email()).keySet().forEach(sessions::deleteById);
    }
}
