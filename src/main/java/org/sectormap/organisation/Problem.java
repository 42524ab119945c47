package org.sectormap.organisation;

import java.util.List;

/** One thing wrong with one field of an organisation, as a message code and its arguments. */
public record Problem(OrganisationField field, String messageCode, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    static Problem of(OrganisationField field, String messageCode, Object... args) {
        return new Problem(field, messageCode, List.of(args));
    }
}
