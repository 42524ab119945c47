package org.sectormap.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sectormap.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

@DatabaseTest
class LastAccessWritesTests {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldWriteTheLastAccessBackOnlyOnceItHasMovedByMoreThanAMinute() {
        assertThat(storedAfterAccesses(sessions, 30, 59)).isEqualTo(0);
        assertThat(storedAfterAccesses(sessions, 61)).isEqualTo(61);
    }

    @Test
    void shouldStillWriteAChangedAttributeWithinTheMinute() {
        assertThat(attributeAfterSettingItWithinTheMinute(sessions)).isEqualTo("kept");
    }

    /** Seconds after its creation at which the session's row says it was last used, after requests at these seconds. */
    private <S extends Session> long storedAfterAccesses(SessionRepository<S> sessions, int... seconds) {
        S created = sessions.createSession();
        Instant start = created.getLastAccessedTime();
        sessions.save(created);
        for (int second : seconds) {
            S read = sessions.findById(created.getId());
            read.setLastAccessedTime(start.plusSeconds(second));
            sessions.save(read);
        }
        long stored = jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE session_id = ?",
                Long.class, created.getId());
        return (stored - start.toEpochMilli()) / 1000;
    }

    private static <S extends Session> String attributeAfterSettingItWithinTheMinute(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        sessions.save(created);
        S read = sessions.findById(created.getId());
        read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(5));
        read.setAttribute("notice", "kept");
        sessions.save(read);
        return sessions.findById(created.getId()).getAttribute("notice");
    }
}
