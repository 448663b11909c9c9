package com.coursedesk.data.db;

import com.coursedesk.domain.PurchaseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.coursedesk.data.db.StoreTestData.T0;
import static com.coursedesk.data.db.StoreTestData.purchase;
import static com.coursedesk.data.db.StoreTestData.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionDaoTest {

    @TempDir
    Path dir;

    private LocalStore store;
    private final ActionDao dao = new ActionDao();
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store.db"));
        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("pur_1").build(), purchase("pur_2").build()));
            subscriptions.upsertAll(c, List.of(subscription("sub_1").build()));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long insert(ActionKind kind, String target, String key, Instant at) {
        return store.write(c -> dao.insertPending(c, new NewAction(kind, target, key, "{}", at)));
    }

    private ActionRecord action(long id) {
        return store.read(c -> dao.findById(c, id)).orElseThrow();
    }

    private Long purchaseMark(String id) {
        return store.read(c -> purchases.findById(c, id)).orElseThrow().pendingActionId();
    }

    private Long subscriptionMark(String id) {
        return store.read(c -> subscriptions.findById(c, id)).orElseThrow().pendingActionId();
    }

    @Test
    void storingAPendingActionMarksItsRecord() {
        long id = store.write(c -> dao.insertPending(c,
                new NewAction(ActionKind.REFUND, "pur_1", "idem-1", "{\"reason\":\"wrong course\"}", T0)));

        ActionRecord stored = action(id);
        assertThat(stored.kind()).isEqualTo(ActionKind.REFUND);
        assertThat(stored.targetType()).isEqualTo(RecordType.PURCHASE);
        assertThat(stored.targetId()).isEqualTo("pur_1");
        assertThat(stored.idempotencyKey()).isEqualTo("idem-1");
        assertThat(stored.requestJson()).isEqualTo("{\"reason\":\"wrong course\"}");
        assertThat(stored.state()).isEqualTo(ActionState.PENDING);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.attempts()).isZero();
        assertThat(purchaseMark("pur_1")).isEqualTo(id);
        assertThat(purchaseMark("pur_2")).isNull();
        Optional<ActionRecord> byKey = store.read(c -> dao.findByIdempotencyKey(c, "idem-1"));
        assertThat(byKey).map(ActionRecord::id).contains(id);
    }

    @Test
    void aFailedInsertLeavesNeitherActionNorMark() {
        insert(ActionKind.REFUND, "pur_1", "same-key", T0);
        // Same idempotency key: the UNIQUE constraint fails after nothing else was written.
        assertThatThrownBy(() -> insert(ActionKind.CANCEL, "sub_1", "same-key", T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("UNIQUE");
        assertThat(subscriptionMark("sub_1")).isNull();

        assertThatThrownBy(() -> insert(ActionKind.REFUND, "pur_unknown", "k2", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> insert(ActionKind.REFUND, "pur_1", "k3", T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has pending action");
        List<ActionRecord> history = store.read(dao::history);
        assertThat(history).extracting(ActionRecord::idempotencyKey).containsExactly("same-key");
    }

    @Test
    void aConfirmationClearsTheMarkInTheSameTransactionAsTheNewState() {
        long id = insert(ActionKind.REFUND, "pur_1", "k1", T0);
        store.write(c -> {
            dao.markSending(c, id, T0.plusSeconds(1));
            return null;
        });
        assertThat(action(id).state()).isEqualTo(ActionState.SENDING);
        assertThat(action(id).attempts()).isEqualTo(1);

        store.write(c -> {
            purchases.upsertAll(c, List.of(purchase("pur_1").status(PurchaseStatus.REFUNDED).refundedAt(T0)
                    .version(2).build()));
            dao.markConfirmed(c, id, new ActionAnswer(T0.plusSeconds(2), 200, null, null, "{\"id\":\"pur_1\"}",
                    T0.plusSeconds(3)));
            return null;
        });

        ActionRecord confirmed = action(id);
        assertThat(confirmed.state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(confirmed.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(confirmed.answeredAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(confirmed.serverStatus()).isEqualTo(200);
        assertThat(confirmed.resultJson()).isEqualTo("{\"id\":\"pur_1\"}");
        assertThat(confirmed.serverTime()).isEqualTo(T0.plusSeconds(3));
        StoredPurchase refunded = store.read(c -> purchases.findById(c, "pur_1")).orElseThrow();
        assertThat(refunded.pendingActionId()).isNull();
        assertThat(refunded.purchase().status()).isEqualTo(PurchaseStatus.REFUNDED);

        // A final action cannot change again.
        assertThatThrownBy(() -> store.write(c -> {
            dao.markSending(c, id, T0);
            return null;
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusalIsKeptWithTheServersReason() {
        long id = insert(ActionKind.CANCEL, "sub_1", "k1", T0);
        store.write(c -> {
            dao.markSending(c, id, T0);
            dao.returnToPending(c, id, "connect timed out");
            dao.markSending(c, id, T0.plusSeconds(60));
            dao.markRefused(c, id, new ActionAnswer(T0.plusSeconds(61), 409, "not_cancelable",
                    "already set to end", "{\"code\":\"not_cancelable\"}", null));
            return null;
        });
        ActionRecord refused = action(id);
        assertThat(refused.state()).isEqualTo(ActionState.REFUSED);
        assertThat(refused.attempts()).isEqualTo(2);
        assertThat(refused.lastError()).isEqualTo("connect timed out");
        assertThat(refused.serverStatus()).isEqualTo(409);
        assertThat(refused.serverCode()).isEqualTo("not_cancelable");
        assertThat(refused.serverDetail()).isEqualTo("already set to end");
        assertThat(subscriptionMark("sub_1")).isNull();

        // Once answered, the record can take a new action.
        long restart = insert(ActionKind.RESTART, "sub_1", "k2", T0.plusSeconds(100));
        assertThat(subscriptionMark("sub_1")).isEqualTo(restart);
    }

    @Test
    void historyIsNewestFirstAndOpenActionsOldestFirst() {
        long first = insert(ActionKind.REFUND, "pur_1", "k1", T0);
        long second = insert(ActionKind.CANCEL, "sub_1", "k2", T0.plusSeconds(10));
        long third = insert(ActionKind.REFUND, "pur_2", "k3", T0.plusSeconds(20));
        store.write(c -> {
            dao.markSending(c, first, T0);
            dao.markFailed(c, second, new ActionAnswer(T0, 400, "invalid_request", "bad body", null, null));
            return null;
        });

        List<ActionRecord> history = store.read(dao::history);
        assertThat(history).extracting(ActionRecord::id).containsExactly(third, second, first);
        List<ActionRecord> open = store.read(dao::openOldestFirst);
        assertThat(open).extracting(ActionRecord::id).containsExactly(first, third);
        assertThat(open).extracting(ActionRecord::state).containsExactly(ActionState.SENDING, ActionState.PENDING);
        List<ActionRecord> ofPurchase = store.read(c -> dao.historyOf(c, RecordType.PURCHASE, "pur_2"));
        assertThat(ofPurchase).extracting(ActionRecord::id).containsExactly(third);
    }

    @Test
    void actionsOutliveTheirRecords() {
        long id = insert(ActionKind.REFUND, "pur_1", "k1", T0);
        store.write(c -> purchases.deleteByIds(c, List.of("pur_1")));
        assertThat(action(id).targetId()).isEqualTo("pur_1");
    }
}
