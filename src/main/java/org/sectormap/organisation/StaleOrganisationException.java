package org.sectormap.organisation;

/** Someone else changed or deleted the record after this user opened it. */
public class StaleOrganisationException extends RuntimeException {

    StaleOrganisationException(long id) {
        super("Organisation " + id + " was changed by someone else");
    }
}
