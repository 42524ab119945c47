package org.sectormap.outreach;

import java.util.List;
import java.util.Optional;

import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who was found through whom: the referred_by column, which the organisation form never writes. */
@Repository
class ReferralRepository {

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Named(long id, String name) {
    }

    /** An organisation and who referred it (null for a first contact). */
    record Link(long id, String name, Long referredBy) {
    }

    Optional<Named> referrerOf(long id) {
        return jdbc.sql("SELECT r.id, r.name FROM organisation o JOIN organisation r ON r.id = o.referred_by_id "
                        + "WHERE o.id = :id")
                .param("id", id).query(Named.class).optional();
    }

    List<Named> referredBy(long id) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE referred_by_id = :id ORDER BY LOWER(name), id")
                .param("id", id).query(Named.class).list();
    }

    Optional<Long> referrerId(long id) {
        return jdbc.sql("SELECT referred_by_id FROM organisation WHERE id = :id")
                .param("id", id).query((rs, n) -> (Long) rs.getObject("referred_by_id", Long.class)).optional()
                .flatMap(Optional::ofNullable);
    }

    void setReferrer(long id, Long referrerId) {
        jdbc.sql("UPDATE organisation SET referred_by_id = :referrer WHERE id = :id")
                .param("referrer", referrerId).param("id", id).update();
    }

    /** Organisations whose name holds the text, to choose a referrer from. */
    List<Named> find(String text, long excluding, int limit) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE LOWER(name) LIKE :text" + LikePattern.ESCAPE
                        + " AND id <> :id ORDER BY LOWER(name), id FETCH FIRST :limit ROWS ONLY")
                .param("text", LikePattern.containing(text))
                .param("id", excluding).param("limit", limit).query(Named.class).list();
    }

    /** Every organisation that referred another or was referred, for drawing the chains. */
    List<Link> links() {
        return jdbc.sql("SELECT id, name, referred_by_id AS referred_by FROM organisation o "
                        + "WHERE referred_by_id IS NOT NULL "
                        + "OR EXISTS (SELECT 1 FROM organisation c WHERE c.referred_by_id = o.id) "
                        + "ORDER BY LOWER(name), id")
                .query(Link.class).list();
    }

    /** Organisations nobody referred: the first contacts and those found by other means. */
    List<Named> neverReferred(int limit) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE referred_by_id IS NULL ORDER BY LOWER(name), id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(Named.class).list();
    }

    long countNeverReferred() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE referred_by_id IS NULL").query(Long.class).single();
    }
}
