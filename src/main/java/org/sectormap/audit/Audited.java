package org.sectormap.audit;

import java.util.Optional;

/**
 * A record as the trail names it: its kind, its id, and the page whose History lists its changes,
 * which for a part of a record is the whole record's page.
 */
public record Audited(AuditKind kind, String id, String page) {

    /** The id of the record of this kind whose own page this is; empty for any other page. */
    public static Optional<String> idOnPage(AuditKind kind, String page) {
        String prefix = kind.code() + "/";
        return page.startsWith(prefix) ? Optional.of(page.substring(prefix.length())) : Optional.empty();
    }

    /** A record with a page of its own. */
    public static Audited of(AuditKind kind, Object id) {
        return new Audited(kind, String.valueOf(id), kind.code() + "/" + id);
    }

    /** A part of another record, whose History shows it: an organisation's contact attempt, say. */
    public Audited partOf(Audited whole) {
        return new Audited(kind, id, whole.page);
    }

    /** A record without a page of its own whose History is on a list's page, such as the users page. */
    public Audited listedOn(String listPage) {
        return new Audited(kind, id, listPage);
    }
}
