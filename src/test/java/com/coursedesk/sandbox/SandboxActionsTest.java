package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.ADA_APP_STORE_PURCHASE;
import static com.coursedesk.sandbox.SandboxFixture.ADA_APP_STORE_SUB;
import static com.coursedesk.sandbox.SandboxFixture.ADA_CANCELED;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ENDING;
import static com.coursedesk.sandbox.SandboxFixture.ADA_FAILED;
import static com.coursedesk.sandbox.SandboxFixture.ADA_GOOGLE_PLAY_PURCHASE;
import static com.coursedesk.sandbox.SandboxFixture.ADA_GOOGLE_PLAY_SUB;
import static com.coursedesk.sandbox.SandboxFixture.ADA_PAST_DUE;
import static com.coursedesk.sandbox.SandboxFixture.ADA_PAST_WINDOW;
import static com.coursedesk.sandbox.SandboxFixture.ADA_PENDING;
import static com.coursedesk.sandbox.SandboxFixture.ADA_RECENT;
import static com.coursedesk.sandbox.SandboxFixture.ADA_REFUNDED;
import static com.coursedesk.sandbox.SandboxFixture.ADA_TRIAL;
import static com.coursedesk.sandbox.SandboxFixture.ADA_YEARLY;
import static com.coursedesk.sandbox.SandboxFixture.BOB;
import static com.coursedesk.sandbox.SandboxFixture.BOB_CANCELED;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.newKey;
import static com.coursedesk.sandbox.SandboxFixture.str;
import static com.coursedesk.sandbox.SandboxFixture.time;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancel, restart and refund-request: every refusal the contract names, and idempotency keys. */
class SandboxActionsTest {

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

    // ----- successes -----

