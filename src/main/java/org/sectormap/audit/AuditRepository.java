package org.sectormap.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.sectormap.shared.Coded;
import org.sectormap.shared.CopyIn;
import org.sectormap.shared.Databases;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Inserts and reads; the one update there is overwrites values for an erasure, never an entry. */
@Repository
class AuditRepository {

    private static final String ENTRY_COLUMNS = "e.id, e.occurred_at, e.actor, e.action, e.record_kind, e.record_id, "
            + "e.record_page";

    private static final List<String> ENTRY_INSERTED = List.of("occurred_at", "actor", "action", "record_kind",
            "record_id", "record_page");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Reads a download a thousand rows at a time: PostgreSQL's driver otherwise holds every row of the answer. */
    private final JdbcTemplate fetching;
    private final DataSource dataSource;
    /** Whether many entries go by COPY (PostgreSQL) rather than as a batch of inserts (H2). */
    private final boolean copying;

    AuditRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(1_000);
        this.dataSource = dataSource;
        this.copying = !Databases.isH2(dataSource);
    }

    long insert(LocalDateTime at, String actor, AuditAction action, Audited record, List<AuditEntry.Change> changes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.valueOf(at), actor, action.name(), record.kind().code(), record.id(), record.page())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        template.batchUpdate("INSERT INTO audit_change (entry_id, field, before_value, after_value) VALUES (?, ?, ?, ?)",
                changes, changes.size(), (statement, change) -> {
                    statement.setLong(1, id);
                    statement.setString(2, change.field());
                    statement.setString(3, change.before());
                    statement.setString(4, change.after());
                });
        return id;
    }

    /** Entries without values, for many records created at once (an import). */
    void insertAll(LocalDateTime at, String actor, AuditAction action, List<Audited> records) {
        if (copying) {
            CopyIn.rows(dataSource, "audit_entry", ENTRY_INSERTED, records.stream().map(record -> Arrays.<Object>asList(
                    at, actor, action.name(), record.kind().code(), record.id(), record.page())).toList());
            return;
        }
        template.batchUpdate("INSERT INTO audit_entry (occurred_at, actor, action, record_kind, record_id, record_page) "
                + "VALUES (?, ?, ?, ?, ?, ?)", records, 1_000, (statement, record) -> {
                    statement.setTimestamp(1, Timestamp.valueOf(at));
                    statement.setString(2, actor);
                    statement.setString(3, action.name());
                    statement.setString(4, record.kind().code());
                    statement.setString(5, record.id());
                    statement.setString(6, record.page());
                });
    }

    long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").query(Long.class).single();
    }

    boolean anyOnPagesAfter(long mark, List<String> pages) {
        return !pages.isEmpty() && jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE id > :mark AND record_page IN (:pages)")
                .param("mark", mark).param("pages", pages).query(Long.class).single() > 0;
    }

    List<AuditEntry> onPage(String page, int limit) {
        return withChanges(jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE e.record_page = ? "
                + "ORDER BY e.id DESC FETCH FIRST " + limit + " ROWS ONLY").param(page).query(AuditRepository::entry)
                .list());
    }

    List<AuditEntry> search(AuditQuery query, long offset, int limit) {
        Where where = where(query);
        return withChanges(jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e" + where.sql
                + " ORDER BY e.id DESC OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(where.params).query(AuditRepository::entry).list());
    }

    /** How many entries match, counting no further than {@code limit}. */
    long count(AuditQuery query, long limit) {
        Where where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry e" + where.sql + " FETCH FIRST " + limit
                + " ROWS ONLY) counted").params(where.params).query(Long.class).single();
    }

    /** Every match, oldest first, one entry at a time, for a download of any size. */
    void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
        Where where = where(query);
        AuditEntry[] current = {null};
        fetching.query("SELECT " + ENTRY_COLUMNS + ", c.field, c.before_value, c.after_value FROM audit_entry e "
                + "LEFT JOIN audit_change c ON c.entry_id = e.id" + where.sql + " ORDER BY e.id, c.field",
                (RowCallbackHandler) rs -> {
                    if (current[0] == null || current[0].id() != rs.getLong("id")) {
                        if (current[0] != null) {
                            consumer.accept(current[0]);
                        }
                        AuditEntry entry = entry(rs, 0);
                        current[0] = new AuditEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.action(),
                                entry.kind(), entry.recordId(), entry.page(), new ArrayList<>());
                    }
                    if (rs.getString("field") != null) {
                        current[0].changes().add(change(rs));
                    }
                }, where.params.toArray());
        if (current[0] != null) {
            consumer.accept(current[0]);
        }
    }

    /** Entries with a value containing any of the texts, ignoring case. */
    List<AuditEntry> mentioning(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder any = new StringBuilder();
        for (String text : texts) {
            any.append(any.isEmpty() ? "" : " OR ").append("LOWER(c.before_value) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(c.after_value) LIKE ? ESCAPE '\\'");
            String pattern = LikePattern.containing(text);
            params.add(pattern);
            params.add(pattern);
        }
        return withChanges(jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE EXISTS (SELECT 1 FROM "
                + "audit_change c WHERE c.entry_id = e.id AND (" + any + ")) ORDER BY e.id").params(params)
                .query(AuditRepository::entry).list());
    }

    /** Overwrites every value containing the text, ignoring case; returns how many values. */
    int overwrite(String text, String replacement) {
        String pattern = LikePattern.containing(text);
        return jdbc.sql("UPDATE audit_change SET before_value = ? WHERE LOWER(before_value) LIKE ? ESCAPE '\\'")
                .params(replacement, pattern).update()
                + jdbc.sql("UPDATE audit_change SET after_value = ? WHERE LOWER(after_value) LIKE ? ESCAPE '\\'")
                .params(replacement, pattern).update();
    }

    /** Read by kind and id, without an index: only subject access and erasure ask, a few records at a time. */
    List<AuditEntry> fieldHistory(AuditKind kind, String id, Collection<String> fields) {
        List<AuditEntry> entries = withChanges(jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_entry e WHERE "
                + "e.record_kind = :kind AND e.record_id = :id AND EXISTS (SELECT 1 FROM audit_change c "
                + "WHERE c.entry_id = e.id AND c.field IN (:fields)) ORDER BY e.id").param("kind", kind.code())
                .param("id", id).param("fields", fields).query(AuditRepository::entry).list());
        return entries.stream().map(e -> new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.kind(),
                e.recordId(), e.page(), e.changes().stream().filter(c -> fields.contains(c.field())).toList())).toList();
    }

    void overwriteValues(Collection<AuditTrail.Value> values, String replacement) {
        for (AuditTrail.Value value : values) {
            String column = value.before() ? "before_value" : "after_value";
            jdbc.sql("UPDATE audit_change SET " + column + " = :erased WHERE entry_id = :entry AND field = :field")
                    .param("erased", replacement).param("entry", value.entry()).param("field", value.field()).update();
        }
    }

    private List<AuditEntry> withChanges(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<AuditEntry.Change>> changes = new LinkedHashMap<>();
        entries.forEach(entry -> changes.put(entry.id(), new ArrayList<>()));
        jdbc.sql("SELECT entry_id, field, before_value, after_value FROM audit_change WHERE entry_id IN (:ids) "
                + "ORDER BY entry_id, field").param("ids", changes.keySet())
                .query(rs -> {
                    changes.get(rs.getLong("entry_id")).add(change(rs));
                });
        return entries.stream().map(e -> new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.action(), e.kind(),
                e.recordId(), e.page(), List.copyOf(changes.get(e.id())))).toList();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("LOWER(e.actor) LIKE ? ESCAPE '\\'");
            params.add(LikePattern.containing(query.actor()));
        }
        if (query.kind() != null) {
            conditions.add("e.record_kind = ?");
            params.add(query.kind().code());
        }
        if (query.recordId() != null) {
            conditions.add("e.record_id = ?");
            params.add(query.recordId());
        }
        if (query.from() != null) {
            conditions.add("e.occurred_at >= ?");
            params.add(Timestamp.valueOf(query.from().atStartOfDay()));
        }
        if (query.to() != null) {
            conditions.add("e.occurred_at < ?");
            params.add(Timestamp.valueOf(query.to().plusDays(1).atStartOfDay()));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), Coded.fromCode(AuditKind.class, rs.getString("record_kind")).orElseThrow(),
                rs.getString("record_id"), rs.getString("record_page"), List.of());
    }

    private static AuditEntry.Change change(ResultSet rs) throws SQLException {
        return new AuditEntry.Change(rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"));
    }
}
