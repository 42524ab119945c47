package org.sectormap.organisation;

import org.sectormap.shared.ConflictException;

/** An import cannot be undone in one step: one of its records has changed since, and undoing would lose that. */
public class ChangedSinceImportException extends ConflictException {

    ChangedSinceImportException(long id, String name) {
        super("imports.undo.changed", id, name);
    }
}
