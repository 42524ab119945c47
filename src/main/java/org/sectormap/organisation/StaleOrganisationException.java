package org.sectormap.organisation;

import org.sectormap.shared.ConflictException;

/** Someone else changed or deleted the record after this user opened it. */
class StaleOrganisationException extends ConflictException {

    StaleOrganisationException(long id) {
        super("error.conflict.organisation", id);
    }
}
