package org.sectormap.imports;

import java.time.LocalDateTime;

/**
 * A completed import, as the history lists it.
 *
 * @param importedBy  the signed-in person's email, or null when nobody was
 * @param fileName    as uploaded, or null for a body sent to the API
 * @param sheet       the sheet or table read, or null for a CSV file
 * @param mappingName the saved mapping of columns and values it used, or null
 * @param auditMark   how far the audit trail had reached when it was done; null for imports from before undo
 * @param undoneAt    when it was undone, or null while it stands
 * @param kind        what it brought in: an {@link ImportKind}'s code
 */
record ImportRecord(long id, LocalDateTime importedAt, String importedBy, String fileName, String sheet,
        int headerRow, int rowsAdded, int rowsUpdated, int rowsSkipped, String mappingName, Long auditMark,
        LocalDateTime undoneAt, String undoneBy, String kind) {

    /**
     * Imports recorded before their records were marked as theirs cannot be told apart from others;
     * an import of the research record added no organisations, which is all an undo deletes.
     */
    public boolean undoable() {
        return undoneAt == null && auditMark != null && ImportKind.ORGANISATIONS.code().equals(kind);
    }

    /** The message key of what it brought in. */
    public String kindKey() {
        return "imports.kind." + kind;
    }
}
