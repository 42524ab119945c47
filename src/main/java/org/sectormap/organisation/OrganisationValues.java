package org.sectormap.organisation;

import org.sectormap.shared.Coded;

/** Reads one field of a record as the text a form, an export or a CSV file carries. */
final class OrganisationValues {

    static final String YES = "yes";
    static final String NO = "no";

    private OrganisationValues() {
    }

    static String text(OrganisationDetails details, OrganisationField field) {
        Object value = details.get(field);
        if (value instanceof Coded coded) {
            return coded.code();
        }
        if (value instanceof Boolean ticked) {
            return ticked ? YES : NO;
        }
        // Text as it is; dates as yyyy-mm-dd, which every spreadsheet and the import read.
        return value == null ? null : value.toString();
    }
}
