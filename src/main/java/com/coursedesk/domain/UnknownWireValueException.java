package com.coursedesk.domain;

import java.util.List;

/**
 * A wire string that names none of an enum's constants, e.g. a status added by a newer
 * server. Carries the enum and the value so callers can report exactly what was refused.
 */
public final class UnknownWireValueException extends IllegalArgumentException {

    private final Class<?> enumType;
    private final String value;

    public UnknownWireValueException(Class<?> enumType, String value, List<String> expected) {
        super("Unknown " + enumType.getSimpleName() + " value "
                + (value == null ? "null" : "'" + value + "'") + "; expected one of " + expected);
        this.enumType = enumType;
        this.value = value;
    }

    public Class<?> enumType() {
        return enumType;
    }

    /** The refused wire string (may be null). */
    public String value() {
        return value;
    }
}
