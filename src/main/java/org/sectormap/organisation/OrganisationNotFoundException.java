package org.sectormap.organisation;

import org.sectormap.shared.NotFoundException;

class OrganisationNotFoundException extends NotFoundException {

    OrganisationNotFoundException(long id) {
        super("error.notFound.organisation", id);
    }
}
