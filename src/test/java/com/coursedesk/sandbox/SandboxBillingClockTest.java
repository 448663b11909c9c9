package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.ADA_CANCELED;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ENDING;
import static com.coursedesk.sandbox.SandboxFixture.ADA_PAST_DUE;
import static com.coursedesk.sandbox.SandboxFixture.ADA_RECENT;
import static com.coursedesk.sandbox.SandboxFixture.ADA_TRIAL;
import static com.coursedesk.sandbox.SandboxFixture.ADA_YEARLY;
import static com.coursedesk.sandbox.SandboxFixture.BOB;
import static com.coursedesk.sandbox.SandboxFixture.BOB_ACTIVE;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.money;
import static com.coursedesk.sandbox.SandboxFixture.str;
import static com.coursedesk.sandbox.SandboxFixture.time;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

/** The subscription rules as the sandbox clock moves: trials convert, periods end and renew, refunds close. */
class SandboxBillingClockTest {

    private SandboxFixture fx;
    private String ada;
    private Snapshot seeded;

    @BeforeEach
    void start() {
        fx = SandboxFixture.start();
        ada = fx.signIn(ADA);
        seeded = fx.fullSync(ada);
    }

    @AfterEach
    void stop() {
        try {
            fx.assertHealthy();
        } finally {
            fx.close();
        }
    }

