package com.coursedesk.data.api;

import com.coursedesk.domain.UnknownWireValueException;
import com.coursedesk.domain.WireEnum;
import com.coursedesk.domain.WireValues;

import java.util.Objects;

/** A record the server removed since the sync cursor: the local copy must go too. */
public record Deleted(Type type, String id) {

    public Deleted {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** Which kind of record was removed. */
    public enum Type implements WireEnum {
        PURCHASE("purchase"),
        SUBSCRIPTION("subscription");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        /** @throws UnknownWireValueException if {@code wire} is not one of the contract's values */
        public static Type fromWire(String wire) {
            return WireValues.fromWire(Type.class, wire);
        }
    }
}
