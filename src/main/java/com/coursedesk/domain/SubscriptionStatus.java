package com.coursedesk.domain;

/** Lifecycle state of a subscription, as the server reports it. */
public enum SubscriptionStatus implements WireEnum {
    TRIALING("trialing"),
    ACTIVE("active"),
    PAST_DUE("past_due"),
    CANCELED("canceled");

    private final String wireName;

    SubscriptionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static SubscriptionStatus fromWire(String wire) {
        return WireValues.fromWire(SubscriptionStatus.class, wire);
    }
}
