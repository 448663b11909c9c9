package com.coursedesk.data.db;

import com.coursedesk.domain.Subscription;

import java.util.Objects;

/**
 * A subscription as the store holds it: the server's copy plus the local pending mark.
 *
 * @param pendingActionId the id of an unanswered action on it (cancel or restart), or null
 */
public record StoredSubscription(Subscription subscription, Long pendingActionId) {

    public StoredSubscription {
        Objects.requireNonNull(subscription, "subscription");
    }

    public boolean hasPendingAction() {
        return pendingActionId != null;
    }
}
