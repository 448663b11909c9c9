package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.Subscription;

import java.util.Objects;

/**
 * Everything one subscription's card says and offers, not yet in words.
 *
 * @param action       the newest action's state (pending, confirmed, refused), or null
 * @param deadlines    "personalized deadlines restarted on …", or null
 * @param reminder     the learner's reminder to restart, or null
 * @param reminderDue  whether that reminder's day has come
 * @param restartKind  what a restart would cost, or null when restart is not offered
 */
public record SubscriptionCard(Subscription subscription, Phrase plan, Phrase channel, SubscriptionStatusLine status,
                               ActionStatusLine action, Phrase deadlines, Phrase reminder, boolean reminderDue,
                               boolean canCancel, boolean canPause, boolean canRestart, RestartKind restartKind) {

    public SubscriptionCard {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
    }

    public String id() {
        return subscription.id();
    }

    public String title() {
        return subscription.product().title();
    }

    public String partner() {
        return subscription.product().partner();
    }

    /** No action of ours exists for it: it was bought in a store. */
    public boolean managedElsewhere() {
        return !subscription.isManagedHere();
    }
}
