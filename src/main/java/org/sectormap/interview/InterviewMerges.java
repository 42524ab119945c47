package org.sectormap.interview;

import org.sectormap.organisation.OrganisationsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged organisation's interviews (with their answers) become the kept one's, in the merge's own transaction. */
@Component
class InterviewMerges {

    private final JdbcClient jdbc;

    InterviewMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void move(OrganisationsMerged merge) {
        jdbc.sql("UPDATE interview SET organisation_id = :kept WHERE organisation_id = :merged")
                .param("kept", merge.kept()).param("merged", merge.merged()).update();
    }
}
