package com.coursedesk.domain;

/** What kind of learning product was bought. */
public enum ProductType implements WireEnum {
    COURSE("course"),
    SPECIALIZATION("specialization"),
    PROFESSIONAL_CERTIFICATE("professional_certificate"),
    PLUS("plus"),
    GUIDED_PROJECT("guided_project"),
    DEGREE("degree");

    private final String wireName;

    ProductType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static ProductType fromWire(String wire) {
        return WireValues.fromWire(ProductType.class, wire);
    }
}
