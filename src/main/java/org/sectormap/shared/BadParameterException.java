package org.sectormap.shared;

/** A URL parameter that cannot be used, named so the user can fix it: a 400. */
public class BadParameterException extends Explained {

    private final String parameter;
    private final String value;

    public BadParameterException(String parameter, String value) {
        super("error.parameter.invalid", value, parameter);
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
