package org.sectormap.organisation;

import java.util.List;
import java.util.Optional;

import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who was found through whom, read from the register's referred_by column for the outreach
 * pages; changes go through {@link OrganisationService#setReferrer}, like every other write.
 */
@Repository
public class ReferralLinks {

    private final JdbcClient jdbc;

    ReferralLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Named(long id, String name) {
    }

    /** An organisation and who referred it (null for a first contact). */
    public record Link(long id, String name, Long referredBy) {
    }

    public Optional<Named> referrerOf(long id) {
        return jdbc.sql("SELECT r.id, r.name FROM organisation o JOIN organisation r ON r.id = o.referred_by_id "
                        + "WHERE o.id = :id")
                .param("id", id).query(Named.class).optional();
    }

    public List<Named> referredBy(long id) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE referred_by_id = :id ORDER BY name_sort, id")
                .param("id", id).query(Named.class).list();
    }

    public Optional<Long> referrerId(long id) {
        return jdbc.sql("SELECT referred_by_id FROM organisation WHERE id = :id")
                .param("id", id).query((rs, n) -> (Long) rs.getObject("referred_by_id", Long.class)).optional()
                .flatMap(Optional::ofNullable);
    }

    /** Organisations whose name holds the text, to choose a referrer from. */
    public List<Named> find(String text, long excluding, int limit) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE name_sort LIKE :text" + LikePattern.ESCAPE
                        + " AND id <> :id ORDER BY name_sort, id FETCH FIRST :limit ROWS ONLY")
                .param("text", LikePattern.containing(text))
                .param("id", excluding).param("limit", limit).query(Named.class).list();
    }

    /** Every organisation that referred another or was referred, for drawing the chains. */
    public List<Link> links() {
        return jdbc.sql("SELECT id, name, referred_by_id AS referred_by FROM organisation o "
                        + "WHERE referred_by_id IS NOT NULL "
                        + "OR EXISTS (SELECT 1 FROM organisation c WHERE c.referred_by_id = o.id) "
                        + "ORDER BY name_sort, id")
                .query(Link.class).list();
    }

    /** Organisations nobody referred: the first contacts and those found by other means. */
    public List<Named> neverReferred(int limit) {
        return jdbc.sql("SELECT id, name FROM organisation WHERE referred_by_id IS NULL ORDER BY name_sort, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(Named.class).list();
    }

    public long countNeverReferred() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE referred_by_id IS NULL").query(Long.class).single();
    }
}
