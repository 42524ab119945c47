package org.sectormap.organisation;

/**
 * A row of an import chosen to update a record would leave it breaking the rules; the import stops
 * and stores nothing.
 */
public class ImportUpdateRefusedException extends RuntimeException {

    ImportUpdateRefusedException(long id) {
        super("Updating organisation " + id + " would break its rules", null, false, false);
    }
}
