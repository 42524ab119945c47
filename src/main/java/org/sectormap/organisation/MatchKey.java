package org.sectormap.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Each stored match key: its column and how a record's details give it. */
enum MatchKey {
    NAME("name_key", OrganisationField.NAME, MatchKeys::name),
    EMAIL("email_key", OrganisationField.EMAIL, MatchKeys::email),
    WEBSITE("website_key", OrganisationField.WEBSITE, MatchKeys::website),
    PHONE("phone_key", OrganisationField.PHONE, MatchKeys::phone),
    POSTCODE("postcode_key", OrganisationField.POSTCODE, MatchKeys::postcode);

    static final List<String> COLUMNS = Arrays.stream(values()).map(MatchKey::column).toList();

    private final String column;
    private final OrganisationField field;
    private final UnaryOperator<String> key;

    MatchKey(String column, OrganisationField field, UnaryOperator<String> key) {
        this.column = column;
        this.field = field;
        this.key = key;
    }

    String column() {
        return column;
    }

    String of(OrganisationDetails details) {
        return key.apply((String) details.get(field));
    }

    /** Why two records with this key in common are probably one organisation. */
    DuplicateReason reason() {
        return DuplicateReason.valueOf("SAME_" + name());
    }
}
