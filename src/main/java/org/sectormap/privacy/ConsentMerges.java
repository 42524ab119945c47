package org.sectormap.privacy;

import org.sectormap.organisation.OrganisationsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A merged organisation's consent records become the kept one's, in the merge's own transaction. */
@Component
class ConsentMerges {

    private final JdbcClient jdbc;

    ConsentMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void move(OrganisationsMerged merge) {
        jdbc.sql("UPDATE consent_record SET organisation_id = :kept WHERE organisation_id = :merged")
                .param("kept", merge.kept()).param("merged", merge.merged()).update();
    }
}
