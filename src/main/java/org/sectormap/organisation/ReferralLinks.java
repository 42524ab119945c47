package org.sectormap.organisation;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.sectormap.shared.Databases;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who was found through whom, read from the register's referred_by column for the outreach
 * pages; changes go through {@link OrganisationService#setReferrer}, like every other write.
 */
@Repository
public class ReferralLinks {

    /**
     * Every referrer id, as a range that H2 reads from the index on referred_by_id: H2 reads
     * {@code IS NOT NULL} by walking the whole index, a million entries for none referred.
     */
    private static final String REFERRED = "referred_by_id >= :lowest";

    private final JdbcClient jdbc;
    private final boolean h2;

    ReferralLinks(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = Databases.isH2(dataSource);
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

    /**
     * Every organisation that referred another or was referred, for drawing the chains: those
     * referred, read through the index on referred_by_id, and their referrers by id, where asking each
     * organisation of the register whether it referred anyone took 1,000,000 index look-ups.
     */
    public List<Link> links() {
        return jdbc.sql("SELECT id, name, referred_by FROM (SELECT id, name, name_sort, referred_by_id AS referred_by "
                        + "FROM organisation WHERE " + REFERRED + " UNION SELECT id, name, name_sort, referred_by_id "
                        + "FROM organisation WHERE id IN (SELECT referred_by_id FROM organisation WHERE " + REFERRED
                        + ")) l ORDER BY name_sort, id")
                .param("lowest", Long.MIN_VALUE).query(Link.class).list();
    }

    /**
     * Organisations nobody referred: the first contacts and those found by other means. H2 read all of
     * them through the index on referred_by_id and sorted them for the first thousand; walking the
     * name's index meets them at once where most of the register was found without a referral, and
     * passes more rows the more of it was referred (all of it, at worst, for a register found wholly
     * by referral).
     */
    public List<Named> neverReferred(int limit) {
        String from = h2 ? "organisation USE INDEX (organisation_name_sort_idx)" : "organisation";
        return jdbc.sql("SELECT id, name FROM " + from + " WHERE referred_by_id IS NULL ORDER BY name_sort, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(Named.class).list();
    }

    /** The register's size from the tally, less those referred: counting the others read a million index entries. */
    public long countNeverReferred() {
        return jdbc.sql("SELECT (" + OrganisationCounts.SUM_OF_TALLY + ") - (SELECT COUNT(*) FROM organisation WHERE "
                        + REFERRED + ")")
                .param("lowest", Long.MIN_VALUE).query(Long.class).single();
    }
}
