package org.sectormap.organisation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectormap.shared.Coded;
import org.sectormap.shared.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each record an import updated held before it, so that undoing the import puts it back: its
 * fields as the text an export writes, which reads back to the same values whatever the area list
 * or the rules have become since.
 */
@Repository
class ImportedUpdates {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportedUpdates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A record updated by an import, the version the import left it at and what it held before. */
    record Updated(long id, int versionAfter, OrganisationDetails previous) {
    }

    /**
     * Notes an update: the first by this import keeps what the record held before the import, a
     * later one (two rows of a file updating one record) only moves the version on.
     */
    void note(long importId, Organisation before, int versionAfter) {
        // A record the same import added goes when it is undone: there is nothing to put back.
        if (jdbc.sql("SELECT COUNT(*) FROM organisation WHERE id = ? AND import_id = ?").params(before.id(), importId)
                .query(Integer.class).single() > 0) {
            return;
        }
        int moved = jdbc.sql("UPDATE organisation_import_update SET version_after = ? WHERE import_id = ? "
                + "AND organisation_id = ?").params(versionAfter, importId, before.id()).update();
        if (moved == 0) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (OrganisationField field : OrganisationField.values()) {
                String text = OrganisationValues.text(before.details(), field);
                if (text != null) {
                    texts.put(field.column(), text);
                }
            }
            jdbc.sql("INSERT INTO organisation_import_update (import_id, organisation_id, version_after, previous) "
                    + "VALUES (?, ?, ?, ?)").params(importId, before.id(), versionAfter, json.writeValueAsString(texts))
                    .update();
        }
    }

    /** The records the import updated after {@code afterId}, in id order. */
    List<Updated> updatedBy(long importId, long afterId, int limit) {
        return jdbc.sql("SELECT organisation_id, version_after, previous FROM organisation_import_update "
                        + "WHERE import_id = ? AND organisation_id > ? ORDER BY organisation_id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .params(importId, afterId)
                .query((rs, row) -> new Updated(rs.getLong("organisation_id"), rs.getInt("version_after"),
                        details(json.readValue(rs.getString("previous"), TEXTS))))
                .list();
    }

    void forget(long importId) {
        jdbc.sql("DELETE FROM organisation_import_update WHERE import_id = ?").param(importId).update();
    }

    /**
     * Forgets what was held before wherever it mentions one of the texts; the version the import
     * left the record at no longer counts, so an undo says the record has changed.
     */
    void erase(List<String> texts) {
        for (String text : texts) {
            jdbc.sql("UPDATE organisation_import_update SET previous = '{}', version_after = -1 WHERE LOWER(previous) "
                    + "LIKE ?" + LikePattern.ESCAPE).param(LikePattern.containing(text)).update();
        }
    }

    private static OrganisationDetails details(Map<String, String> texts) {
        Map<OrganisationField, Object> values = new EnumMap<>(OrganisationField.class);
        texts.forEach((column, text) -> OrganisationField.fromColumn(column)
                .ifPresent(field -> values.put(field, value(field, text))));
        return OrganisationDetails.of(values);
    }

    /** The inverse of {@link OrganisationValues#text}. */
    private static Object value(OrganisationField field, String text) {
        return switch (field.kind()) {
            case CHOICE -> Coded.fromCode(field.choiceType(), text).orElse(null);
            case DATE -> LocalDate.parse(text);
            case TICK -> OrganisationValues.YES.equals(text);
            default -> text;
        };
    }
}
