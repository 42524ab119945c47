package org.sectormap.report;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every report is a GROUP BY over the register: no report reads the organisations one by one. */
@Repository
class ReportRepository {

    private static final String ON_DATABASE = "status IN ('interviewed', 'listed')";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CategoryCount(String category, long onDatabase, long interviewed) {
    }

    record AreaCount(String area, long onDatabase) {
    }

    record EngagementCount(String category, long interviewed, long onCypBoard, long wellInformed) {
    }

    record StatusCount(String status, String exclusionReason, long organisations, long fullInterviews,
            long followUp) {
    }

    record Interviewee(long id, String name, String category, String area) {
    }

    List<CategoryCount> byCategory() {
        return jdbc.sql("SELECT category, SUM(CASE WHEN " + ON_DATABASE + " THEN 1 ELSE 0 END) AS on_database, "
                        + "SUM(CASE WHEN status = 'interviewed' THEN 1 ELSE 0 END) AS interviewed "
                        + "FROM organisation GROUP BY category")
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("on_database"),
                        rs.getLong("interviewed")))
                .list();
    }

    List<AreaCount> byArea() {
        return jdbc.sql("SELECT area, COUNT(*) AS on_database FROM organisation WHERE " + ON_DATABASE
                        + " GROUP BY area")
                .query((rs, n) -> new AreaCount(rs.getString("area"), rs.getLong("on_database")))
                .list();
    }

    List<EngagementCount> engagement() {
        return jdbc.sql("SELECT category, COUNT(*) AS interviewed, "
                        + "SUM(CASE WHEN cyp_board THEN 1 ELSE 0 END) AS on_cyp_board, "
                        + "SUM(CASE WHEN well_informed THEN 1 ELSE 0 END) AS well_informed "
                        + "FROM organisation WHERE status = 'interviewed' GROUP BY category")
                .query((rs, n) -> new EngagementCount(rs.getString("category"), rs.getLong("interviewed"),
                        rs.getLong("on_cyp_board"), rs.getLong("well_informed")))
                .list();
    }

    List<StatusCount> byStatus() {
        return jdbc.sql("SELECT status, exclusion_reason, COUNT(*) AS organisations, "
                        + "SUM(CASE WHEN full_interview THEN 1 ELSE 0 END) AS full_interviews, "
                        + "SUM(CASE WHEN follow_up THEN 1 ELSE 0 END) AS follow_up "
                        + "FROM organisation GROUP BY status, exclusion_reason")
                .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getString("exclusion_reason"),
                        rs.getLong("organisations"), rs.getLong("full_interviews"), rs.getLong("follow_up")))
                .list();
    }

    List<Interviewee> interviewees() {
        return jdbc.sql("SELECT id, name, category, area FROM organisation WHERE status = 'interviewed' "
                        + "ORDER BY LOWER(name), id")
                .query((rs, n) -> new Interviewee(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
                        rs.getString("area")))
                .list();
    }
}
