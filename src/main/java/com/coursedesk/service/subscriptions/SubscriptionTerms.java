package com.coursedesk.service.subscriptions;

import com.coursedesk.domain.Money;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What each action does to the learner's money and access, said before they confirm it: the
 * contract's rules (no refund for the current period, no partial refunds, no payment at all
 * when a trial is canceled, a restart after the end is charged at once). Pure.
 */
public final class SubscriptionTerms {

    static final String CANCEL_PAID = "subscriptions.cancel.body.paid";
    static final String CANCEL_TRIAL = "subscriptions.cancel.body.trial";
    static final String CANCEL_PAST_DUE = "subscriptions.cancel.body.pastDue";
    static final String KEEP_PAID = "subscriptions.restart.keep.body";
    static final String KEEP_TRIAL = "subscriptions.restart.keep.body.trial";
    static final String KEEP_PAST_DUE = "subscriptions.restart.keep.body.pastDue";
    static final String CHARGE = "subscriptions.restart.charge.body";
    static final String CHARGE_CONFIRM = "subscriptions.restart.charge.confirm";
    static final String PAUSE = "subscriptions.pause.body";

    private SubscriptionTerms() {
    }

    /**
     * What canceling does: access until the period (or trial) ends; no refund, or no payment at
     * all; for a past-due one, the failed payment is not tried again (that period was never paid,
     * so there is no "period already paid" to speak of). Each says what a later restart costs and
     * that it starts the personalized deadlines again.
     */
    public static Phrase cancel(Subscription s) {
        Objects.requireNonNull(s, "s");
        Money price = s.plan().price();
        return switch (s.status()) {
            case TRIALING -> Phrase.of(CANCEL_TRIAL, s.accessEndsAt(), price);
            case PAST_DUE -> Phrase.of(CANCEL_PAST_DUE, s.accessEndsAt(), price);
            case ACTIVE, CANCELED -> Phrase.of(CANCEL_PAID, s.accessEndsAt(), price);
        };
    }

    /** Which restart applies at {@code now}. */
    public static RestartKind restartKind(Subscription s, Instant now) {
        return s.isSetToEnd() && s.hasAccess(now) ? RestartKind.KEEP : RestartKind.CHARGE;
    }

    /** What restarting costs at {@code now}. */
    public static Phrase restart(Subscription s, Instant now) {
        Money price = s.plan().price();
        if (restartKind(s, now) == RestartKind.KEEP) {
            if (s.status() == SubscriptionStatus.TRIALING) {
                return Phrase.of(KEEP_TRIAL, price, s.accessEndsAt());
            }
            if (s.status() == SubscriptionStatus.PAST_DUE) {
                // The provider takes up retrying the failed payment (contract: past_due retries), not
                // a renewal at the period's end: say that a charge is coming soon, not "as before".
                return Phrase.of(KEEP_PAST_DUE, price);
            }
            return Phrase.of(KEEP_PAID, s.currentPeriodEnd(), price);
        }
        return Phrase.of(CHARGE, price);
    }

    /** The confirm button of a restart that charges: it names the amount. */
    public static Phrase restartChargeConfirm(Subscription s) {
        return Phrase.of(CHARGE_CONFIRM, s.plan().price());
    }

    /** Pausing as it is on this provider: cancel now, restart (and pay) later. */
    public static Phrase pause(Subscription s) {
        return Phrase.of(PAUSE, s.accessEndsAt(), s.plan().price());
    }

    /** The reminder date offered for a pause: the day after access ends, in the learner's zone. */
    public static LocalDate defaultReminderDate(Subscription s, ZoneId zone) {
        return s.accessEndsAt().atZone(zone).toLocalDate().plusDays(1);
    }
}
