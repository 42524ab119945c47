package org.sectormap.imports;

import java.util.List;

import org.sectormap.shared.Coded;

/**
 * What a file holds: organisations for the register, or the research record of organisations it
 * has (contact attempts, or the interview fields of their records), each row naming its organisation.
 */
public enum ImportKind implements Coded {
    ORGANISATIONS, CONTACT_ATTEMPTS, INTERVIEWS;

    /** The kinds that name organisations the register has rather than adding them. */
    static final List<ImportKind> RESEARCH = List.of(CONTACT_ATTEMPTS, INTERVIEWS);

    @Override
    public String code() {
        return Coded.codeOf(this);
    }

    @Override
    public String messageKey() {
        return "imports.kind." + code();
    }

    /** The columns a file of this kind may have, and the headings people give them. */
    ImportFields fields() {
        return switch (this) {
            case ORGANISATIONS -> ColumnMappings.ORGANISATIONS;
            case CONTACT_ATTEMPTS -> ResearchField.ATTEMPTS;
            case INTERVIEWS -> ResearchField.INTERVIEWS;
        };
    }
}
