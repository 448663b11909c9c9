package com.coursedesk.domain;

/** Whether a purchase was a one-off or a payment of a subscription. */
public enum PurchaseKind implements WireEnum {
    ONE_TIME("one_time"),
    SUBSCRIPTION_PAYMENT("subscription_payment");

    private final String wireName;

    PurchaseKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static PurchaseKind fromWire(String wire) {
        return WireValues.fromWire(PurchaseKind.class, wire);
    }
}
