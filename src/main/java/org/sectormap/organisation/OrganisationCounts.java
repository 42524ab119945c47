package org.sectormap.organisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register counted for the summary reports: sums over {@code organisation_tally}, a few hundred rows
 * however large the register (see {@link OrganisationTally}), and Appendix 1's interviewees an area and
 * a page at a time from the index kept for them (V91; on H2, V145, which holds the listed columns too).
 */
@Repository
@Transactional(readOnly = true)
public class OrganisationCounts {

    private static final String INTERVIEWED = "status = '" + OutreachStatus.INTERVIEWED.code() + "'";
    /** "On the database" in the report's sense: kept with permission, interviewed or not. */
    private static final String ON_DATABASE = "status IN ('" + OutreachStatus.INTERVIEWED.code() + "', '"
            + OutreachStatus.LISTED.code() + "')";
    /** The organisations counted, for a WHERE clause on the tally's columns (which are the organisation's). */
    static final String SUM_OF_TALLY = "SELECT COALESCE(SUM(organisations), 0) FROM organisation_tally";
    /** A group whose changes cancel out counts nothing, as a GROUP BY over the organisations would not show it. */
    private static final String COUNTED = " HAVING SUM(organisations) <> 0";
    private static final String INTERVIEWEE = "SELECT id, name, category, area FROM organisation WHERE " + INTERVIEWED;
    /**
     * By name within the one status and area asked for, spelt as its index's leading columns: H2 reads a
     * page from that index in order only then, and for {@code area IS NULL} (a register whose areas were
     * never recorded) sorted all 600,000 of a million-organisation register's interviewees for each page.
     */
    private static final String BY_NAME = " ORDER BY status, area, name_sort, id";
    private static final String BY_NAME_BACKWARDS = " ORDER BY status DESC, area DESC, name_sort DESC, id DESC";
    private static final RowMapper<Interviewee> INTERVIEWEE_ROW = (rs, n) -> new Interviewee(rs.getLong("id"),
            rs.getString("name"), rs.getString("category"), rs.getString("area"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    OrganisationCounts(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // A fetch size makes PostgreSQL read a download through a cursor instead of all at once.
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1_000);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    public record CategoryCount(String category, long onDatabase, long interviewed) {
    }

    public record AreaCount(String area, long organisations) {
    }

    public record EngagementCount(String category, long fullInterviews, long onCypBoard, long wellInformed) {
    }

    public record StatusCount(String status, String exclusionReason, long organisations, long fullInterviews,
            long followUp) {
    }

    public record Interviewee(long id, String name, String category, String area) {
    }

    public List<CategoryCount> byCategory() {
        return jdbc.sql("SELECT category, SUM(CASE WHEN " + ON_DATABASE + " THEN organisations ELSE 0 END) AS on_database, "
                        + "SUM(CASE WHEN " + INTERVIEWED + " THEN organisations ELSE 0 END) AS interviewed "
                        + "FROM organisation_tally GROUP BY category" + COUNTED)
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("on_database"),
                        rs.getLong("interviewed")))
                .list();
    }

    public List<AreaCount> byArea() {
        return areas(ON_DATABASE);
    }

    /** Appendix 1's areas, each with how many of its organisations were interviewed. */
    public List<AreaCount> interviewedByArea() {
        return areas(INTERVIEWED);
    }

    private List<AreaCount> areas(String where) {
        return jdbc.sql("SELECT area, SUM(organisations) AS counted FROM organisation_tally WHERE " + where
                        + " GROUP BY area" + COUNTED)
                .query((rs, n) -> new AreaCount(rs.getString("area"), rs.getLong("counted")))
                .list();
    }

    public List<EngagementCount> engagement() {
        // Section B was asked in full interviews only: the report's 16 BME organisations of Table 1's 17.
        return jdbc.sql("SELECT category, SUM(organisations) AS full_interviews, "
                        + "SUM(CASE WHEN cyp_board THEN organisations ELSE 0 END) AS on_cyp_board, "
                        + "SUM(CASE WHEN well_informed THEN organisations ELSE 0 END) AS well_informed "
                        + "FROM organisation_tally WHERE " + INTERVIEWED + " AND full_interview = TRUE GROUP BY category"
                        + COUNTED)
                .query((rs, n) -> new EngagementCount(rs.getString("category"), rs.getLong("full_interviews"),
                        rs.getLong("on_cyp_board"), rs.getLong("well_informed")))
                .list();
    }

    public List<StatusCount> byStatus() {
        return jdbc.sql("SELECT status, exclusion_reason, SUM(organisations) AS counted, "
                        + "SUM(CASE WHEN full_interview THEN organisations ELSE 0 END) AS full_interviews, "
                        + "SUM(CASE WHEN follow_up THEN organisations ELSE 0 END) AS follow_up "
                        + "FROM organisation_tally GROUP BY status, exclusion_reason" + COUNTED)
                .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getString("exclusion_reason"),
                        rs.getLong("counted"), rs.getLong("full_interviews"), rs.getLong("follow_up")))
                .list();
    }

    /**
     * A slice of one area's interviewees (null: area not recorded), by name, of the {@code inArea} the tally
     * counts there. A slice nearer the end is read backwards from the end and turned round, as the index
     * is walked from either end as readily: the last page of an area of 60,000 passed them all (78 ms).
     */
    public List<Interviewee> interviewees(String area, long offset, int limit, long inArea) {
        long fromEnd = inArea - offset - limit;
        boolean backwards = fromEnd >= 0 && fromEnd < offset;
        Map<String, Object> params = inArea(area);
        params.put("offset", backwards ? fromEnd : offset);
        params.put("limit", limit);
        List<Interviewee> slice = jdbc.sql(intervieweesQuery(area, backwards)).params(params).query(INTERVIEWEE_ROW).list();
        if (!backwards) {
            return slice;
        }
        List<Interviewee> turned = new ArrayList<>(slice);
        Collections.reverse(turned);
        return turned;
    }

    static String intervieweesQuery(String area, boolean backwards) {
        return INTERVIEWEE + areaClause(area) + (backwards ? BY_NAME_BACKWARDS : BY_NAME)
                + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
    }

    /** Hands one area's interviewees, by name, to the consumer as they are read: a download never holds them all. */
    public void forEachInterviewee(String area, Consumer<Interviewee> consumer) {
        streaming.query(INTERVIEWEE + areaClause(area) + BY_NAME, inArea(area),
                (RowCallbackHandler) rs -> consumer.accept(INTERVIEWEE_ROW.mapRow(rs, rs.getRow())));
    }

    private static String areaClause(String area) {
        return area == null ? " AND area IS NULL" : " AND area = :area";
    }

    private static Map<String, Object> inArea(String area) {
        Map<String, Object> params = new HashMap<>();
        if (area != null) {
            params.put("area", area);
        }
        return params;
    }
}