    @Test
    void cancelSetsTheSubscriptionToEndAtThePeriodEnd() {
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        Instant before = fx.now();
        Response r = fx.cancel(ada, id(jpy), newKey(), "{\"reason\":\"too_expensive\",\"comment\":\"Später vielleicht 🙂\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Idempotent-Replayed")).isNull();
        JsonObject sub = r.json();
        assertThat(id(sub)).isEqualTo(id(jpy));
        assertThat(str(sub, "status")).isEqualTo("active");
        assertThat(sub.get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
        assertThat(time(sub, "canceledAt")).isBetween(before, fx.now());
        assertThat(sub.get("nextPaymentAt").isJsonNull()).isTrue();
        assertThat(sub.get("nextPaymentAmount").isJsonNull()).isTrue();
        assertThat(str(sub, "currentPeriodEnd")).isEqualTo(str(jpy, "currentPeriodEnd"));
        assertThat(version(sub)).isEqualTo(version(jpy) + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"too_expensive", "not_using", "finished_learning", "technical_issues", "other"})
    void everyCancelReasonIsAccepted(String reason) {
        JsonObject trial = seeded.subscriptionTitled(ADA_TRIAL);
        Response r = fx.cancel(ada, id(trial), newKey(), "{\"reason\":\"" + reason + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(str(r.json(), "status")).isEqualTo("trialing");
        assertThat(r.json().get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
    }

    // ----- 404 not_found -----

    @ParameterizedTest
    @ValueSource(strings = {"sub_doesnotexist", "pur_doesnotexist", "x",
        "sub_0123456789012345678901234567890123456789012345678901234567890123456789"})
    void unknownIdsAreNotFound(String unknown) {
        for (Response r : new Response[] {
            fx.cancel(ada, unknown, newKey(), "{}"),
            fx.restart(ada, unknown),
            fx.refund(ada, unknown)}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.problemCode()).isEqualTo("not_found");
        }
    }

    @Test
    void aSubscriptionIdIsNotAPurchaseIdAndBack() {
        String subId = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        String purchaseId = id(seeded.purchaseTitled(ADA_RECENT));
        assertThat(fx.refund(ada, subId).status()).isEqualTo(404);
        assertThat(fx.cancel(ada, purchaseId).status()).isEqualTo(404);
        assertThat(fx.restart(ada, purchaseId).status()).isEqualTo(404);
    }

    // ----- 409 -----

    @Test
    void cancelingWhatAlreadyEndsOrEndedIsNotCancelable() {
        for (String title : new String[] {ADA_CANCELED, ADA_ENDING}) {
            Response r = fx.cancel(ada, id(seeded.subscriptionTitled(title)));
            assertThat(r.status()).as(title).isEqualTo(409);
            assertThat(r.problemCode()).isEqualTo("not_cancelable");
        }
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        assertThat(fx.cancel(ada, id(jpy)).status()).isEqualTo(200);
        Response second = fx.cancel(ada, id(jpy));
        assertThat(second.status()).as("a second cancel with a new key").isEqualTo(409);
        assertThat(second.problemCode()).isEqualTo("not_cancelable");
    }

    @Test
    void pastDueCanBeCanceled() {
        Response r = fx.cancel(ada, id(seeded.subscriptionTitled(ADA_PAST_DUE)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(str(r.json(), "status")).isEqualTo("past_due");
        assertThat(r.json().get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
    }

    @Test
    void restartingARunningSubscriptionIsNotRestartable() {
        for (String title : new String[] {ADA_ACTIVE_JPY, ADA_TRIAL, ADA_YEARLY, ADA_PAST_DUE}) {
            Response r = fx.restart(ada, id(seeded.subscriptionTitled(title)));
            assertThat(r.status()).as(title).isEqualTo(409);
            assertThat(r.problemCode()).isEqualTo("not_restartable");
        }
    }

    @Test
    void storeSubscriptionsAndPurchasesAreManagedElsewhere() {
        for (String title : new String[] {ADA_APP_STORE_SUB, ADA_GOOGLE_PLAY_SUB}) {
            JsonObject sub = seeded.subscriptionTitled(title);
            assertThat(str(sub, "channel")).isIn("app_store", "google_play");
            for (Response r : new Response[] {fx.cancel(ada, id(sub)), fx.restart(ada, id(sub))}) {
                assertThat(r.status()).as(title).isEqualTo(409);
                assertThat(r.problemCode()).isEqualTo("managed_elsewhere");
            }
            JsonObject payment = seeded.paymentsOf(id(sub)).get(0);
            Response refund = fx.refund(ada, id(payment));
            assertThat(refund.status()).isEqualTo(409);
            assertThat(refund.problemCode()).isEqualTo("managed_elsewhere");
        }
        for (String title : new String[] {ADA_APP_STORE_PURCHASE, ADA_GOOGLE_PLAY_PURCHASE}) {
            Response r = fx.refund(ada, id(seeded.purchaseTitled(title)));
            assertThat(r.status()).as(title).isEqualTo(409);
            assertThat(r.problemCode()).isEqualTo("managed_elsewhere");
        }
        assertThat(fx.syncFrom(ada, seeded.cursor()).isEmpty()).as("nothing changed").isTrue();
    }

    @Test
    void refundsThatCannotBeMadeAreNotRefundable() {
        JsonObject yearly = seeded.subscriptionTitled(ADA_YEARLY);
        JsonObject paymentAfterTrial = seeded.paymentsOf(id(yearly)).get(0);
        assertThat(str(paymentAfterTrial, "status")).isEqualTo("paid");
        for (JsonObject purchase : new JsonObject[] {
            seeded.purchaseTitled(ADA_REFUNDED),
            seeded.purchaseTitled(ADA_PAST_WINDOW),
            seeded.purchaseTitled(ADA_PENDING),
            seeded.purchaseTitled(ADA_FAILED),
            paymentAfterTrial}) {
            Response r = fx.refund(ada, id(purchase));
            assertThat(r.status()).as(SandboxFixture.title(purchase)).isEqualTo(409);
            assertThat(r.problemCode()).isEqualTo("not_refundable");
            assertThat(r.json().get("detail").getAsString()).isNotBlank();
        }
        assertThat(fx.syncFrom(ada, seeded.cursor()).isEmpty()).as("nothing changed").isTrue();
    }

    @Test
    void aRefundedPurchaseCannotBeRefundedAgain() {
        String id = id(seeded.purchaseTitled(ADA_RECENT));
        assertThat(fx.refund(ada, id).status()).isEqualTo(200);
        Response again = fx.refund(ada, id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("not_refundable");
    }

    // ----- 402 -----

    @Test
    void aDeclinedRestartChangesNothing() {
        String bob = fx.signIn(BOB);
        Snapshot before = fx.fullSync(bob);
        JsonObject canceled = before.subscriptionTitled(BOB_CANCELED);
        assertThat(str(canceled, "status")).isEqualTo("canceled");

        String key = newKey();
        Response r = fx.restart(bob, id(canceled), key);
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.problemCode()).isEqualTo("payment_failed");

        assertThat(fx.syncFrom(bob, before.cursor()).isEmpty()).as("no change at all").isTrue();
        JsonObject after = fx.fullSync(bob).subscriptionTitled(BOB_CANCELED);
        assertThat(after.toString()).isEqualTo(canceled.toString());

        // The refusal is kept for its key; a new key after the card is mended goes through.
        Response replay = fx.restart(bob, id(canceled), key);
        assertThat(replay.status()).isEqualTo(402);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        fx.setCardDeclines(BOB, false);
        Response mended = fx.restart(bob, id(canceled));
        assertThat(mended.status()).isEqualTo(200);
        assertThat(str(mended.json(), "status")).isEqualTo("active");
    }

    // ----- 400 -----

    @ParameterizedTest
    @ValueSource(strings = {"{\"reason\":\"bored\"}", "{\"why\":\"x\"}", "not json", "[]", "{\"reason\":1}",
        "{\"comment\":\"" + "x" + "\",\"extra\":true}", "{} {}"})
    void aBadCancelBodyIsInvalidRequest(String body) {
        Response r = fx.cancel(ada, id(seeded.subscriptionTitled(ADA_ACTIVE_JPY)), newKey(), body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void aCancelCommentOverAThousandCharactersIsInvalidRequest() {
        String comment = "x".repeat(1001);
        Response r = fx.cancel(ada, id(seeded.subscriptionTitled(ADA_ACTIVE_JPY)), newKey(),
                "{\"comment\":\"" + comment + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"reason\":\"\"}", "{\"reason\":null}", "{\"reason\":7}",
        "{\"reason\":\"ok\",\"amount\":100}", "nope"})
    void aBadRefundBodyIsInvalidRequest(String body) {
        Response r = fx.refund(ada, id(seeded.purchaseTitled(ADA_RECENT)), newKey(), body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void aRefundReasonOfFiveHundredCharactersIsTheLimit() {
        String id = id(seeded.purchaseTitled(ADA_RECENT));
        Response tooLong = fx.refund(ada, id, newKey(), "{\"reason\":\"" + "é".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        Response longest = fx.refund(ada, id, newKey(), "{\"reason\":\"" + "é".repeat(500) + "\"}");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void aRestartBodyMustBeEmpty() {
        String id = id(seeded.subscriptionTitled(ADA_CANCELED));
        for (String body : new String[] {"{\"reason\":\"other\"}", "null", "nope"}) {
            Response r = fx.post("/v1/subscriptions/" + id + "/restart", ada, newKey(), body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.problemCode()).isEqualTo("invalid_request");
        }
        Response none = fx.post("/v1/subscriptions/" + id + "/restart", ada, newKey(), null);
        assertThat(none.status()).as("no body at all").isEqualTo(400);
        assertThat(fx.syncFrom(ada, seeded.cursor()).isEmpty()).isTrue();
    }

    @Test
    void anActionWithoutAKeyIsIdempotencyKeyRequired() {
        String subId = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        String purchaseId = id(seeded.purchaseTitled(ADA_RECENT));
        for (Response r : new Response[] {
            fx.cancel(ada, subId, null, "{}"),
            fx.restart(ada, subId, null),
            fx.refund(ada, purchaseId, null, "{\"reason\":\"x\"}")}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.problemCode()).isEqualTo("idempotency_key_required");
        }
        assertThat(fx.syncFrom(ada, seeded.cursor()).isEmpty()).as("nothing was done").isTrue();
    }

    @Test
    void anInvalidKeyIsRefusedWith400() {
        String subId = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        for (String key : new String[] {"k".repeat(256), "two words", "tab\there"}) {
            Response r = fx.client().send("POST", "/v1/subscriptions/" + subId + "/cancel",
                    Map.of("Authorization", "Bearer " + ada, "Idempotency-Key", key,
                            "Content-Type", "application/json"), "{}");
            assertThat(r.status()).as("key '%s'", key).isEqualTo(400);
            assertThat(r.problemCode()).isIn("invalid_request", "idempotency_key_required");
        }
        assertThat(fx.syncFrom(ada, seeded.cursor()).isEmpty()).as("nothing was done").isTrue();
        Response longest = fx.cancel(ada, subId, "k".repeat(255), "{}");
        assertThat(longest.status()).as("255 characters are allowed").isEqualTo(200);
    }

    @Test
    void actionsNeedAToken() {
        String subId = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        Response r = fx.cancel(null, subId, newKey(), "{}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problemCode()).isEqualTo("invalid_token");
        fx.expireTokens();
        Response expired = fx.cancel(ada, subId, newKey(), "{}");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.problemCode()).isEqualTo("token_expired");
    }

    // ----- idempotency -----

    @Test
    void aReplayReturnsTheSameAnswerAndActsOnce() {
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        String key = newKey();
        Response first = fx.cancel(ada, id(jpy), key, "{\"reason\":\"not_using\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        for (int i = 0; i < 3; i++) {
            // The same body with other key order and spacing means the same request.
            Response replay = fx.cancel(ada, id(jpy), key, i == 0 ? "{\"reason\":\"not_using\"}"
                    : "{ \"reason\" : \"not_using\" }");
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        }
        JsonObject synced = fx.syncFrom(ada, seeded.cursor()).subscriptions().get(id(jpy));
        assertThat(version(synced)).as("one cancel, one version step").isEqualTo(version(jpy) + 1);
    }

    @Test
    void aRefusalIsReplayedToo() {
        String id = id(seeded.subscriptionTitled(ADA_CANCELED));
        String key = newKey();
        Response first = fx.cancel(ada, id, key, "{}");
        assertThat(first.status()).isEqualTo(409);
        Response replay = fx.cancel(ada, id, key, "{}");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRefundReplayActsOnce() {
        JsonObject psych = seeded.purchaseTitled(ADA_RECENT);
        String key = newKey();
        String body = "{\"reason\":\"Changed my mind\"}";
        Response first = fx.refund(ada, id(psych), key, body);
        assertThat(first.status()).isEqualTo(200);
        Response replay = fx.refund(ada, id(psych), key, body);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(version(fx.syncFrom(ada, seeded.cursor()).purchases().get(id(psych))))
                .isEqualTo(version(psych) + 1);
    }

    @Test
    void aKeyReusedWithAnotherBodyOrPathIsRefused() {
        String jpy = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        String trial = id(seeded.subscriptionTitled(ADA_TRIAL));
        String key = newKey();
        assertThat(fx.cancel(ada, jpy, key, "{}").status()).isEqualTo(200);

        Response otherBody = fx.cancel(ada, jpy, key, "{\"reason\":\"other\"}");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.problemCode()).isEqualTo("idempotency_key_reused");

        Response otherSubscription = fx.cancel(ada, trial, key, "{}");
        assertThat(otherSubscription.status()).isEqualTo(422);
        assertThat(otherSubscription.problemCode()).isEqualTo("idempotency_key_reused");

        Response otherAction = fx.restart(ada, jpy, key);
        assertThat(otherAction.status()).isEqualTo(422);
        assertThat(otherAction.problemCode()).isEqualTo("idempotency_key_reused");

        Response otherKind = fx.refund(ada, id(seeded.purchaseTitled(ADA_RECENT)), key, "{\"reason\":\"x\"}");
        assertThat(otherKind.status()).isEqualTo(422);
        assertThat(otherKind.problemCode()).isEqualTo("idempotency_key_reused");

        Snapshot delta = fx.syncFrom(ada, seeded.cursor());
        assertThat(delta.subscriptions().keySet()).containsExactly(jpy);
        assertThat(delta.purchases()).isEmpty();
    }

    @Test
    void aKeyRefusedWith400CanBeUsedOnceTheBodyIsMended() {
        String jpy = id(seeded.subscriptionTitled(ADA_ACTIVE_JPY));
        String key = newKey();
        Response bad = fx.cancel(ada, jpy, key, "{\"reason\":\"bored\"}");
        assertThat(bad.status()).isEqualTo(400);
        Response mended = fx.cancel(ada, jpy, key, "{\"reason\":\"other\"}");
        assertThat(mended.status()).isEqualTo(200);
        assertThat(mended.header("Idempotent-Replayed")).isNull();

        String refundKey = newKey();
        String purchase = id(seeded.purchaseTitled(ADA_RECENT));
        assertThat(fx.refund(ada, purchase, refundKey, "{}").status()).isEqualTo(400);
        assertThat(fx.refund(ada, purchase, refundKey, "{\"reason\":\"x\"}").status()).isEqualTo(200);
    }

    @Test
    void keysBelongToTheirAccount() {
        String key = newKey();
        assertThat(fx.cancel(ada, id(seeded.subscriptionTitled(ADA_ACTIVE_JPY)), key, "{}").status()).isEqualTo(200);
        String bob = fx.signIn(BOB);
        // Bob using the same key for his own action is a new request, not a replay of Ada's answer.
        Response bobs = fx.restart(bob, id(fx.fullSync(bob).subscriptionTitled(BOB_CANCELED)), key);
        assertThat(bobs.status()).isEqualTo(402);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysAreKeptForADay() {
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        String key = newKey();
        Response first = fx.cancel(ada, id(jpy), key, "{}");
        fx.advance(java.time.Duration.ofHours(24));
        ada = fx.signIn(ADA);
        Response replay = fx.cancel(ada, id(jpy), key, "{}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }
}
