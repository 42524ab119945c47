package org.sectormap.organisation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register counted for the summary reports: each a GROUP BY, so no report reads the
 * organisations one by one.
 */
@Repository
@Transactional(readOnly = true)
public class OrganisationCounts {

    private static final String INTERVIEWED = "status = '" + OutreachStatus.INTERVIEWED.code() + "'";
    /** "On the database" in the report's sense: kept with permission, interviewed or not. */
    private static final String ON_DATABASE = "status IN ('" + OutreachStatus.INTERVIEWED.code() + "', '"
            + OutreachStatus.LISTED.code() + "')";

    private final JdbcClient jdbc;

    OrganisationCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CategoryCount(String category, long onDatabase, long interviewed) {
    }

    public record AreaCount(String area, long onDatabase) {
    }

    public record EngagementCount(String category, long fullInterviews, long onCypBoard, long wellInformed) {
    }

    public record StatusCount(String status, String exclusionReason, long organisations, long fullInterviews,
            long followUp) {
    }

    public record Interviewee(long id, String name, String category, String area) {
    }

    public List<CategoryCount> byCategory() {
        return jdbc.sql("SELECT category, SUM(CASE WHEN " + ON_DATABASE + " THEN 1 ELSE 0 END) AS on_database, "
                        + "SUM(CASE WHEN " + INTERVIEWED + " THEN 1 ELSE 0 END) AS interviewed "
                        + "FROM organisation GROUP BY category")
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("on_database"),
                        rs.getLong("interviewed")))
                .list();
    }

    public List<AreaCount> byArea() {
        return jdbc.sql("SELECT area, COUNT(*) AS on_database FROM organisation WHERE " + ON_DATABASE
                        + " GROUP BY area")
                .query((rs, n) -> new AreaCount(rs.getString("area"), rs.getLong("on_database")))
                .list();
    }

    public List<EngagementCount> engagement() {
        // Section B was asked in full interviews only: the report's 16 BME organisations of Table 1's 17.
        return jdbc.sql("SELECT category, COUNT(*) AS full_interviews, "
                        + "SUM(CASE WHEN cyp_board THEN 1 ELSE 0 END) AS on_cyp_board, "
                        + "SUM(CASE WHEN well_informed THEN 1 ELSE 0 END) AS well_informed "
                        + "FROM organisation WHERE " + INTERVIEWED + " AND full_interview = TRUE GROUP BY category")
                .query((rs, n) -> new EngagementCount(rs.getString("category"), rs.getLong("full_interviews"),
                        rs.getLong("on_cyp_board"), rs.getLong("well_informed")))
                .list();
    }

    public List<StatusCount> byStatus() {
        return jdbc.sql("SELECT status, exclusion_reason, COUNT(*) AS organisations, "
                        + "SUM(CASE WHEN full_interview THEN 1 ELSE 0 END) AS full_interviews, "
                        + "SUM(CASE WHEN follow_up THEN 1 ELSE 0 END) AS follow_up "
                        + "FROM organisation GROUP BY status, exclusion_reason")
                .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getString("exclusion_reason"),
                        rs.getLong("organisations"), rs.getLong("full_interviews"), rs.getLong("follow_up")))
                .list();
    }

    public List<Interviewee> interviewees() {
        return jdbc.sql("SELECT id, name, category, area FROM organisation WHERE " + INTERVIEWED + " "
                        + "ORDER BY name_sort, id")
                .query((rs, n) -> new Interviewee(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
                        rs.getString("area")))
                .list();
    }
}
