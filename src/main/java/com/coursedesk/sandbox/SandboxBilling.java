package com.coursedesk.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The contract's subscription and refund rules: cancel, restart, refund requests, and what
 * happens as the clock moves (trials convert, periods renew, canceled subscriptions end,
 * failed renewals are retried). Every method runs inside a store transaction.
 */
final class SandboxBilling {

    /** How long a web one-time purchase (or a first payment without trial) can be refunded. */
    static final Duration REFUND_WINDOW = Duration.ofDays(14);
    /** When a failed renewal is tried again. */
    static final Duration RETRY_AFTER_FAILED_RENEWAL = Duration.ofDays(3);

    static final Set<String> CANCEL_REASONS = Set.of(
            "too_expensive", "not_using", "finished_learning", "technical_issues", "other");

    private final SandboxStore store;
    private final SandboxClock clock;
    private final Ids ids;

    SandboxBilling(SandboxStore store, SandboxClock clock, Ids ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** Opaque record ids: a prefix and 16 characters from a seeded or secure source. */
    static final class Ids {
        private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
        private final Random random;

        Ids(Random random) {
            this.random = random;
        }

        synchronized String next(String prefix) {
            StringBuilder out = new StringBuilder(prefix);
            for (int i = 0; i < 16; i++) {
                out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            return out.toString();
        }
    }

    // ----- actions -----

    String cancel(String accountId, String subscriptionId, JsonObject body) {
        SandboxJson.onlyFields(body, Set.of("reason", "comment"));
        String reason = SandboxJson.optionalString(body, "reason", 64);
        SandboxJson.optionalString(body, "comment", 1000);
        if (reason != null && !CANCEL_REASONS.contains(reason)) {
            throw Problem.invalidRequest("The field 'reason' must be one of " + CANCEL_REASONS + ".");
        }
        Records.Subscription sub = subscription(accountId, subscriptionId);
        if (!sub.channel.equals("web")) {
            throw Problem.managedElsewhere(sub.channel);
        }
        if (sub.status.equals("canceled")) {
            throw Problem.conflict("not_cancelable", "Not cancelable", "This subscription has already ended.");
        }
        if (sub.cancelAtPeriodEnd) {
            throw Problem.conflict("not_cancelable", "Not cancelable",
                    "This subscription is already set to end on " + sub.currentPeriodEnd + ".");
        }
        Instant now = clock.now();
        sub.cancelAtPeriodEnd = true;
        sub.canceledAt = now;
        sub.nextPaymentAt = null;
        sub.nextPaymentAmount = null;
        return save(accountId, sub, now);
    }

    String restart(String accountId, String subscriptionId, JsonObject body) {
        SandboxJson.onlyFields(body, Set.of());
        Records.Subscription sub = subscription(accountId, subscriptionId);
        if (!sub.channel.equals("web")) {
            throw Problem.managedElsewhere(sub.channel);
        }
        Instant now = clock.now();
        if (sub.cancelAtPeriodEnd && !sub.status.equals("canceled") && sub.currentPeriodEnd.isAfter(now)) {
            // Undo the cancellation: nothing is charged now, billing resumes as before.
            sub.cancelAtPeriodEnd = false;
            sub.canceledAt = null;
            sub.nextPaymentAt = sub.status.equals("trialing") ? sub.trialEndsAt
                    : sub.status.equals("past_due") ? now.plus(RETRY_AFTER_FAILED_RENEWAL) : sub.currentPeriodEnd;
            sub.nextPaymentAmount = sub.plan.price;
            return save(accountId, sub, now);
        }
        if (!sub.status.equals("canceled")) {
            throw Problem.conflict("not_restartable", "Not restartable",
                    "This subscription is running and not set to end.");
        }
        if (cardDeclines(accountId)) {
            throw new Problem(402, "payment_failed", "Payment failed",
                    "The card was declined; nothing was charged and the subscription is unchanged.");
        }
        // A new period starts now and is paid at once; no new free trial; work is kept but the
        // learner's personalized deadlines start again.
        sub.status = "active";
        sub.cancelAtPeriodEnd = false;
        sub.canceledAt = null;
        sub.endedAt = null;
        sub.currentPeriodStart = now;
        sub.currentPeriodEnd = addInterval(now, sub.plan.interval);
        sub.nextPaymentAt = sub.currentPeriodEnd;
        sub.nextPaymentAmount = sub.plan.price;
        sub.deadlinesResetAt = now;
        savePurchase(accountId, payment(accountId, sub, now, "paid", false));
        return save(accountId, sub, now);
    }

    String refund(String accountId, String purchaseId, JsonObject body) {
        SandboxJson.onlyFields(body, Set.of("reason"));
        SandboxJson.requiredString(body, "reason", 500);
        String json = store.record(accountId, "purchase", purchaseId)
                .orElseThrow(() -> Problem.notFound("No purchase " + purchaseId + "."));
        Records.Purchase p = SandboxJson.GSON.fromJson(json, Records.Purchase.class);
        if (!p.channel.equals("web")) {
            throw Problem.managedElsewhere(p.channel);
        }
        Instant now = clock.now();
        switch (p.status) {
            case "refunded" -> throw Problem.conflict("not_refundable", "Not refundable",
                    "This purchase was already refunded on " + p.refundedAt + ".");
            case "pending", "failed" -> throw Problem.conflict("not_refundable", "Not refundable",
                    "This payment was not taken (" + p.status + "), so there is nothing to refund.");
            default -> {
            }
        }
        if (p.refundableUntil == null) {
            throw Problem.conflict("not_refundable", "Not refundable",
                    "Subscription payments are not refunded after the free trial, and there are no partial refunds.");
        }
        if (now.isAfter(p.refundableUntil)) {
            throw Problem.conflict("not_refundable", "Not refundable",
                    "The refund window closed on " + p.refundableUntil + ".");
        }
        p.status = "refunded";
        p.refundedAt = now;
        if (p.subscriptionId != null) {
            // Refunding the first payment of a subscription ends it: the learner gets their
            // money back and loses access.
            store.record(accountId, "subscription", p.subscriptionId).ifPresent(subJson -> {
                Records.Subscription sub = SandboxJson.GSON.fromJson(subJson, Records.Subscription.class);
                if (!sub.status.equals("canceled")) {
                    sub.status = "canceled";
                    sub.cancelAtPeriodEnd = false;
                    sub.canceledAt = sub.canceledAt == null ? now : sub.canceledAt;
                    sub.endedAt = now;
                    sub.nextPaymentAt = null;
                    sub.nextPaymentAmount = null;
                    save(accountId, sub, now);
                }
            });
        }
        return savePurchase(accountId, p);
    }

    // ----- the clock -----

    /**
     * Applies every billing event due at or before now, in time order per subscription.
     *
     * @return the earliest future event, so the caller knows when to look again
     */
    Instant processDue() {
        Instant now = clock.now();
        Instant nextDue = Instant.MAX;
        for (String[] row : store.allSubscriptions()) {
            String accountId = row[0];
            Records.Subscription sub = SandboxJson.GSON.fromJson(row[1], Records.Subscription.class);
            boolean changed = false;
            Instant due;
            while ((due = nextEvent(sub)) != null && !due.isAfter(now)) {
                apply(accountId, sub, due);
                changed = true;
            }
            if (changed) {
                save(accountId, sub, now);
            }
            if (due != null && due.isBefore(nextDue)) {
                nextDue = due;
            }
        }
        return nextDue;
    }

    private static Instant nextEvent(Records.Subscription sub) {
        if (sub.status.equals("canceled")) {
            return null;
        }
        if (sub.cancelAtPeriodEnd) {
            return sub.currentPeriodEnd;
        }
        return sub.nextPaymentAt;
    }

    private void apply(String accountId, Records.Subscription sub, Instant at) {
        if (sub.cancelAtPeriodEnd) {
            sub.status = "canceled";
            sub.cancelAtPeriodEnd = false;
            sub.endedAt = sub.currentPeriodEnd;
            sub.nextPaymentAt = null;
            sub.nextPaymentAmount = null;
            return;
        }
        boolean declines = cardDeclines(accountId);
        if (sub.status.equals("past_due")) {
            if (declines) {
                // The retry failed too: the provider gives up and the subscription ends.
                savePurchase(accountId, payment(accountId, sub, at, "failed", false));
                sub.status = "canceled";
                sub.canceledAt = at;
                sub.endedAt = at;
                sub.nextPaymentAt = null;
                sub.nextPaymentAmount = null;
            } else {
                savePurchase(accountId, payment(accountId, sub, at, "paid", false));
                sub.status = "active";
                sub.nextPaymentAt = sub.currentPeriodEnd;
                sub.nextPaymentAmount = sub.plan.price;
            }
            return;
        }
        // A trial converting or a period renewing: a new period starts at `at`.
        sub.currentPeriodStart = at;
        sub.currentPeriodEnd = addInterval(at, sub.plan.interval);
        if (declines) {
            savePurchase(accountId, payment(accountId, sub, at, "failed", false));
            sub.status = "past_due";
            sub.nextPaymentAt = at.plus(RETRY_AFTER_FAILED_RENEWAL);
        } else {
            savePurchase(accountId, payment(accountId, sub, at, "paid", false));
            sub.status = "active";
            sub.nextPaymentAt = sub.currentPeriodEnd;
        }
        sub.nextPaymentAmount = sub.plan.price;
    }

    // ----- records -----

    /** A subscription payment for {@code sub}'s plan price, taken at {@code at}. */
    Records.Purchase payment(String accountId, Records.Subscription sub, Instant at, String status,
                             boolean refundable) {
        Records.Purchase p = new Records.Purchase();
        p.id = ids.next("pur_");
        p.kind = "subscription_payment";
        p.product = sub.product;
        p.subscriptionId = sub.id;
        fillAmounts(p, sub.plan.price);
        p.channel = sub.channel;
        p.status = status;
        p.purchasedAt = at;
        p.refundableUntil = refundable && status.equals("paid") ? at.plus(REFUND_WINDOW) : null;
        p.receiptNumber = nextReceiptNumber(at);
        p.paymentMethod = paymentMethod(accountId);
        p.version = 0;
        return p;
    }

    /** Splits a tax-inclusive price into amount + tax = total, in the currency's minor units. */
    static void fillAmounts(Records.Purchase p, Records.Money price) {
        int ratePercent = switch (price.currency) {
            case "GBP", "EUR" -> 20;
            case "JPY" -> 10;
            case "CNY" -> 6;
            default -> 0;
        };
        long net = Math.round(price.amountMinor * 100.0 / (100 + ratePercent));
        p.amount = new Records.Money(net, price.currency);
        p.tax = new Records.Money(price.amountMinor - net, price.currency);
        p.total = new Records.Money(price.amountMinor, price.currency);
    }

    String nextReceiptNumber(Instant at) {
        long next = store.meta("receipt_seq").map(Long::parseLong).orElse(0L) + 1;
        store.putMeta("receipt_seq", Long.toString(next));
        int year = ZonedDateTime.ofInstant(at, ZoneOffset.UTC).getYear();
        return String.format("R-%d-%06d", year, next);
    }

    private JsonObject paymentMethod(String accountId) {
        return JsonParser.parseString(store.accountById(accountId).orElseThrow().paymentMethodJson())
                .getAsJsonObject();
    }

    private boolean cardDeclines(String accountId) {
        return store.accountById(accountId).map(SandboxStore.AccountRow::cardDeclines).orElse(false);
    }

    Records.Subscription subscription(String accountId, String id) {
        String json = store.record(accountId, "subscription", id)
                .orElseThrow(() -> Problem.notFound("No subscription " + id + "."));
        return SandboxJson.GSON.fromJson(json, Records.Subscription.class);
    }

    String save(String accountId, Records.Subscription sub, Instant now) {
        sub.updatedAt = now;
        sub.version++;
        String json = SandboxJson.GSON.toJson(sub);
        store.putRecord(accountId, "subscription", sub.id, json);
        return json;
    }

    String savePurchase(String accountId, Records.Purchase p) {
        p.updatedAt = clock.now();
        p.version++;
        String json = SandboxJson.GSON.toJson(p);
        store.putRecord(accountId, "purchase", p.id, json);
        return json;
    }

    static Instant addInterval(Instant from, String interval) {
        ZonedDateTime start = ZonedDateTime.ofInstant(from, ZoneOffset.UTC);
        return (interval.equals("year") ? start.plusYears(1) : start.plusMonths(1)).toInstant();
    }

    /** Changes a plan's price from the next payment on (for price-history tests). */
    String changePrice(String accountId, String subscriptionId, Records.Money price) {
        Records.Subscription sub = subscription(accountId, subscriptionId);
        sub.plan.price = price;
        if (sub.nextPaymentAmount != null) {
            sub.nextPaymentAmount = price;
        }
        return save(accountId, sub, clock.now());
    }

    /** A learner buys a course on the web now (for delta-sync tests). */
    String newOneTimePurchase(String accountId, Records.Product product, Records.Money price) {
        Instant now = clock.now();
        Records.Purchase p = new Records.Purchase();
        p.id = ids.next("pur_");
        p.kind = "one_time";
        p.product = product;
        fillAmounts(p, price);
        p.channel = "web";
        p.status = "paid";
        p.purchasedAt = now;
        p.refundableUntil = now.plus(REFUND_WINDOW);
        p.receiptNumber = nextReceiptNumber(now);
        p.paymentMethod = paymentMethod(accountId);
        return savePurchase(accountId, p);
    }

    static List<String> reasons() {
        return new ArrayList<>(CANCEL_REASONS);
    }
}
