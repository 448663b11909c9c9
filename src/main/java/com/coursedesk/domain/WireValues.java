package com.coursedesk.domain;

import java.util.Arrays;

/** Lookup of {@link WireEnum} constants by their contract spelling. */
public final class WireValues {

    private WireValues() {
    }

    /**
     * The constant of {@code type} whose {@link WireEnum#wireName()} equals {@code wire}
     * exactly (case-sensitive, as the contract spells it).
     *
     * @throws UnknownWireValueException if no constant matches, or {@code wire} is null
     */
    public static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String wire) {
        E[] constants = type.getEnumConstants();
        if (wire != null) {
            for (E constant : constants) {
                if (constant.wireName().equals(wire)) {
                    return constant;
                }
            }
        }
        throw new UnknownWireValueException(type, wire,
                Arrays.stream(constants).map(WireEnum::wireName).toList());
    }
}
