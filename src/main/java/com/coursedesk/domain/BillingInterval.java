package com.coursedesk.domain;

/** How often a subscription plan renews. */
public enum BillingInterval implements WireEnum {
    MONTH("month"),
    YEAR("year");

    private final String wireName;

    BillingInterval(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static BillingInterval fromWire(String wire) {
        return WireValues.fromWire(BillingInterval.class, wire);
    }
}
