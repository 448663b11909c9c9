package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the learner's latest action on a subscription stands, in plain words: waiting to reach
 * the provider (with a warning when a payment or the end of access is close), confirmed, or
 * refused with the provider's reason. Pure.
 *
 * @param line     the state of the action
 * @param tone     how it reads
 * @param warning  a warning to act now, or null
 */
public record ActionStatusLine(Phrase line, Tone tone, Phrase warning) {

    /** Below this, a pending action may miss the payment (or the end of access) it is meant to avoid. */
    public static final Duration WARNING_WINDOW = Duration.ofHours(48);

    static final String PENDING_CANCEL = "subscriptions.pending.cancel";
    static final String PENDING_RESTART = "subscriptions.pending.restart";
    static final String WARN_PAYMENT = "subscriptions.pending.paymentSoon";
    static final String WARN_ACCESS = "subscriptions.pending.accessEndsSoon";
    static final String CANCEL_CONFIRMED = "subscriptions.outcome.canceled";
    static final String RESTART_CONFIRMED = "subscriptions.outcome.restarted";
    static final String CANCEL_REFUSED = "subscriptions.outcome.cancelRefused";
    static final String RESTART_REFUSED = "subscriptions.outcome.restartRefused";
    static final String REFUSAL_PAYMENT_FAILED = "subscriptions.refusal.paymentFailed";
    static final String REFUSAL_NOT_CANCELABLE = "subscriptions.refusal.notCancelable";
    static final String REFUSAL_NOT_RESTARTABLE = "subscriptions.refusal.notRestartable";
    static final String REFUSAL_MANAGED_ELSEWHERE = "subscriptions.refusal.managedElsewhere";
    static final String REFUSAL_NOT_FOUND = "subscriptions.refusal.notFound";
    static final String REFUSAL_OTHER = "subscriptions.refusal.other";

    public ActionStatusLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(tone, "tone");
    }

    /**
     * The line for the newest action on {@code subscription}, or empty when there is none.
     *
     * @param latest the newest action on it from the history, or null
     */
    public static Optional<ActionStatusLine> of(Subscription subscription, ActionRecord latest, Instant now) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(now, "now");
        if (latest == null) {
            return Optional.empty();
        }
        boolean cancel = latest.kind() == ActionKind.CANCEL;
        if (latest.state().isOpen()) {
            Phrase line = Phrase.of(cancel ? PENDING_CANCEL : PENDING_RESTART);
            return Optional.of(new ActionStatusLine(line, Tone.PENDING,
                    cancel ? paymentWarning(subscription, now) : accessWarning(subscription, now)));
        }
        if (latest.state() == ActionState.CONFIRMED) {
            if (cancel) {
                Instant when = subscription.canceledAt() != null ? subscription.canceledAt() : answered(latest);
                return Optional.of(new ActionStatusLine(Phrase.of(CANCEL_CONFIRMED, when), Tone.OK, null));
            }
            return Optional.of(new ActionStatusLine(Phrase.of(RESTART_CONFIRMED, answered(latest)), Tone.OK, null));
        }
        Phrase reason = refusal(latest);
        return Optional.of(new ActionStatusLine(Phrase.of(cancel ? CANCEL_REFUSED : RESTART_REFUSED, reason),
                Tone.DANGER, null));
    }

    private static Instant answered(ActionRecord action) {
        if (action.answeredAt() != null) {
            return action.answeredAt();
        }
        return action.sentAt() != null ? action.sentAt() : action.createdAt();
    }

    /** The provider's reason in plain words; its own detail when the code is not one the contract lists. */
    static Phrase refusal(ActionRecord action) {
        String code = action.serverCode() == null ? "" : action.serverCode();
        return switch (code) {
            case "payment_failed" -> Phrase.of(REFUSAL_PAYMENT_FAILED);
            case "not_cancelable" -> Phrase.of(REFUSAL_NOT_CANCELABLE);
            case "not_restartable" -> Phrase.of(REFUSAL_NOT_RESTARTABLE);
            case "managed_elsewhere" -> Phrase.of(REFUSAL_MANAGED_ELSEWHERE);
            case "not_found" -> Phrase.of(REFUSAL_NOT_FOUND);
            default -> Phrase.of(REFUSAL_OTHER, detailOf(action));
        };
    }

    private static String detailOf(ActionRecord action) {
        if (action.serverDetail() != null && !action.serverDetail().isBlank()) {
            return action.serverDetail();
        }
        if (action.serverCode() != null && !action.serverCode().isBlank()) {
            return action.serverCode();
        }
        return action.serverStatus() != null ? "HTTP " + action.serverStatus() : "?";
    }

    /**
     * A cancellation still here when the next charge is due would come too late: warn while the
     * charge (the next payment, or the trial's end) is less than {@link #WARNING_WINDOW} away.
     */
    private static Phrase paymentWarning(Subscription s, Instant now) {
        Instant due = s.nextPaymentAt();
        if (due == null && s.status() == SubscriptionStatus.TRIALING && !s.cancelAtPeriodEnd()) {
            due = s.trialEndsAt();
        }
        return within(due, now).map(hours -> Phrase.of(WARN_PAYMENT, hours)).orElse(null);
    }

    /** A restart (undoing a cancellation) still here when access ends would come too late. */
    private static Phrase accessWarning(Subscription s, Instant now) {
        if (!s.isSetToEnd()) {
            return null;
        }
        return within(s.accessEndsAt(), now).map(hours -> Phrase.of(WARN_ACCESS, hours)).orElse(null);
    }

    /** Whole hours until {@code at} when it is in the future and inside the warning window. */
    private static Optional<Long> within(Instant at, Instant now) {
        if (at == null || !at.isAfter(now)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, at);
        return left.compareTo(WARNING_WINDOW) < 0 ? Optional.of(left.toHours()) : Optional.empty();
    }
}
