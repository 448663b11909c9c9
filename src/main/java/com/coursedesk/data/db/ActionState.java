package com.coursedesk.data.db;

import com.coursedesk.domain.WireEnum;
import com.coursedesk.domain.WireValues;

/**
 * Where an outbox action stands. {@code pending} waits to be sent; {@code sending} was handed
 * to the network (after a crash it is sent again with the same idempotency key);
 * {@code confirmed} the server applied it; {@code refused} the server answered with a
 * problem (e.g. {@code not_cancelable}); {@code failed} it can never be sent (e.g. the
 * request was rejected as malformed). The last three are final.
 */
public enum ActionState implements WireEnum {
    PENDING("pending"),
    SENDING("sending"),
    CONFIRMED("confirmed"),
    REFUSED("refused"),
    FAILED("failed");

    private final String wireName;

    ActionState(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Still waiting for the server's answer. */
    public boolean isOpen() {
        return this == PENDING || this == SENDING;
    }

    public static ActionState fromWire(String wire) {
        return WireValues.fromWire(ActionState.class, wire);
    }
}
