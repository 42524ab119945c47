package org.sectormap.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.sectormap.shared.Databases;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations that may be published in a directory: listed or interviewed, and ticked to
 * publish. Pages come from the database read already sorted from the index of V86 (publish, status,
 * id: interviewed then listed, each in id order; H2 uses an index's order only when the ORDER BY names
 * its columns), and the feed's total is counted from that index alone, so a feed of any size is never
 * held, sorted or read row by row to be counted.
 */
@Component
public class PublishedOrganisations {

    static final String PUBLISHED = " WHERE publish = TRUE AND status IN ('"
            + OutreachStatus.LISTED.code() + "', '" + OutreachStatus.INTERVIEWED.code() + "')";

    private final JdbcClient jdbc;
    private final boolean postgres;

    PublishedOrganisations(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = !Databases.isH2(dataSource);
    }

    /** A published organisation and when its record last changed. */
    public record Published(Organisation organisation, OffsetDateTime modifiedAt) {
    }

    /**
     * Which published organisations to list; null means any.
     *
     * @param text          in the name or description, ignoring case (never in contact names)
     * @param category      one of the five categories
     * @param classified    only those with a category
     * @param modifiedAfter changed at or after this moment
     */
    public record Filter(String text, Category category, boolean classified, OffsetDateTime modifiedAfter) {

        public static final Filter NONE = new Filter(null, null, false, null);
    }

    /**
     * Summed from the tally when only the category is asked, whose columns are the filter's: counting a
     * million published records took 150 ms and more. A search or a date counts the records themselves.
     */
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        boolean tallied = (filter.text() == null || filter.text().isBlank()) && filter.modifiedAfter() == null;
        return jdbc.sql(tallied ? OrganisationCounts.SUM_OF_TALLY + where : countQuery(where)).params(params)
                .query(Long.class).single();
    }

    static String countQuery(String where) {
        return "SELECT COUNT(*) FROM organisation" + where;
    }

    @Transactional(readOnly = true)
    public List<Published> page(Filter filter, long offset, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = pageQuery(where(filter, params));
        params.put("offset", offset);
        params.put("size", size);
        return jdbc.sql(sql).params(params).query(PublishedOrganisations::published).list();
    }

    static String pageQuery(String where) {
        return "SELECT " + OrganisationRepository.COLUMNS + ", modified_at FROM organisation" + where
                + " ORDER BY publish, status, id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";
    }

    /** The organisation, when it is published. */
    @Transactional(readOnly = true)
    public Optional<Published> find(long id) {
        return jdbc.sql("SELECT " + OrganisationRepository.COLUMNS + ", modified_at FROM organisation" + PUBLISHED
                + " AND id = :id").param("id", id).query(PublishedOrganisations::published).optional();
    }

    private static Published published(ResultSet rs, int row) throws SQLException {
        return new Published(OrganisationRepository.map(rs, row), rs.getObject("modified_at", OffsetDateTime.class));
    }

    String where(Filter filter, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            // On PostgreSQL the search text's trigram index (V78) finds the records holding the text first,
            // where a search read every published record (209 ms at 100,000). The search text holds the
            // name and description folded, so any record whose name or description holds ASCII text holds
            // it too; the contact's name, also in it, is then ruled out by the clause after.
            if (postgres && filter.text().chars().allMatch(c -> c < 0x80)) {
                clauses.add("search_text LIKE :text" + LikePattern.ESCAPE);
            }
            clauses.add("(name_sort LIKE :text" + LikePattern.ESCAPE + " OR LOWER(description) LIKE :text"
                    + LikePattern.ESCAPE + ")");
            params.put("text", LikePattern.containing(filter.text()));
        }
        if (filter.category() != null) {
            clauses.add("category = :category");
            params.put("category", filter.category().code());
        } else if (filter.classified()) {
            clauses.add("category IS NOT NULL");
        }
        if (filter.modifiedAfter() != null) {
            clauses.add("modified_at >= :modifiedAfter");
            params.put("modifiedAfter", filter.modifiedAfter());
        }
        return PUBLISHED + clauses.stream().map(c -> " AND " + c).reduce("", String::concat);
    }
}
