package org.sectormap.shared;

/** Someone else saved or deleted the record at the same moment: a 409, nothing saved. */
public class ConflictException extends Explained {

    public ConflictException(String key, Object... args) {
        super(key, args);
    }
}
