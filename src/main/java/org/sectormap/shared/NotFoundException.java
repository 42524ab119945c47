package org.sectormap.shared;

/** A record named in the address does not exist: a 404 page, or the API's 404 body. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
