package com.coursedesk.service.purchases;

import com.coursedesk.domain.Purchase;

import java.util.Objects;

/**
 * One purchase of the history as the local copy holds it.
 *
 * @param actionPending a refund request for it waits for the provider's answer
 */
public record PurchaseEntry(Purchase purchase, boolean actionPending) {

    public PurchaseEntry {
        Objects.requireNonNull(purchase, "purchase");
    }
}
