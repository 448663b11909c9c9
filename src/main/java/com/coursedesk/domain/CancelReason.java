package com.coursedesk.domain;

/** Why the learner cancels a subscription (optional when canceling). */
public enum CancelReason implements WireEnum {
    TOO_EXPENSIVE("too_expensive"),
    NOT_USING("not_using"),
    FINISHED_LEARNING("finished_learning"),
    TECHNICAL_ISSUES("technical_issues"),
    OTHER("other");

    private final String wireName;

    CancelReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
    public static CancelReason fromWire(String wire) {
        return WireValues.fromWire(CancelReason.class, wire);
    }
}
