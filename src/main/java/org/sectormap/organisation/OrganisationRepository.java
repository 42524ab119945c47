package org.sectormap.organisation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.sectormap.system.LikePattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = "id, version, name, category, area, coverage, address, postcode, phone, "
            + "email, website, contact_name, contact_role, description, status, exclusion_reason, exclusion_detail, "
            + "interview_date, interview_mode, full_interview, follow_up, cyp_board, well_informed";

    private static final RowMapper<Organisation> ROW = OrganisationRepository::map;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    OrganisationRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // A fetch size makes PostgreSQL read an export through a cursor instead of all at once.
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.named = new NamedParameterJdbcTemplate(template);
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = :id").param("id", id).query(ROW).optional();
    }

    private static final String INSERT = "INSERT INTO organisation (version, name, category, area, coverage, "
            + "address, postcode, phone, email, website, contact_name, contact_role, description, status, "
            + "exclusion_reason, exclusion_detail, interview_date, interview_mode, full_interview, follow_up, "
            + "cyp_board, well_informed, search_text) VALUES (0, :name, :category, :area, :coverage, :address, "
            + ":postcode, :phone, :email, :website, :contactName, :contactRole, :description, :status, "
            + ":exclusionReason, :exclusionDetail, :interviewDate, :interviewMode, :fullInterview, :followUp, "
            + ":cypBoard, :wellInformed, :searchText)";

    long insert(OrganisationDetails d) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT).params(params(d)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** One round trip per batch rather than per row: imports of tens of thousands stay quick. */
    void insertAll(List<OrganisationDetails> all) {
        SqlParameterSource[] batch = all.stream().map(d -> new MapSqlParameterSource(params(d)))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate(INSERT, batch);
    }

    /** Saves over the given version only; false when someone else saved first. */
    boolean update(long id, int expectedVersion, OrganisationDetails d) {
        String sql = "UPDATE organisation SET version = version + 1, name = :name, category = :category, "
                + "area = :area, coverage = :coverage, address = :address, postcode = :postcode, phone = :phone, "
                + "email = :email, website = :website, contact_name = :contactName, contact_role = :contactRole, "
                + "description = :description, status = :status, exclusion_reason = :exclusionReason, "
                + "exclusion_detail = :exclusionDetail, interview_date = :interviewDate, "
                + "interview_mode = :interviewMode, full_interview = :fullInterview, follow_up = :followUp, "
                + "cyp_board = :cypBoard, well_informed = :wellInformed, search_text = :searchText "
                + "WHERE id = :id AND version = :version";
        Map<String, Object> params = params(d);
        params.put("id", id);
        params.put("version", expectedVersion);
        return jdbc.sql(sql).params(params).update() == 1;
    }

    boolean delete(long id, int expectedVersion) {
        return jdbc.sql("DELETE FROM organisation WHERE id = :id AND version = :version")
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
    }

    List<Organisation> search(OrganisationQuery query) {
        Where where = where(query);
        String sql = "SELECT " + COLUMNS + " FROM organisation" + where.sql + orderBy(query)
                + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
        where.params.put("offset", query.offset());
        where.params.put("size", query.size());
        return jdbc.sql(sql).params(where.params).query(ROW).list();
    }

    /** Hands every match, in list order, to the consumer one at a time: exports never hold them all. */
    void forEach(OrganisationQuery query, Consumer<Organisation> consumer) {
        Where where = where(query);
        String sql = "SELECT " + COLUMNS + " FROM organisation" + where.sql + orderBy(query);
        named.query(sql, where.params, (RowCallbackHandler) rs -> consumer.accept(map(rs, rs.getRow())));
    }

    private static String orderBy(OrganisationQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        // Nulls sort last in either direction on both databases, and id breaks ties so pages never overlap;
        // a column that cannot be null sorts plainly so its index can serve the page.
        String column = query.sort().column();
        String nullsLast = query.sort().nullable() ? "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " : "";
        return " ORDER BY " + nullsLast + column + direction + ", id" + direction;
    }

    long count(OrganisationQuery query) {
        Where where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM organisation" + where.sql).params(where.params).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(OrganisationQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("search_text LIKE :text" + LikePattern.ESCAPE);
            params.put("text", LikePattern.containing(q.text()));
        }
        if (q.unclassified()) {
            clauses.add("category IS NULL");
        } else if (q.category() != null) {
            clauses.add("category = :category");
            params.put("category", q.category().code());
        }
        if (q.area() != null) {
            clauses.add("area = :area");
            params.put("area", q.area());
        }
        if (q.status() != null) {
            clauses.add("status = :status");
            params.put("status", q.status().code());
        }
        tick(clauses, params, "full_interview", q.fullInterview());
        tick(clauses, params, "follow_up", q.followUp());
        tick(clauses, params, "cyp_board", q.cypBoard());
        tick(clauses, params, "well_informed", q.wellInformed());
        String sql = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return new Where(sql, params);
    }

    private static void tick(List<String> clauses, Map<String, Object> params, String column, Boolean wanted) {
        if (wanted != null) {
            clauses.add(column + " = :" + column);
            params.put(column, wanted);
        }
    }

    /** What free-text search looks in: name, coverage, description and contact, folded to lower case once. */
    static String searchText(OrganisationDetails d) {
        return Stream.of(d.name(), d.coverage(), d.description(), d.contactName())
                .filter(v -> v != null)
                .map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> params(OrganisationDetails d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", d.name());
        p.put("category", code(d.category()));
        p.put("area", d.area());
        p.put("coverage", d.coverage());
        p.put("address", d.address());
        p.put("postcode", d.postcode());
        p.put("phone", d.phone());
        p.put("email", d.email());
        p.put("website", d.website());
        p.put("contactName", d.contactName());
        p.put("contactRole", d.contactRole());
        p.put("description", d.description());
        p.put("status", code(d.status()));
        p.put("exclusionReason", code(d.exclusionReason()));
        p.put("exclusionDetail", d.exclusionDetail());
        p.put("interviewDate", d.interviewDate() == null ? null : Date.valueOf(d.interviewDate()));
        p.put("interviewMode", code(d.interviewMode()));
        p.put("fullInterview", d.fullInterview());
        p.put("followUp", d.followUp());
        p.put("cypBoard", d.cypBoard());
        p.put("wellInformed", d.wellInformed());
        p.put("searchText", searchText(d));
        return p;
    }

    private static String code(Coded value) {
        return value == null ? null : value.code();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        Date interviewDate = rs.getDate("interview_date");
        OrganisationDetails d = new OrganisationDetails(rs.getString("name"),
                Coded.fromCode(Category.class, rs.getString("category")).orElse(null), rs.getString("area"),
                rs.getString("coverage"), rs.getString("address"), rs.getString("postcode"), rs.getString("phone"),
                rs.getString("email"), rs.getString("website"), rs.getString("contact_name"),
                rs.getString("contact_role"), rs.getString("description"),
                Coded.fromCode(OutreachStatus.class, rs.getString("status")).orElseThrow(),
                Coded.fromCode(ExclusionReason.class, rs.getString("exclusion_reason")).orElse(null),
                rs.getString("exclusion_detail"), interviewDate == null ? null : interviewDate.toLocalDate(),
                Coded.fromCode(InterviewMode.class, rs.getString("interview_mode")).orElse(null),
                rs.getBoolean("full_interview"), rs.getBoolean("follow_up"), rs.getBoolean("cyp_board"),
                rs.getBoolean("well_informed"));
        return new Organisation(rs.getLong("id"), rs.getInt("version"), d);
    }
}
