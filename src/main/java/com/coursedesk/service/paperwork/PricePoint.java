package com.coursedesk.service.paperwork;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.PurchaseStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One period's payment of a subscription.
 *
 * @param paid     what was charged (tax included)
 * @param status   paid, or refunded afterwards
 * @param change   against the payment before
 * @param previous the payment before's amount, or null for the first
 */
public record PricePoint(String purchaseId, Instant paidAt, Money paid, PurchaseStatus status, PriceChange change,
                         Money previous) {

    public PricePoint {
        Objects.requireNonNull(purchaseId, "purchaseId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(change, "change");
    }

    public boolean refunded() {
        return status == PurchaseStatus.REFUNDED;
    }

    /** A change of price or currency against the payment before. */
    public boolean changed() {
        return change == PriceChange.INCREASE || change == PriceChange.DECREASE || change == PriceChange.CURRENCY;
    }
}
