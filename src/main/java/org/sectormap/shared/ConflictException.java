package org.sectormap.shared;

/** Someone else saved or deleted the record at the same moment: a 409, nothing saved. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
