package com.coursedesk.service.actions;

import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.db.ActionKind;
import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.BOB;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox over real HTTP: an action is performed once however often its answer is lost,
 * survives a restart of the app while the server is away, and a definite refusal is kept in
 * the history with the server's reason.
 */
class ActionOutboxTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;

    @BeforeEach
    void start() {
        fx = ServiceFixture.start(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static Subscription cancelableWebSubscription(AccountSession session) {
        return localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
    }

    private static ActionRecord action(AccountSession session, long id) {
        return session.actions().history().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    private static StoredSubscription storedSubscription(AccountSession session, String id) {
        return session.store().read(c -> new SubscriptionDao().findById(c, id)).orElseThrow();
    }

    /** Completes with the first status that ends a pass (not Syncing). */
    private static CompletableFuture<SyncStatus> nextPassEnd(AccountSession session) {
        CompletableFuture<SyncStatus> end = new CompletableFuture<>();
        session.sync().addListener(s -> {
            if (!(s instanceof SyncStatus.Syncing)) {
                end.complete(s);
            }
        });
        return end;
    }

    @Test
    void aLostResponseIsRetriedWithTheSameKeyAndActsExactlyOnce() throws Exception {
        // No retries inside the client: the lost answer ends the pass, as a dropped network would.
        SignInService service = fx.newSignInService(new InMemoryCredentialStore(), ServiceFixture.PAGE_LIMIT,
                RetryPolicy.none());
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Subscription before = cancelableWebSubscription(session);
        fx.faults("{\"dropResponseAfterActionNext\":1}");
        CompletableFuture<SyncStatus> firstPass = nextPassEnd(session);

        long id = session.actions().cancel(before.id(), CancelReason.TOO_EXPENSIVE, "Lost in transit");

        assertThat(firstPass.get(60, TimeUnit.SECONDS)).as("the answer never came")
                .isInstanceOf(SyncStatus.Offline.class);
        ActionRecord pending = action(session, id);
        assertThat(pending.state()).isEqualTo(ActionState.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).isNotBlank();
        assertThat(storedSubscription(session, before.id()).pendingActionId()).isEqualTo(id);
        // The server did act: the answer alone was lost.
        Subscription onServer = fx.serverState(ADA).subscriptions().get(before.id());
        assertThat(onServer.version()).isEqualTo(before.version() + 1);
        assertThat(onServer.canceledAt()).isNotNull();

        SyncStatus second = syncNow(session);

        assertThat(second).isInstanceOf(SyncStatus.Idle.class);
        ActionRecord done = action(session, id);
        assertThat(done.state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.idempotencyKey()).isEqualTo(pending.idempotencyKey());
        assertThat(done.serverStatus()).isEqualTo(200);
        Records server = fx.assertMatchesServer(session, ADA);
        Subscription after = server.subscriptions().get(before.id());
        assertThat(after.version()).as("exactly one effect").isEqualTo(before.version() + 1);
        assertThat(after.canceledAt()).isEqualTo(onServer.canceledAt());
        assertThat(after.cancelAtPeriodEnd()).isTrue();
        assertThat(after.nextPaymentAt()).isNull();
    }

    @Test
    void aLostResponseRetriedInsideTheClientAlsoActsOnce() throws Exception {
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Subscription before = cancelableWebSubscription(session);
        fx.faults("{\"dropResponseAfterActionNext\":1}");
        CompletableFuture<SyncStatus> pass = nextPassEnd(session);

        long id = session.actions().cancel(before.id(), null, null);

        assertThat(pass.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        ActionRecord done = action(session, id);
        assertThat(done.state()).isEqualTo(ActionState.CONFIRMED);
        Records server = fx.assertMatchesServer(session, ADA);
        assertThat(server.subscriptions().get(before.id()).version()).isEqualTo(before.version() + 1);
        assertThat(server.subscriptions().get(before.id()).canceledAt()).isNotNull();
    }

    @Test
    void anActionConfirmedWhileTheServerIsAwayStaysPendingAcrossARestartAndIsDeliveredLater() throws Exception {
        SignInService firstRun = fx.newSignInService(fx.fileCredentials());
        AccountSession session = fx.signIn(firstRun, ADA);
        SyncStatus synced = syncNow(session);
        assertThat(synced).isInstanceOf(SyncStatus.Idle.class);
        Instant lastSynced = synced.lastSyncedAt();
        assertThat(lastSynced).isNotNull();
        Subscription before = cancelableWebSubscription(session);

        fx.stopSandbox();
        CompletableFuture<SyncStatus> offline = nextPassEnd(session);
        long id = session.actions().cancel(before.id(), CancelReason.FINISHED_LEARNING, "Done, thanks");
        assertThat(offline.get(60, TimeUnit.SECONDS)).isEqualTo(new SyncStatus.Offline(lastSynced));
        assertThat(session.sync().status()).isEqualTo(new SyncStatus.Offline(lastSynced));
        String key = action(session, id).idempotencyKey();
        assertThat(action(session, id).state()).isEqualTo(ActionState.PENDING);
        session.close();

        // The app starts again, still offline.
        SignInService secondRun = fx.newSignInService(fx.fileCredentials());
        KnownAccount known = secondRun.knownAccounts().stream().filter(a -> a.email().equals(ADA)).findFirst()
                .orElseThrow();
        assertThat(known.lastSyncedAt()).isEqualTo(lastSynced);
        AccountSession offlineSession = fx.track(secondRun.open(known));
        assertThat(offlineSession.actions().openCount()).isEqualTo(1);
        assertThat(storedSubscription(offlineSession, before.id()).pendingActionId()).isEqualTo(id);
        assertThat(localState(offlineSession.store()).subscriptions().get(before.id())).isEqualTo(before);
        assertThat(syncNow(offlineSession)).isEqualTo(new SyncStatus.Offline(lastSynced));
        assertThat(action(offlineSession, id).state()).isEqualTo(ActionState.PENDING);
        offlineSession.close();

        // The server comes back (same data, new port) and the app starts once more.
        fx.restartSandbox();
        SignInService thirdRun = fx.newSignInService(fx.fileCredentials());
        AccountSession online = fx.track(thirdRun.open(known));
        SyncStatus end = syncNow(online);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(end.lastSyncedAt()).isAfterOrEqualTo(lastSynced);
        ActionRecord done = action(online, id);
        assertThat(done.state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(done.idempotencyKey()).isEqualTo(key);
        Records server = fx.assertMatchesServer(online, ADA);
        Subscription after = server.subscriptions().get(before.id());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.cancelAtPeriodEnd()).isTrue();
        assertThat(after.canceledAt()).isNotNull();
    }

    @Test
    void aDeclinedRestartIsRefusedWithTheServersReasonKeptInTheHistory() throws Exception {
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        AccountSession session = fx.signIn(service, BOB);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Subscription canceled = localState(session.store()).subscriptions().values().stream()
                .filter(s -> s.status() == SubscriptionStatus.CANCELED && s.isRestartable()).findFirst().orElseThrow();
        CompletableFuture<SyncStatus> pass = nextPassEnd(session);
        Instant asked = Instant.now();

        long id = session.actions().restart(canceled.id());

        assertThat(storedSubscription(session, canceled.id()).pendingActionId()).isIn(id, null);
        assertThat(pass.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        ActionRecord refused = action(session, id);
        assertThat(refused.state()).isEqualTo(ActionState.REFUSED);
        assertThat(refused.kind()).isEqualTo(ActionKind.RESTART);
        assertThat(refused.targetType()).isEqualTo(RecordType.SUBSCRIPTION);
        assertThat(refused.targetId()).isEqualTo(canceled.id());
        assertThat(refused.createdAt()).isBetween(asked.minusSeconds(1), Instant.now());
        assertThat(refused.idempotencyKey()).isEqualTo(fx.issuedKeys().get(fx.issuedKeys().size() - 1));
        assertThat(refused.serverStatus()).isEqualTo(402);
        assertThat(refused.serverCode()).isEqualTo("payment_failed");
        assertThat(refused.serverDetail()).isNotBlank();
        assertThat(refused.answeredAt()).isNotNull();
        assertThat(storedSubscription(session, canceled.id()).pendingActionId()).as("pending mark gone").isNull();
        assertThat(session.actions().latestFor(RecordType.SUBSCRIPTION, canceled.id())).contains(refused);
        Records server = fx.assertMatchesServer(session, BOB);
        assertThat(server.subscriptions().get(canceled.id())).as("nothing changed").isEqualTo(canceled);
    }

    @Test
    void aRefundAskedAfterItsWindowIsRefusedNotRefundable() throws Exception {
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Purchase recent = localState(session.store()).purchases().values().stream()
                .filter(p -> p.kind() == PurchaseKind.ONE_TIME && p.isRefundable(Instant.now()))
                .findFirst().orElseThrow();
        // The window closes on the server before the request gets there.
        fx.advanceDays(15);
        CompletableFuture<SyncStatus> pass = nextPassEnd(session);

        long id = session.actions().requestRefund(recent.id(), "  Not what I expected.  ");

        assertThat(pass.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        ActionRecord refused = action(session, id);
        assertThat(refused.state()).isEqualTo(ActionState.REFUSED);
        assertThat(refused.kind()).isEqualTo(ActionKind.REFUND);
        assertThat(refused.targetId()).isEqualTo(recent.id());
        JsonObject asked = JsonParser.parseString(refused.requestJson()).getAsJsonObject();
        assertThat(asked.get("reason").getAsString()).isEqualTo("Not what I expected.");
        assertThat(refused.serverStatus()).isEqualTo(409);
        assertThat(refused.serverCode()).isEqualTo("not_refundable");
        assertThat(refused.serverDetail()).isNotBlank();
        StoredPurchase stored = session.store().read(c -> new PurchaseDao().findById(c, recent.id())).orElseThrow();
        assertThat(stored.hasPendingAction()).isFalse();
        assertThat(stored.purchase().status()).isEqualTo(PurchaseStatus.PAID);
        fx.assertMatchesServer(session, ADA);
    }
}
