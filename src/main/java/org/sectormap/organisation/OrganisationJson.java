package org.sectormap.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

/** An organisation as the API shows it: identity and version, then every field by its property, codes for choices. */
final class OrganisationJson {

    private OrganisationJson() {
    }

    static Map<String, Object> of(Organisation o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("version", o.version());
        for (OrganisationField field : OrganisationField.values()) {
            json.put(field.property(), o.details().get(field));
        }
        return json;
    }
}
