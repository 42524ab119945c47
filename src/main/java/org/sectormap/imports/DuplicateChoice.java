package org.sectormap.imports;

import org.sectormap.shared.Coded;

/** What an import does with a row that is probably an organisation the register already has. */
public enum DuplicateChoice implements Coded {
    /** Adds the row as a new record, as it would any other. */
    ADD,
    /** Updates the record the row probably is with the values the row gives; the record keeps the rest. */
    UPDATE,
    /** Leaves the row out. */
    SKIP;

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "imports.duplicates.choice." + code();
    }
}
