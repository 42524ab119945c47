package org.sectormap.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

/** An organisation as the API shows it: identity and version, then every field by its property, codes for choices. */
final class OrganisationJson {

    private OrganisationJson() {
    }

    static Map<String, Object> of(Organisation o) {
        return of(o, false);
    }

    /** For a viewer, without the fields that name or describe a person. */
    static Map<String, Object> of(Organisation o, boolean viewer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("version", o.version());
        for (OrganisationField field : OrganisationField.values()) {
            if (!viewer || !field.personal()) {
                json.put(field.property(), o.details().get(field));
            }
        }
        return json;
    }
}
