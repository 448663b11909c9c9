package com.coursedesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription in the state the server last reported. Nullable instants are null (not
 * Optional) so the record maps straight to a table row. The rule helpers only decide what
 * the UI shows and offers; the server stays the authority on every action.
 *
 * @param trialEndsAt       end of the free trial, or null if there was none
 * @param cancelAtPeriodEnd true once canceled while still running: access lasts until
 *                          {@code currentPeriodEnd} and nothing more is charged
 * @param canceledAt        when the learner canceled, or null
 * @param endedAt           when access ended ({@code canceled} only), or null
 * @param nextPaymentAt     when the next charge is due, or null if none will be taken
 * @param nextPaymentAmount what the next charge will be, or null if none will be taken
 * @param deadlinesResetAt  when a restart reset personalized deadlines, or null
 * @param version           the server's revision counter; a higher one is newer
 */
public record Subscription(
        String id,
        Product product,
        Plan plan,
        Channel channel,
        SubscriptionStatus status,
        Instant startedAt,
        Instant trialEndsAt,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Instant canceledAt,
        Instant endedAt,
        Instant nextPaymentAt,
        Money nextPaymentAmount,
        Instant deadlinesResetAt,
        Instant updatedAt,
        long version) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(currentPeriodStart, "currentPeriodStart");
        Objects.requireNonNull(currentPeriodEnd, "currentPeriodEnd");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Only web subscriptions are canceled and restarted through this app. */
    public boolean isManagedHere() {
        return channel == Channel.WEB;
    }

    /** Canceled but still running until the end of the current period (or trial). */
    public boolean isSetToEnd() {
        return cancelAtPeriodEnd && status != SubscriptionStatus.CANCELED;
    }

    /**
     * Whether the learner can use the content at {@code now}. A running subscription keeps
     * access (a past-due one too, while payment is retried); one set to end keeps it until
     * the period's end, exclusive; a canceled one has none.
     */
    public boolean hasAccess(Instant now) {
        Objects.requireNonNull(now, "now");
        if (status == SubscriptionStatus.CANCELED) {
            return false;
        }
        if (endedAt != null && !now.isBefore(endedAt)) {
            return false;
        }
        if (cancelAtPeriodEnd) {
            return now.isBefore(accessEndsAt());
        }
        return true;
    }

    /**
     * The instant access stops for a subscription set to end: the trial's end for a trial,
     * otherwise the current period's end.
     */
    public Instant accessEndsAt() {
        if (status == SubscriptionStatus.TRIALING && trialEndsAt != null) {
            return trialEndsAt;
        }
        return currentPeriodEnd;
    }

    /** Whether to offer "cancel": a running web subscription not already set to end. */
    public boolean isCancelable() {
        return isManagedHere() && status != SubscriptionStatus.CANCELED && !cancelAtPeriodEnd;
    }

    /** Whether to offer "restart": a web subscription that is canceled or set to end. */
    public boolean isRestartable() {
        return isManagedHere() && (status == SubscriptionStatus.CANCELED || cancelAtPeriodEnd);
    }
}
