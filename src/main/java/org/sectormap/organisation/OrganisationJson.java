package org.sectormap.organisation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An organisation as the API shows it: identity and version beside its details, codes for choices. */
record OrganisationJson(long id, int version, @JsonUnwrapped OrganisationDetails details) {

    static OrganisationJson of(Organisation o) {
        return new OrganisationJson(o.id(), o.version(), o.details());
    }
}
