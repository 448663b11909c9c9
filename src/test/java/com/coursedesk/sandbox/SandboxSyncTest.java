package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.coursedesk.sandbox.SandboxFixture.SyncPage;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.ADA_RECENT;
import static com.coursedesk.sandbox.SandboxFixture.EVE;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/sync}: paging with an exact {@code remaining}, deltas, deletions, cursor expiry, bad input. */
class SandboxSyncTest {

    private SandboxFixture fx;
    private String ada;

    @BeforeEach
    void start() {
        fx = SandboxFixture.start();
        ada = fx.signIn(ADA);
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
    void pagesCountDownRemainingExactlyAndReturnEveryRecordOnce() {
        int limit = 7;
        SyncPage first = fx.syncPage(ada, null, limit);
        long total = first.size() + first.remaining();
        assertThat(first.size()).isEqualTo(limit);
        assertThat(first.hasMore()).isTrue();

        List<String> seen = new ArrayList<>(first.ids());
        long sum = first.size();
        SyncPage page = first;
        int pages = 1;
        while (page.hasMore()) {
            SyncPage next = fx.syncPage(ada, page.cursor(), limit);
            assertThat(next.size()).isBetween(1, limit);
            assertThat(next.remaining()).as("remaining counts down by the page size")
                    .isEqualTo(page.remaining() - next.size());
            assertThat(next.hasMore()).isEqualTo(next.remaining() > 0);
            if (next.hasMore()) {
                assertThat(next.size()).isEqualTo(limit);
            }
            seen.addAll(next.ids());
            sum += next.size();
            page = next;
            pages++;
        }
        assertThat(page.remaining()).isZero();
        assertThat(sum).isEqualTo(total);
        assertThat(pages).isEqualTo((int) ((total + limit - 1) / limit));
        assertThat(new HashSet<>(seen)).as("each record once").hasSize(seen.size());

        // One unpaged pass (default limit 500) returns the same records.
        SyncPage whole = fx.syncPage(ada, null, null);
        assertThat(whole.hasMore()).isFalse();
        assertThat(whole.remaining()).isZero();
        assertThat(new HashSet<>(whole.ids())).isEqualTo(new HashSet<>(seen));

        // Nothing changed after the last page: an empty page, and the cursor keeps working.
        SyncPage after = fx.syncPage(ada, page.cursor(), null);
        assertThat(after.size()).isZero();
        assertThat(after.hasMore()).isFalse();
        assertThat(after.remaining()).isZero();
        assertThat(fx.syncPage(ada, after.cursor(), null).size()).isZero();
    }

    @Test
    void remainingStaysExactWhenAChangeLandsBetweenTwoPages() {
        int limit = 5;
        SyncPage first = fx.syncPage(ada, null, limit);
        SyncPage second = fx.syncPage(ada, first.cursor(), limit);
        assertThat(second.remaining()).isEqualTo(first.remaining() - limit);

        fx.control("POST", "/_sandbox/accounts/" + ADA + "/purchases",
                "{\"title\":\"Bought between two pages\",\"amountMinor\":1900,\"currency\":\"USD\"}");
        SyncPage third = fx.syncPage(ada, second.cursor(), limit);
        assertThat(third.remaining()).as("the new purchase waits at the end of the feed")
                .isEqualTo(second.remaining() - third.size() + 1);
        SyncPage fourth = fx.syncPage(ada, third.cursor(), limit);
        assertThat(fourth.remaining()).isEqualTo(Math.max(0, third.remaining() - limit));
    }

    @Test
    void limitOfOneAndOfAThousandAreAccepted() {
        SyncPage one = fx.syncPage(ada, null, 1);
        assertThat(one.size()).isEqualTo(1);
        SyncPage thousand = fx.syncPage(ada, null, 1000);
        assertThat(thousand.hasMore()).isFalse();
        assertThat(thousand.size()).isEqualTo(1 + (int) one.remaining());
    }

    @Test
    void aDeltaAfterAnActionReturnsOnlyTheChangedRecord() {
        Snapshot full = fx.fullSync(ada);
        JsonObject jpy = full.subscriptionTitled(ADA_ACTIVE_JPY);
        assertThat(fx.cancel(ada, id(jpy)).status()).isEqualTo(200);

        SyncPage delta = fx.syncPage(ada, full.cursor(), null);
        assertThat(delta.purchases()).isEmpty();
        assertThat(delta.deleted()).isEmpty();
        assertThat(delta.subscriptions()).hasSize(1);
        JsonObject changed = delta.subscriptions().get(0);
        assertThat(id(changed)).isEqualTo(id(jpy));
        assertThat(changed.get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
        assertThat(version(changed)).isEqualTo(version(jpy) + 1);
        assertThat(delta.hasMore()).isFalse();
        assertThat(delta.remaining()).isZero();

        assertThat(fx.syncPage(ada, delta.cursor(), null).size()).as("nothing more").isZero();
    }

    @Test
    void aRecordChangedTwiceAppearsOnceInItsNewestState() {
        Snapshot full = fx.fullSync(ada);
        JsonObject jpy = full.subscriptionTitled(ADA_ACTIVE_JPY);
        fx.cancel(ada, id(jpy));
        fx.restart(ada, id(jpy));

        SyncPage delta = fx.syncPage(ada, full.cursor(), null);
        assertThat(delta.subscriptions()).hasSize(1);
        assertThat(delta.subscriptions().get(0).get("cancelAtPeriodEnd").getAsBoolean()).isFalse();
        assertThat(version(delta.subscriptions().get(0))).isEqualTo(version(jpy) + 2);
    }

    @Test
    void aDeletedRecordAppearsInDeleted() {
        Snapshot full = fx.fullSync(ada);
        JsonObject purchase = full.purchaseTitled(ADA_RECENT);
        fx.deleteRecord(id(purchase));

        SyncPage delta = fx.syncPage(ada, full.cursor(), null);
        assertThat(delta.purchases()).isEmpty();
        assertThat(delta.subscriptions()).isEmpty();
        assertThat(delta.deleted()).hasSize(1);
        assertThat(delta.deleted().get(0).get("type").getAsString()).isEqualTo("purchase");
        assertThat(id(delta.deleted().get(0))).isEqualTo(id(purchase));

        Snapshot again = fx.fullSync(ada);
        assertThat(again.purchases()).doesNotContainKey(id(purchase));
        assertThat(again.purchases()).hasSize(full.purchases().size() - 1);
        // The deleted record is gone for the actions too.
        assertThat(fx.refund(ada, id(purchase)).status()).isEqualTo(404);
    }

    @Test
    void aDeletedSubscriptionAppearsInDeleted() {
        Snapshot full = fx.fullSync(ada);
        JsonObject jpy = full.subscriptionTitled(ADA_ACTIVE_JPY);
        fx.deleteRecord(id(jpy));
        SyncPage delta = fx.syncPage(ada, full.cursor(), null);
        assertThat(delta.deleted()).hasSize(1);
        assertThat(delta.deleted().get(0).get("type").getAsString()).isEqualTo("subscription");
        assertThat(id(delta.deleted().get(0))).isEqualTo(id(jpy));
    }

    @Test
    void cursorsExpireOnTheControlSwitch() {
        String cursor = fx.fullSync(ada).cursor();
        fx.expireCursors();
        Response r = fx.get("/v1/sync?cursor=" + cursor, ada);
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.problemCode()).isEqualTo("cursor_expired");
        // Starting again without a cursor works, and its cursor is good.
        Snapshot again = fx.fullSync(ada);
        assertThat(again.purchases()).isNotEmpty();
        assertThat(fx.get("/v1/sync?cursor=" + again.cursor(), ada).status()).isEqualTo(200);
    }

    @Test
    void cursorsExpireAfterThirtyDays() {
        String cursor = fx.fullSync(ada).cursor();
        fx.advanceDays(29);
        ada = fx.signIn(ADA);
        assertThat(fx.get("/v1/sync?cursor=" + cursor, ada).status()).as("29 days old").isEqualTo(200);

        String fresh = fx.fullSync(ada).cursor();
        fx.advanceDays(2);
        ada = fx.signIn(ADA);
        Response r = fx.get("/v1/sync?cursor=" + cursor, ada);
        assertThat(r.status()).as("31 days old").isEqualTo(410);
        assertThat(r.problemCode()).isEqualTo("cursor_expired");
        assertThat(fx.get("/v1/sync?cursor=" + fresh, ada).status()).as("2 days old").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "abc.def", ".", "a.", "x.y.z", "%20", "AAAA.AAAA", "a%7Cb"})
    void aGarbageCursorIsInvalidRequest(String cursor) {
        Response r = fx.get("/v1/sync?cursor=" + cursor, ada);
        assertThat(r.status()).as(cursor).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void aTamperedCursorIsInvalidRequest() {
        String cursor = fx.fullSync(ada).cursor();
        int dot = cursor.indexOf('.');
        char last = cursor.charAt(dot - 1);
        String tampered = cursor.substring(0, dot - 1) + (last == 'A' ? 'B' : 'A') + cursor.substring(dot);
        Response r = fx.get("/v1/sync?cursor=" + tampered, ada);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void anotherAccountsCursorIsInvalidRequest() {
        String eve = fx.signIn(EVE);
        String eveCursor = fx.fullSync(eve).cursor();
        Response r = fx.get("/v1/sync?cursor=" + eveCursor, ada);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=100000", "limit=abc", "limit=-1", "limit=",
        "limit=1.5", "limit=99999999999", "foo=1", "cursor=", "limit=10&limit=20", "Limit=10", "limit=10&x"})
    void badQueryParametersAreInvalidRequest(String query) {
        Response r = fx.get("/v1/sync?" + query, ada);
        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void syncNeedsAToken() {
        Response r = fx.get("/v1/sync", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problemCode()).isEqualTo("invalid_token");
    }

    @Test
    void aFullPassHasNoDuplicateIds() {
        SyncPage whole = fx.syncPage(ada, null, 1000);
        Set<String> ids = new HashSet<>(whole.ids());
        assertThat(ids).hasSize(whole.size());
        assertThat(whole.deleted()).isEmpty();
    }

    @Test
    void recordsOutsideAsciiArriveIntactAndThePageIsValidUtf8() {
        Snapshot full = fx.fullSync(ada);
        String title = "Aprendizaje Automático — 機械学習 \uD83D\uDE80 \"quoted\" \\ back";
        Response added = fx.control("POST", "/_sandbox/accounts/" + ADA + "/purchases",
                "{\"title\":" + new com.google.gson.Gson().toJson(title) + ",\"amountMinor\":3900,\"currency\":\"EUR\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        Response raw = fx.get("/v1/sync?cursor=" + full.cursor(), ada);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.validUtf8()).isTrue();
        SyncPage delta = SyncPage.of(raw.json());
        assertThat(delta.purchases()).hasSize(1);
        assertThat(SandboxFixture.title(delta.purchases().get(0))).isEqualTo(title);
        assertThat(delta.hasMore()).isFalse();
    }
}
