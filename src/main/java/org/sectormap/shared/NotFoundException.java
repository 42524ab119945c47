package org.sectormap.shared;

/** A record named in the address does not exist: a 404 page, or the API's 404 body. */
public class NotFoundException extends Explained {

    public NotFoundException(String key, Object... args) {
        super(key, args);
    }
}
