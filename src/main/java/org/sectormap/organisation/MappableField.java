package org.sectormap.organisation;

import java.util.List;

import org.sectormap.shared.Coded;

/**
 * What an import needs to know of a field a file's column can be read as: its column name, the
 * property its label and problems are named by, how it is typed and, for a choice, its codes.
 * {@link OrganisationField} is one; an import of another kind of record has its own.
 */
public interface MappableField {

    String column();

    String property();

    OrganisationField.Kind kind();

    List<? extends Coded> choices();
}
