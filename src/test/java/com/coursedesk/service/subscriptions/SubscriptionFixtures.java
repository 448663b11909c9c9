package com.coursedesk.service.subscriptions;

import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.domain.BillingInterval;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Plan;
import com.coursedesk.domain.Product;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * Subscriptions in each state of the contract, around a fixed "now", for the pure tests of the
 * subscription and upcoming screens.
 */
public final class SubscriptionFixtures {

    /** A Tuesday morning in London (BST): 28 April 2026, 10:00 UTC. */
    public static final Instant NOW = Instant.parse("2026-04-28T10:00:00Z");
    public static final Duration DAY = Duration.ofDays(1);
    public static final Money GBP_39 = Money.of(3900, "GBP");

    private SubscriptionFixtures() {
    }

    public static Builder subscription(String id) {
        return new Builder(id);
    }

    /** A free trial whose first £39.00 is taken on 3 May. */
    public static Subscription trial() {
        Instant end = Instant.parse("2026-05-03T10:00:00Z");
        return subscription("sub_trial").title("Machine Learning Specialization").status(SubscriptionStatus.TRIALING)
                .trialEndsAt(end).period(NOW.minus(DAY.multipliedBy(3)), end).nextPayment(end, GBP_39).build();
    }

    /** A monthly £39.00 plan renewing on 3 May. */
    public static Subscription active() {
        Instant end = Instant.parse("2026-05-03T10:00:00Z");
        return subscription("sub_active").status(SubscriptionStatus.ACTIVE).period(end.minus(DAY.multipliedBy(30)), end)
                .nextPayment(end, GBP_39).build();
    }

    /** Active and canceled: access until 3 May, nothing more charged. */
    public static Subscription setToEnd() {
        Instant end = Instant.parse("2026-05-03T10:00:00Z");
        return subscription("sub_set_to_end").status(SubscriptionStatus.ACTIVE).period(end.minus(DAY.multipliedBy(30)), end)
                .cancelAtPeriodEnd(true).canceledAt(NOW.minus(DAY.multipliedBy(2))).nextPayment(null, null).build();
    }

    /** A trial canceled: access until the trial ends on 3 May, never charged. */
    public static Subscription trialSetToEnd() {
        Instant end = Instant.parse("2026-05-03T10:00:00Z");
        return subscription("sub_trial_canceled").status(SubscriptionStatus.TRIALING).trialEndsAt(end)
                .period(NOW.minus(DAY.multipliedBy(3)), end).cancelAtPeriodEnd(true).canceledAt(NOW.minus(DAY))
                .nextPayment(null, null).build();
    }

    /** The last renewal failed; the provider retries on 30 April. */
    public static Subscription pastDue() {
        Instant end = Instant.parse("2026-05-27T10:00:00Z");
        return subscription("sub_past_due").status(SubscriptionStatus.PAST_DUE).period(NOW.minus(DAY), end)
                .nextPayment(NOW.plus(DAY.multipliedBy(2)), Money.of(4900, "USD")).build();
    }

    /** Ended on 3 March (canceled). */
    public static Subscription ended() {
        Instant endedAt = Instant.parse("2026-03-03T10:00:00Z");
        return subscription("sub_ended").title("Aprendizaje Automático").status(SubscriptionStatus.CANCELED)
                .plan(new Plan("plan_eur", BillingInterval.MONTH, Money.of(4500, "EUR")))
                .period(endedAt.minus(DAY.multipliedBy(30)), endedAt).cancelAtPeriodEnd(true)
                .canceledAt(endedAt.minus(DAY.multipliedBy(10))).endedAt(endedAt).nextPayment(null, null).build();
    }

    public static ActionRecord action(long id, ActionKind kind, String subscriptionId, ActionState state) {
        return new ActionRecord(id, kind, RecordType.SUBSCRIPTION, subscriptionId, "key-" + id, "{}", state,
                NOW.minus(Duration.ofMinutes(5)), state == ActionState.PENDING ? null : NOW.minus(Duration.ofMinutes(4)),
                state.isOpen() ? null : NOW.minus(Duration.ofMinutes(3)), 1, null, null, null, null, null, null);
    }

