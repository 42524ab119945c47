package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

@DatabaseTest
class SessionStoreTests {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void shouldKeepTheLastOfTwoRequestsThatSetTheSameNewAttributeAtOnce() {
        assertThat(lastOfTwoAtOnce(sessions)).isEqualTo("second");
    }

    /** Two requests of one session, each loading it before either has saved, set the same new attribute. */
    private static <S extends Session> String lastOfTwoAtOnce(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        sessions.save(session);
        S first = sessions.findById(session.getId());
        S second = sessions.findById(session.getId());
        first.setAttribute("notice", "first");
        second.setAttribute("notice", "second");
        sessions.save(first);
        sessions.save(second);
        return sessions.findById(session.getId()).getAttribute("notice");
    }
}
