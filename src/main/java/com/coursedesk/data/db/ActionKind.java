package com.coursedesk.data.db;

import com.coursedesk.domain.WireEnum;
import com.coursedesk.domain.WireValues;

/** A learner action kept in the outbox; each applies to one type of record. */
public enum ActionKind implements WireEnum {
    CANCEL("cancel", RecordType.SUBSCRIPTION),
    RESTART("restart", RecordType.SUBSCRIPTION),
    REFUND("refund", RecordType.PURCHASE);

    private final String wireName;
    private final RecordType target;

    ActionKind(String wireName, RecordType target) {
        this.wireName = wireName;
        this.target = target;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The type of record this action is applied to. */
    public RecordType target() {
        return target;
    }

    public static ActionKind fromWire(String wire) {
        return WireValues.fromWire(ActionKind.class, wire);
    }
}
