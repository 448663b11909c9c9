package com.coursedesk.data.db;

import com.coursedesk.domain.WireEnum;
import com.coursedesk.domain.WireValues;

/** The two kinds of server record the store keeps, spelled as the sync API's {@code deleted[].type}. */
public enum RecordType implements WireEnum {
    PURCHASE("purchase"),
    SUBSCRIPTION("subscription");

    private final String wireName;

    RecordType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    public static RecordType fromWire(String wire) {
        return WireValues.fromWire(RecordType.class, wire);
    }

    String table() {
        return this == PURCHASE ? "purchases" : "subscriptions";
    }
}