    @Test
    void aTrialConvertsAtItsEndWithAPaymentOfThePlanPrice() {
        JsonObject trial = seeded.subscriptionTitled(ADA_TRIAL);
        Instant trialEnd = time(trial, "trialEndsAt");
        assertThat(str(trial, "status")).isEqualTo("trialing");
        assertThat(time(trial, "nextPaymentAt")).isEqualTo(trialEnd);
        assertThat(seeded.paymentsOf(id(trial))).isEmpty();

        fx.advanceTo(trialEnd.minusSeconds(60));
        ada = fx.signIn(ADA);
        Snapshot before = fx.syncFrom(ada, seeded.cursor());
        assertThat(before.subscriptions()).as("still trialing a minute before the end").doesNotContainKey(id(trial));
        assertThat(before.paymentsOf(id(trial))).isEmpty();

        fx.advance(Duration.ofSeconds(120));
        ada = fx.signIn(ADA);
        Snapshot after = fx.syncFrom(ada, before.cursor());
        JsonObject converted = after.subscriptions().get(id(trial));
        assertThat(converted).as("the trial changed").isNotNull();
        assertThat(str(converted, "status")).isEqualTo("active");
        assertThat(time(converted, "trialEndsAt")).isEqualTo(trialEnd);
        assertThat(time(converted, "currentPeriodStart")).isEqualTo(trialEnd);
        assertThat(time(converted, "currentPeriodEnd")).isEqualTo(plusMonths(trialEnd, 1));
        assertThat(time(converted, "nextPaymentAt")).isEqualTo(time(converted, "currentPeriodEnd"));
        assertThat(money(converted.get("nextPaymentAmount"))).isEqualTo(planPrice(trial));
        assertThat(converted.get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(version(converted)).isEqualTo(version(trial) + 1);

        List<JsonObject> payments = after.paymentsOf(id(trial));
        assertThat(payments).hasSize(1);
        JsonObject payment = payments.get(0);
        assertThat(str(payment, "kind")).isEqualTo("subscription_payment");
        assertThat(str(payment, "status")).isEqualTo("paid");
        assertThat(str(payment, "channel")).isEqualTo("web");
        assertThat(time(payment, "purchasedAt")).isEqualTo(trialEnd);
        assertThat(money(payment.get("total"))).isEqualTo(planPrice(trial));
        assertAmountPlusTaxIsTotal(payment);
        assertThat(payment.get("refundableUntil").isJsonNull()).as("not refundable after a trial").isTrue();
        assertThat(payment.getAsJsonObject("product").get("id").getAsString())
                .isEqualTo(trial.getAsJsonObject("product").get("id").getAsString());
    }

    @Test
    void aCanceledSubscriptionKeepsAccessUntilThePeriodEndThenEndsWithoutPayment() {
        JsonObject ending = seeded.subscriptionTitled(ADA_ENDING);
        Instant end = time(ending, "currentPeriodEnd");
        assertThat(str(ending, "status")).isEqualTo("active");
        assertThat(ending.get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
        int paymentsBefore = seeded.paymentsOf(id(ending)).size();

        fx.advanceTo(end.minus(Duration.ofHours(1)));
        ada = fx.signIn(ADA);
        Snapshot before = fx.syncFrom(ada, seeded.cursor());
        assertThat(before.subscriptions()).as("unchanged an hour before the end").doesNotContainKey(id(ending));

        fx.advance(Duration.ofHours(2));
        ada = fx.signIn(ADA);
        Snapshot after = fx.syncFrom(ada, before.cursor());
        JsonObject ended = after.subscriptions().get(id(ending));
        assertThat(ended).isNotNull();
        assertThat(str(ended, "status")).isEqualTo("canceled");
        assertThat(time(ended, "endedAt")).isEqualTo(end);
        assertThat(ended.get("nextPaymentAt").isJsonNull()).isTrue();
        assertThat(ended.get("nextPaymentAmount").isJsonNull()).isTrue();
        assertThat(str(ended, "canceledAt")).isEqualTo(str(ending, "canceledAt"));
        assertThat(after.paymentsOf(id(ending))).as("no new payment").isEmpty();

        fx.advanceDays(62);
        ada = fx.signIn(ADA);
        Snapshot later = fx.fullSync(ada);
        assertThat(later.paymentsOf(id(ending))).hasSize(paymentsBefore);
        assertThat(str(later.subscriptions().get(id(ending)), "status")).isEqualTo("canceled");
    }

    @Test
    void cancelingDuringATrialMeansNoPaymentIsEverTaken() {
        JsonObject trial = seeded.subscriptionTitled(ADA_TRIAL);
        Instant trialEnd = time(trial, "trialEndsAt");
        Response canceled = fx.cancel(ada, id(trial));
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(str(canceled.json(), "status")).isEqualTo("trialing");
        assertThat(time(canceled.json(), "currentPeriodEnd")).isEqualTo(trialEnd);

        fx.advanceDays(45);
        ada = fx.signIn(ADA);
        Snapshot later = fx.fullSync(ada);
        JsonObject ended = later.subscriptions().get(id(trial));
        assertThat(str(ended, "status")).isEqualTo("canceled");
        assertThat(time(ended, "endedAt")).isEqualTo(trialEnd);
        assertThat(later.paymentsOf(id(trial))).as("no payment after the trial").isEmpty();
    }

    @Test
    void restartingWithinThePeriodUndoesTheCancellationWithoutCharging() {
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        assertThat(fx.cancel(ada, id(jpy)).status()).isEqualTo(200);

        Response restarted = fx.restart(ada, id(jpy));
        assertThat(restarted.status()).isEqualTo(200);
        JsonObject sub = restarted.json();
        assertThat(str(sub, "status")).isEqualTo("active");
        assertThat(sub.get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(sub.get("canceledAt").isJsonNull()).isTrue();
        assertThat(str(sub, "nextPaymentAt")).isEqualTo(str(jpy, "nextPaymentAt"));
        assertThat(money(sub.get("nextPaymentAmount"))).isEqualTo(money(jpy.get("nextPaymentAmount")));
        assertThat(str(sub, "currentPeriodStart")).isEqualTo(str(jpy, "currentPeriodStart"));
        assertThat(str(sub, "currentPeriodEnd")).isEqualTo(str(jpy, "currentPeriodEnd"));
        assertThat(sub.get("deadlinesResetAt").isJsonNull()).isTrue();

        Snapshot delta = fx.syncFrom(ada, seeded.cursor());
        assertThat(delta.purchases()).as("no charge").isEmpty();
        assertThat(delta.subscriptions().keySet()).containsExactly(id(jpy));

        // The seeded "set to end" subscription gets its renewal back the same way.
        JsonObject ending = seeded.subscriptionTitled(ADA_ENDING);
        JsonObject resumed = fx.restart(ada, id(ending)).json();
        assertThat(resumed.get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(str(resumed, "nextPaymentAt")).isEqualTo(str(ending, "currentPeriodEnd"));
        assertThat(money(resumed.get("nextPaymentAmount"))).isEqualTo(planPrice(ending));
        assertThat(fx.syncFrom(ada, seeded.cursor()).purchases()).isEmpty();

        // ...and renews when its period ends.
        fx.advanceTo(time(ending, "currentPeriodEnd").plusSeconds(60));
        ada = fx.signIn(ADA);
        JsonObject renewed = fx.fullSync(ada).subscriptions().get(id(ending));
        assertThat(str(renewed, "status")).isEqualTo("active");
        assertThat(time(renewed, "currentPeriodStart")).isEqualTo(time(ending, "currentPeriodEnd"));
    }

    @Test
    void restartingAfterTheEndChargesAtOnceWithoutANewTrial() {
        JsonObject trial = seeded.subscriptionTitled(ADA_TRIAL);
        Instant trialEnd = time(trial, "trialEndsAt");
        fx.cancel(ada, id(trial));
        fx.advanceTo(trialEnd.plus(Duration.ofDays(1)));
        ada = fx.signIn(ADA);
        Snapshot ended = fx.fullSync(ada);
        assertThat(str(ended.subscriptions().get(id(trial)), "status")).isEqualTo("canceled");

        Instant before = fx.now();
        Response r = fx.restart(ada, id(trial));
        Instant after = fx.now();
        assertThat(r.status()).isEqualTo(200);
        JsonObject sub = r.json();
        assertThat(str(sub, "status")).isEqualTo("active");
        assertThat(sub.get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(sub.get("endedAt").isJsonNull()).isTrue();
        assertThat(sub.get("canceledAt").isJsonNull()).isTrue();
        Instant reset = time(sub, "deadlinesResetAt");
        assertThat(reset).isBetween(before, after);
        assertThat(time(sub, "currentPeriodStart")).isEqualTo(reset);
        assertThat(time(sub, "currentPeriodEnd")).isEqualTo(plusMonths(reset, 1));
        assertThat(time(sub, "nextPaymentAt")).isEqualTo(time(sub, "currentPeriodEnd"));
        assertThat(time(sub, "trialEndsAt")).as("no new trial").isEqualTo(trialEnd);

        Snapshot delta = fx.syncFrom(ada, ended.cursor());
        List<JsonObject> payments = delta.paymentsOf(id(trial));
        assertThat(payments).hasSize(1);
        JsonObject payment = payments.get(0);
        assertThat(str(payment, "kind")).isEqualTo("subscription_payment");
        assertThat(str(payment, "status")).isEqualTo("paid");
        assertThat(time(payment, "purchasedAt")).isEqualTo(reset);
        assertThat(money(payment.get("total"))).isEqualTo(planPrice(trial));
        assertAmountPlusTaxIsTotal(payment);
    }

    @Test
    void restartingTheSeededCanceledSubscriptionChargesItsPlanPrice() {
        JsonObject canceled = seeded.subscriptionTitled(ADA_CANCELED);
        assertThat(money(canceled.getAsJsonObject("plan").get("price"))).isEqualTo("4500 EUR");
        Response r = fx.restart(ada, id(canceled));
        assertThat(r.status()).isEqualTo(200);
        assertThat(str(r.json(), "status")).isEqualTo("active");
        assertThat(r.json().get("trialEndsAt").isJsonNull()).isTrue();
        assertThat(time(r.json(), "deadlinesResetAt")).isNotNull();

        Snapshot delta = fx.syncFrom(ada, seeded.cursor());
        assertThat(delta.purchases()).hasSize(1);
        assertThat(money(delta.paymentsOf(id(canceled)).get(0).get("total"))).isEqualTo("4500 EUR");
    }

    @Test
    void aRefundInsideTheWindowSucceeds() {
        JsonObject psych = seeded.purchaseTitled(ADA_RECENT);
        assertThat(str(psych, "status")).isEqualTo("paid");
        assertThat(time(psych, "refundableUntil")).isEqualTo(time(psych, "purchasedAt").plus(Duration.ofDays(14)));

        Instant before = fx.now();
        Response r = fx.refund(ada, id(psych));
        assertThat(r.status()).isEqualTo(200);
        JsonObject refunded = r.json();
        assertThat(id(refunded)).isEqualTo(id(psych));
        assertThat(str(refunded, "status")).isEqualTo("refunded");
        assertThat(time(refunded, "refundedAt")).isBetween(before, fx.now());
        assertThat(money(refunded.get("total"))).isEqualTo(money(psych.get("total")));
        assertThat(version(refunded)).isEqualTo(version(psych) + 1);

        JsonObject synced = fx.syncFrom(ada, seeded.cursor()).purchases().get(id(psych));
        assertThat(str(synced, "status")).isEqualTo("refunded");
        assertThat(str(synced, "refundedAt")).isEqualTo(str(refunded, "refundedAt"));
    }

    @Test
    void theSameRefundFifteenDaysLaterIsNotRefundable() {
        JsonObject psych = seeded.purchaseTitled(ADA_RECENT);
        fx.advanceDays(15);
        ada = fx.signIn(ADA);
        Response r = fx.refund(ada, id(psych));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problemCode()).isEqualTo("not_refundable");
        assertThat(str(fx.fullSync(ada).purchases().get(id(psych)), "status")).isEqualTo("paid");
    }

    @Test
    void aDeclinedRenewalMakesTheSubscriptionPastDue() {
        String bob = fx.signIn(BOB);
        Snapshot bobs = fx.fullSync(bob);
        JsonObject active = bobs.subscriptionTitled(BOB_ACTIVE);
        Instant renewal = time(active, "nextPaymentAt");
        assertThat(str(active, "status")).isEqualTo("active");
        assertThat(renewal).isEqualTo(time(active, "currentPeriodEnd"));

        fx.advanceTo(renewal.plus(Duration.ofDays(1)));
        bob = fx.signIn(BOB);
        Snapshot delta = fx.syncFrom(bob, bobs.cursor());
        JsonObject pastDue = delta.subscriptions().get(id(active));
        assertThat(str(pastDue, "status")).isEqualTo("past_due");
        assertThat(pastDue.get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(pastDue.get("endedAt").isJsonNull()).isTrue();
        assertThat(time(pastDue, "nextPaymentAt")).as("the payment is retried").isAfter(renewal);
        List<JsonObject> payments = delta.paymentsOf(id(active));
        assertThat(payments).hasSize(1);
        assertThat(str(payments.get(0), "status")).isEqualTo("failed");
        assertThat(time(payments.get(0), "purchasedAt")).isEqualTo(renewal);
        assertThat(money(payments.get(0).get("total"))).isEqualTo(planPrice(active));
    }

    @Test
    void aPastDueSubscriptionWhoseRetrySucceedsIsActiveAgain() {
        JsonObject pastDue = seeded.subscriptionTitled(ADA_PAST_DUE);
        assertThat(str(pastDue, "status")).isEqualTo("past_due");
        Instant retry = time(pastDue, "nextPaymentAt");

        fx.advanceTo(retry.plusSeconds(60));
        ada = fx.signIn(ADA);
        Snapshot delta = fx.syncFrom(ada, seeded.cursor());
        JsonObject recovered = delta.subscriptions().get(id(pastDue));
        assertThat(str(recovered, "status")).isEqualTo("active");
        assertThat(time(recovered, "nextPaymentAt")).isEqualTo(time(recovered, "currentPeriodEnd"));
        List<JsonObject> payments = delta.paymentsOf(id(pastDue));
        assertThat(payments).hasSize(1);
        assertThat(str(payments.get(0), "status")).isEqualTo("paid");
        assertThat(time(payments.get(0), "purchasedAt")).isEqualTo(retry);
    }

    @Test
    void aYearlyPriceChangeShowsAtTheNextRenewal() {
        JsonObject yearly = seeded.subscriptionTitled(ADA_YEARLY);
        assertThat(str(yearly.getAsJsonObject("plan"), "interval")).isEqualTo("year");
        assertThat(planPrice(yearly)).isEqualTo("31900 GBP");
        Instant renewal = time(yearly, "nextPaymentAt");
        List<JsonObject> history = seeded.paymentsOf(id(yearly));
        assertThat(history).extracting(p -> money(p.get("total"))).containsExactly("29900 GBP", "31900 GBP");

        fx.changePrice(id(yearly), 34900, "GBP");
        JsonObject announced = fx.syncFrom(ada, seeded.cursor()).subscriptions().get(id(yearly));
        assertThat(planPrice(announced)).isEqualTo("34900 GBP");
        assertThat(money(announced.get("nextPaymentAmount"))).isEqualTo("34900 GBP");
        assertThat(str(announced, "nextPaymentAt")).isEqualTo(str(yearly, "nextPaymentAt"));

        fx.advanceTo(renewal.minus(Duration.ofDays(1)));
        ada = fx.signIn(ADA);
        assertThat(fx.fullSync(ada).paymentsOf(id(yearly))).as("nothing charged before the renewal").hasSize(2);

        fx.advanceDays(2);
        ada = fx.signIn(ADA);
        Snapshot later = fx.fullSync(ada);
        List<JsonObject> payments = later.paymentsOf(id(yearly));
        assertThat(payments).hasSize(3);
        JsonObject newest = payments.get(2);
        assertThat(time(newest, "purchasedAt")).isEqualTo(renewal);
        assertThat(money(newest.get("total"))).isEqualTo("34900 GBP");
        assertThat(str(newest, "status")).isEqualTo("paid");
        assertAmountPlusTaxIsTotal(newest);
        JsonObject renewed = later.subscriptions().get(id(yearly));
        assertThat(time(renewed, "currentPeriodStart")).isEqualTo(renewal);
        assertThat(time(renewed, "currentPeriodEnd"))
                .isEqualTo(renewal.atZone(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(money(renewed.get("nextPaymentAmount"))).isEqualTo("34900 GBP");
    }

    private static String planPrice(JsonObject subscription) {
        return money(subscription.getAsJsonObject("plan").get("price"));
    }

    private static Instant plusMonths(Instant at, int months) {
        return at.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    private static void assertAmountPlusTaxIsTotal(JsonObject purchase) {
        JsonObject amount = purchase.getAsJsonObject("amount");
        JsonObject tax = purchase.getAsJsonObject("tax");
        JsonObject total = purchase.getAsJsonObject("total");
        assertThat(amount.get("currency").getAsString()).isEqualTo(total.get("currency").getAsString());
        assertThat(tax.get("currency").getAsString()).isEqualTo(total.get("currency").getAsString());
        assertThat(amount.get("amountMinor").getAsLong() + tax.get("amountMinor").getAsLong())
                .isEqualTo(total.get("amountMinor").getAsLong());
    }
}
