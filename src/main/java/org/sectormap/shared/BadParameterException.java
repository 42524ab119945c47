package org.sectormap.shared;

/** A URL parameter that cannot be used, named so the user can fix it: a 400. */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String value;

    public BadParameterException(String parameter, String value) {
        super("'" + value + "' is not a valid value for " + parameter);
        this.parameter = parameter;
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String parameter() {
        return parameter;
    }
}
