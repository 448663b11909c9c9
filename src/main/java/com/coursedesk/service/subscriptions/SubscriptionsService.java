package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.CancelReason;
import com.coursedesk.service.actions.ActionNotAllowedException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The Manage subscriptions use cases of one account. Blocking: never called on the UI thread. */
public interface SubscriptionsService {

    /** Every subscription's card: running ones first, then ended ones, each most recently started first. */
    List<SubscriptionCard> cards(Instant now, ZoneId zone);

    /**
     * Queues a cancellation; returns the action's id.
     *
     * @throws ActionNotAllowedException when the local copy already shows it cannot be done
     */
    long cancel(String subscriptionId, CancelReason reason, String comment);

    /**
     * Queues a restart and removes the learner's reminder to restart it; returns the action's id.
     *
     * @throws ActionNotAllowedException when the local copy already shows it cannot be done
     */
    long restart(String subscriptionId);

    /**
     * Pausing, as it is on this provider: queues a cancellation and keeps a reminder to restart on
     * {@code remindOn} (stored only once the cancellation is queued); returns the action's id.
     *
     * @throws ActionNotAllowedException as {@link #cancel} does, or when {@code remindOn} is missing
     */
    long pause(String subscriptionId, LocalDate remindOn);

    /** Removes the learner's reminder to restart. */
    void forgetReminder(String subscriptionId);
}
