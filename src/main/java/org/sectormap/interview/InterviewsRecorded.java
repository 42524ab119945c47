package org.sectormap.interview;

import org.sectormap.shared.RecordedInterviews;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register asks before a status change would drop the interview fields these interviews set. */
@Component
class InterviewsRecorded implements RecordedInterviews {

    private final JdbcClient jdbc;

    InterviewsRecorded(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long of(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM interview WHERE organisation_id = :id").param("id", organisationId)
                .query(Long.class).single();
    }
}
