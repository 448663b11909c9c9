package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a subscription in plain words, from the contract's state rules: what happens
 * next and when, and for a store subscription where it is managed. Pure: the same
 * subscription and instant always give the same line.
 *
 * @param primary        the line shown first
 * @param primaryTone    how it reads
 * @param secondary      a second line, or null: for a store subscription, its state
 * @param secondaryTone  how the second line reads, or null without one
 */
public record SubscriptionStatusLine(Phrase primary, Tone primaryTone, Phrase secondary, Tone secondaryTone) {

    static final String TRIAL = "subscriptions.status.trial";
    static final String RENEWS = "subscriptions.status.renews";
    static final String CANCELED = "subscriptions.status.canceled";
    static final String TRIAL_CANCELED = "subscriptions.status.trialCanceled";
    static final String ACCESS_ENDED = "subscriptions.status.accessEnded";
    static final String PAST_DUE = "subscriptions.status.pastDue";
    static final String PAST_DUE_RETRY = "subscriptions.status.pastDueRetry";
    static final String ENDED = "subscriptions.status.ended";
    static final String APP_STORE = "subscriptions.status.appStore";
    static final String GOOGLE_PLAY = "subscriptions.status.googlePlay";

    public SubscriptionStatusLine {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(primaryTone, "primaryTone");
    }

    /** The line for {@code subscription} as of {@code now}. */
    public static SubscriptionStatusLine of(Subscription subscription, Instant now) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(now, "now");
        Phrase state = state(subscription, now);
        Tone tone = tone(subscription, now);
        return switch (subscription.channel()) {
            case WEB -> new SubscriptionStatusLine(state, tone, null, null);
            // The store is what the learner must act on, so it comes first; the state still shows.
            case APP_STORE -> new SubscriptionStatusLine(Phrase.of(APP_STORE), Tone.NEUTRAL, state, tone);
            case GOOGLE_PLAY -> new SubscriptionStatusLine(Phrase.of(GOOGLE_PLAY), Tone.NEUTRAL, state, tone);
        };
    }

    /** The state alone, whatever the channel. */
    public static Phrase state(Subscription s, Instant now) {
        if (s.status() == SubscriptionStatus.CANCELED) {
            return Phrase.of(ENDED, s.endedAt() != null ? s.endedAt() : s.currentPeriodEnd());
        }
        if (s.cancelAtPeriodEnd()) {
            Instant end = s.accessEndsAt();
            if (!now.isBefore(end)) {
                // The local copy has not heard yet that it ended: say what is certain.
                return Phrase.of(ACCESS_ENDED, end);
            }
            return Phrase.of(s.status() == SubscriptionStatus.TRIALING ? TRIAL_CANCELED : CANCELED, end);
        }
        return switch (s.status()) {
            case TRIALING -> Phrase.of(TRIAL, nextAmount(s), nextPaymentAt(s));
            case ACTIVE -> Phrase.of(RENEWS, nextPaymentAt(s), nextAmount(s));
            case PAST_DUE -> s.nextPaymentAt() != null && s.nextPaymentAt().isAfter(now)
                    ? Phrase.of(PAST_DUE_RETRY, s.nextPaymentAt())
                    : Phrase.of(PAST_DUE);
            case CANCELED -> throw new IllegalStateException("handled above");
        };
    }

    private static Tone tone(Subscription s, Instant now) {
        if (s.status() == SubscriptionStatus.CANCELED) {
            return Tone.MUTED;
        }
        if (s.cancelAtPeriodEnd()) {
            return now.isBefore(s.accessEndsAt()) ? Tone.WARNING : Tone.MUTED;
        }
        return s.status() == SubscriptionStatus.PAST_DUE ? Tone.DANGER : Tone.OK;
    }

    /** When the next charge falls: the server's {@code nextPaymentAt}, else what the state rules say. */
    static Instant nextPaymentAt(Subscription s) {
        if (s.nextPaymentAt() != null) {
            return s.nextPaymentAt();
        }
        if (s.status() == SubscriptionStatus.TRIALING && s.trialEndsAt() != null) {
            return s.trialEndsAt();
        }
        return s.currentPeriodEnd();
    }

    /** What the next charge will be: the server's amount, else the plan's price. */
    static Money nextAmount(Subscription s) {
        return s.nextPaymentAmount() != null ? s.nextPaymentAmount() : s.plan().price();
    }
}