    public static ActionRecord refused(long id, ActionKind kind, String subscriptionId, int status, String code,
                                       String detail) {
        return new ActionRecord(id, kind, RecordType.SUBSCRIPTION, subscriptionId, "key-" + id, "{}",
                ActionState.REFUSED, NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofMinutes(4)),
                NOW.minus(Duration.ofMinutes(3)), 1, null, status, code, detail, null, null);
    }

    public static Purchase webPurchase(String id, Instant purchasedAt, Instant refundableUntil, PurchaseStatus status) {
        return purchase(id, Channel.WEB, purchasedAt, refundableUntil, status);
    }

    public static Purchase purchase(String id, Channel channel, Instant purchasedAt, Instant refundableUntil,
                                    PurchaseStatus status) {
        return new Purchase(id, PurchaseKind.ONE_TIME, new Product("prd_" + id, "Introduction to Psychology",
                ProductType.COURSE, "Yale University"), null, Money.of(3250, "GBP"), Money.of(650, "GBP"),
                Money.of(3900, "GBP"), channel, status, purchasedAt, null, refundableUntil, "R-2026-" + id,
                new PaymentMethod.Card("visa", "4242"), purchasedAt, 1);
    }

    public static final class Builder {
        private final String id;
        private String title = "Google Data Analytics";
        private Plan plan = new Plan("plan_month", BillingInterval.MONTH, GBP_39);
        private Channel channel = Channel.WEB;
        private SubscriptionStatus status = SubscriptionStatus.ACTIVE;
        private Instant trialEndsAt;
        private Instant periodStart = NOW.minus(DAY.multipliedBy(10));
        private Instant periodEnd = NOW.plus(DAY.multipliedBy(20));
        private boolean cancelAtPeriodEnd;
        private Instant canceledAt;
        private Instant endedAt;
        private Instant nextPaymentAt = NOW.plus(DAY.multipliedBy(20));
        private Money nextPaymentAmount = GBP_39;
        private Instant deadlinesResetAt;

        Builder(String id) {
            this.id = id;
        }

        public Builder title(String value) { title = value; return this; }
        public Builder plan(Plan value) { plan = value; return this; }
        public Builder channel(Channel value) { channel = value; return this; }
        public Builder status(SubscriptionStatus value) { status = value; return this; }
        public Builder trialEndsAt(Instant value) { trialEndsAt = value; return this; }
        public Builder period(Instant start, Instant end) { periodStart = start; periodEnd = end; return this; }
        public Builder cancelAtPeriodEnd(boolean value) { cancelAtPeriodEnd = value; return this; }
        public Builder canceledAt(Instant value) { canceledAt = value; return this; }
        public Builder endedAt(Instant value) { endedAt = value; return this; }
        public Builder nextPayment(Instant at, Money amount) { nextPaymentAt = at; nextPaymentAmount = amount; return this; }
        public Builder deadlinesResetAt(Instant value) { deadlinesResetAt = value; return this; }

        public Subscription build() {
            return new Subscription(id, new Product("prd_" + id, title, ProductType.PROFESSIONAL_CERTIFICATE, "Google"),
                    plan, channel, status, periodStart.minus(DAY.multipliedBy(60)), trialEndsAt, periodStart, periodEnd,
                    cancelAtPeriodEnd, canceledAt, endedAt, nextPaymentAt, nextPaymentAmount, deadlinesResetAt,
                    NOW.minus(DAY), 3);
        }
    }

    /** Rebuilds {@code s} on another channel. */
    public static Subscription onChannel(Subscription s, Channel channel) {
        return new Subscription(s.id(), s.product(), s.plan(), channel, s.status(), s.startedAt(), s.trialEndsAt(),
                s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.canceledAt(), s.endedAt(),
                s.nextPaymentAt(), s.nextPaymentAmount(), s.deadlinesResetAt(), s.updatedAt(), s.version());
    }
}
