package com.coursedesk.service.sync;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.data.db.ActionState;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.PurchaseQuery;
import com.coursedesk.data.db.SearchText;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.PAGE_LIMIT;
import static com.coursedesk.service.ServiceFixture.SCALE;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/** The sync engine's own rules: one pass at a time, a clean stop, and actions sent at once. */
class SyncEngineTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private SignInService service;

    @BeforeEach
    void start() {
        fx = ServiceFixture.start(dir);
        service = fx.newSignInService(new InMemoryCredentialStore());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void twoSyncNowCallsAtOnceShareOnePass() throws Exception {
        AccountSession session = fx.signIn(service, ADA);
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        session.sync().addListener(seen::add);
        fx.faults("{\"delayMillis\":100}");

        CompletableFuture<SyncStatus> first = session.sync().syncNow();
        CompletableFuture<SyncStatus> second = session.sync().syncNow();

        assertThat(second).isSameAs(first);
        assertThat(first.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(seen.stream().filter(s -> s instanceof SyncStatus.Syncing sy && sy.total() == -1).count())
                .as("passes started").isEqualTo(1);
        assertThat(seen.stream().filter(SyncStatus.Idle.class::isInstance).count()).as("passes ended").isEqualTo(1);
        // Once it has ended, a new call starts a new pass.
        CompletableFuture<SyncStatus> third = session.sync().syncNow();
        assertThat(third).isNotSameAs(first);
        assertThat(third.get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        fx.assertMatchesServer(session, ADA);
    }

    @Test
    void aDelayedStartWaitsForItsFirstPassButSyncNowDoesNot() throws Exception {
        AccountSession session = fx.signIn(service, ADA);
        List<Long> passStarts = new CopyOnWriteArrayList<>();
        session.sync().addListener(s -> {
            if (s instanceof SyncStatus.Syncing sy && sy.total() == -1) {
                passStarts.add(System.nanoTime());
            }
        });

        long started = System.nanoTime();
        session.sync().start(Duration.ofMillis(700));
        Thread.sleep(300);
        assertThat(passStarts).as("no pass within the delay").isEmpty();
        waitUntil(() -> passStarts.size() == 1);
        assertThat(Duration.ofNanos(passStarts.get(0) - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        waitUntil(() -> session.sync().status() instanceof SyncStatus.Idle);

        // "Sync now" is never delayed. (A call in the instant the first pass is ending shares
        // that pass, as two calls do: asked again until a pass of its own has run.)
        long asked = System.nanoTime();
        while (passStarts.size() < 2) {
            asked = System.nanoTime();
            assertThat(session.sync().syncNow().get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);
        }
        assertThat(passStarts).hasSize(2);
        assertThat(Duration.ofNanos(passStarts.get(1) - asked)).isLessThan(Duration.ofMillis(700));
        fx.assertMatchesServer(session, ADA);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void closeDuringASlowSyncReturnsPromptlyAndLeavesTheStoreConsistent() throws Exception {
        AccountSession session = fx.signIn(service, SCALE);
        CountDownLatch firstPage = new CountDownLatch(1);
        session.sync().addListener(s -> {
            if (s instanceof SyncStatus.Syncing sy && sy.done() > 0) {
                firstPage.countDown();
            }
        });
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"delayMillis\":400}");
        CompletableFuture<SyncStatus> pass = session.sync().syncNow();
        assertThat(firstPage.await(30, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        session.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("close() waits for no page").isLessThan(Duration.ofSeconds(3));
        assertThat(pass).isDone();
        Path storeFile = session.store().file();
        assertThat(ServiceFixture.integrityCheck(storeFile)).isEqualTo("ok");

        KnownAccount known = service.knownAccounts().get(0);
        AccountSession reopened = fx.track(service.open(known));
        assertThat(reopened.storeWasRecovered()).isFalse();
        Records partial = localState(reopened.store());
        assertThat(partial.size()).as("whole pages only").isPositive();
        assertThat(partial.size() % PAGE_LIMIT).as("whole pages only").isZero();

        assertThat(syncNow(reopened)).isInstanceOf(SyncStatus.Idle.class);
        fx.assertMatchesServer(reopened, SCALE);
    }

    @Test
    void anActionQueuedWhileAPassIsRunningIsSentWithoutWaitingForTheNextPeriod() throws Exception {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Subscription target = localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
        AtomicLong actionId = new AtomicLong(-1);
        // The learner confirms a cancellation while the next pass is pulling pages, after it
        // has already sent the outbox.
        session.sync().addListener(s -> {
            if (s instanceof SyncStatus.Syncing sy && sy.done() > 0 && actionId.get() < 0) {
                actionId.set(session.actions().cancel(target.id(), CancelReason.NOT_USING, null));
            }
        });
        fx.expireCursors();

        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(actionId.get()).isPositive();

        ActionRecord action = awaitFinal(session, actionId.get(), Duration.ofSeconds(10));
        assertThat(action.state()).isEqualTo(ActionState.CONFIRMED);
        // Let any follow-up pass end before comparing.
        syncNow(session);
        fx.assertMatchesServer(session, ADA);
    }

    static ActionRecord awaitFinal(AccountSession session, long actionId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ActionRecord action = session.actions().history().stream().filter(a -> a.id() == actionId)
                    .findFirst().orElseThrow();
            if (!action.state().isOpen() || System.nanoTime() > deadline) {
                return action;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFirstSyncEndsBeforeItsSearchIndexIsFilledAndSearchesFindTheSameBeforeAndAfter() throws Exception {
        AccountSession session = fx.signIn(service, ADA);
        PurchaseDao purchases = new PurchaseDao();
        long generationBefore = session.store().read(purchases::generation);

        assertThat(session.sync().syncNow().get(60, TimeUnit.SECONDS)).isInstanceOf(SyncStatus.Idle.class);

        assertThat(session.store().read(purchases::generation)).as("the screen reads the history again")
                .isNotEqualTo(generationBefore);
        List<StoredPurchase> all = session.store().read(purchases::findAll);
        assertThat(all).isNotEmpty();
        String word = all.get(0).purchase().product().title().split(" ")[0];
        List<String> expected = all.stream()
                .filter(p -> SearchText.fold(p.purchase().product().title() + "\n" + p.purchase().product().partner()
                        + "\n" + p.purchase().receiptNumber()).contains(SearchText.fold(word)))
                .map(p -> p.purchase().id()).toList();
        // Right after the pass, without the index (it is filled a moment later):
        assertThat(session.store().read(SyncStateDao::isSearchIndexReady)).isFalse();
        List<String> atOnce = session.store().read(c -> purchases.searchIds(c, PurchaseQuery.all().withText(word)));
        assertThat(atOnce).containsExactlyInAnyOrderElementsOf(expected);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!session.store().read(SyncStateDao::isSearchIndexReady) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(session.store().read(SyncStateDao::isSearchIndexReady)).isTrue();
        List<String> indexed = session.store().read(c -> purchases.searchIds(c, PurchaseQuery.all().withText(word)));
        assertThat(indexed).containsExactlyInAnyOrderElementsOf(expected);
    }
}
