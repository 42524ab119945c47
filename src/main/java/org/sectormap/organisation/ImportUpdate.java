package org.sectormap.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.sectormap.shared.Problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record of the register as a row of an import would leave it, checked by the form's rules.
 *
 * @param existing the record as it is
 */
public record ImportUpdate(Organisation existing, OrganisationParser.Result result) {

    /** One field the update would change, as the text an export writes (null for empty). */
    public record Change(@JsonIgnore OrganisationField field, String before, String after) {

        /** The field as a file's column and the API name it. */
        @JsonProperty("column")
        public String column() {
            return field.column();
        }
    }

    public boolean valid() {
        return result.valid();
    }

    /** Why the record would break the rules, when it would. */
    public List<Problem> problems() {
        return result.problems();
    }

    OrganisationDetails after() {
        return result.details();
    }

    /** The fields whose values would change, in the record's order; none when it would break the rules. */
    public List<Change> changes() {
        if (!valid()) {
            return List.of();
        }
        return Arrays.stream(OrganisationField.values())
                .map(field -> new Change(field, OrganisationValues.text(existing.details(), field),
                        OrganisationValues.text(after(), field)))
                .filter(change -> !Objects.equals(change.before(), change.after()))
                .toList();
    }
}
