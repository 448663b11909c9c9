package com.coursedesk.data.db;

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

import java.time.Instant;

/** Builders of domain records with plausible defaults, for the store tests. */
final class StoreTestData {

    static final Instant T0 = Instant.parse("2026-03-10T09:30:00Z");

    private StoreTestData() {
    }

    static PurchaseBuilder purchase(String id) {
        return new PurchaseBuilder(id);
    }

    static SubscriptionBuilder subscription(String id) {
        return new SubscriptionBuilder(id);
    }

    static final class PurchaseBuilder {
        private final String id;
        private PurchaseKind kind = PurchaseKind.ONE_TIME;
        private String title = "Machine Learning";
        private ProductType type = ProductType.COURSE;
        private String partner = "Stanford University";
        private String subscriptionId;
        private Money amount = Money.of(4900, "GBP");
        private Money tax = Money.of(980, "GBP");
        private Money total = Money.of(5880, "GBP");
        private Channel channel = Channel.WEB;
        private PurchaseStatus status = PurchaseStatus.PAID;
        private Instant purchasedAt = T0;
        private Instant refundedAt;
        private Instant refundableUntil = T0.plusSeconds(14 * 86400);
        private String receipt;
        private PaymentMethod paymentMethod = new PaymentMethod.Card("visa", "4242");
        private Instant updatedAt = T0;
        private long version = 1;

        PurchaseBuilder(String id) {
            this.id = id;
            this.receipt = "R-2026-" + id;
        }

        PurchaseBuilder kind(PurchaseKind value) { kind = value; return this; }
        PurchaseBuilder title(String value) { title = value; return this; }
        PurchaseBuilder type(ProductType value) { type = value; return this; }
        PurchaseBuilder partner(String value) { partner = value; return this; }
        PurchaseBuilder subscriptionId(String value) { subscriptionId = value; return this; }
        PurchaseBuilder amount(Money value) { amount = value; return this; }
        PurchaseBuilder tax(Money value) { tax = value; return this; }
        PurchaseBuilder total(Money value) { total = value; return this; }
        PurchaseBuilder channel(Channel value) { channel = value; return this; }
        PurchaseBuilder status(PurchaseStatus value) { status = value; return this; }
        PurchaseBuilder purchasedAt(Instant value) { purchasedAt = value; return this; }
        PurchaseBuilder refundedAt(Instant value) { refundedAt = value; return this; }
        PurchaseBuilder refundableUntil(Instant value) { refundableUntil = value; return this; }
        PurchaseBuilder receipt(String value) { receipt = value; return this; }
        PurchaseBuilder paymentMethod(PaymentMethod value) { paymentMethod = value; return this; }
        PurchaseBuilder updatedAt(Instant value) { updatedAt = value; return this; }
        PurchaseBuilder version(long value) { version = value; return this; }

        Purchase build() {
            return new Purchase(id, kind, new Product("prd_" + id, title, type, partner), subscriptionId, amount, tax,
                    total, channel, status, purchasedAt, refundedAt, refundableUntil, receipt, paymentMethod,
                    updatedAt, version);
        }
    }

    static final class SubscriptionBuilder {
        private final String id;
        private String title = "Coursera Plus";
        private Plan plan = new Plan("plan_monthly", BillingInterval.MONTH, Money.of(4900, "USD"));
        private Channel channel = Channel.WEB;
        private SubscriptionStatus status = SubscriptionStatus.ACTIVE;
        private Instant startedAt = T0;
        private Instant trialEndsAt;
        private Instant periodStart = T0;
        private Instant periodEnd = T0.plusSeconds(30 * 86400);
        private boolean cancelAtPeriodEnd;
        private Instant canceledAt;
        private Instant endedAt;
        private Instant nextPaymentAt = T0.plusSeconds(30 * 86400);
        private Money nextPaymentAmount = Money.of(4900, "USD");
        private Instant deadlinesResetAt;
        private Instant updatedAt = T0;
        private long version = 1;

        SubscriptionBuilder(String id) {
            this.id = id;
        }

        SubscriptionBuilder title(String value) { title = value; return this; }
        SubscriptionBuilder plan(Plan value) { plan = value; return this; }
        SubscriptionBuilder channel(Channel value) { channel = value; return this; }
        SubscriptionBuilder status(SubscriptionStatus value) { status = value; return this; }
        SubscriptionBuilder startedAt(Instant value) { startedAt = value; return this; }
        SubscriptionBuilder trialEndsAt(Instant value) { trialEndsAt = value; return this; }
        SubscriptionBuilder cancelAtPeriodEnd(boolean value) { cancelAtPeriodEnd = value; return this; }
        SubscriptionBuilder canceledAt(Instant value) { canceledAt = value; return this; }
        SubscriptionBuilder endedAt(Instant value) { endedAt = value; return this; }
        SubscriptionBuilder nextPayment(Instant at, Money amount) { nextPaymentAt = at; nextPaymentAmount = amount; return this; }
        SubscriptionBuilder deadlinesResetAt(Instant value) { deadlinesResetAt = value; return this; }
        SubscriptionBuilder version(long value) { version = value; return this; }

        Subscription build() {
            return new Subscription(id, new Product("prd_" + id, title, ProductType.PLUS, "Coursera"), plan, channel,
                    status, startedAt, trialEndsAt, periodStart, periodEnd, cancelAtPeriodEnd, canceledAt, endedAt,
                    nextPaymentAt, nextPaymentAmount, deadlinesResetAt, updatedAt, version);
        }
    }
}
