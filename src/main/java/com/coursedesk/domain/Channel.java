package com.coursedesk.domain;

/**
 * Where the learner bought something. Only {@link #WEB} purchases and subscriptions are
 * managed through the billing API; the app stores cancel and refund their own.
 */
public enum Channel implements WireEnum {
    WEB("web"),
    APP_STORE("app_store"),
    GOOGLE_PLAY("google_play");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static Channel fromWire(String wire) {
        return WireValues.fromWire(Channel.class, wire);
    }
}
