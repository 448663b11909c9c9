package com.coursedesk.domain;

/** Payment state of a purchase. */
public enum PurchaseStatus implements WireEnum {
    PAID("paid"),
    PENDING("pending"),
    FAILED("failed"),
    REFUNDED("refunded");

    private final String wireName;

    PurchaseStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static PurchaseStatus fromWire(String wire) {
        return WireValues.fromWire(PurchaseStatus.class, wire);
    }
}
