package com.coursedesk.domain;

import java.util.Objects;

/** The price and renewal interval a subscription is billed on. */
public record Plan(String id, BillingInterval interval, Money price) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(price, "price");
    }
}
