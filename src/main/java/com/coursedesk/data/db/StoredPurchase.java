package com.coursedesk.data.db;

import com.coursedesk.domain.Purchase;

import java.util.Objects;

/**
 * A purchase as the store holds it: the server's copy plus the local pending mark.
 *
 * @param pendingActionId the id of an unanswered action on it (a refund request), or null
 */
public record StoredPurchase(Purchase purchase, Long pendingActionId) {

    public StoredPurchase {
        Objects.requireNonNull(purchase, "purchase");
    }

    public boolean hasPendingAction() {
        return pendingActionId != null;
    }
}
