package com.coursedesk.service.sync;

import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.SyncState;
import com.coursedesk.domain.Purchase;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.PAGE_LIMIT;
import static com.coursedesk.service.ServiceFixture.SCALE;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static com.coursedesk.service.ServiceFixture.syncState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each sync ends with the local records equal to the server's, field by field, whatever the
 * network and the server do on the way (the sandbox's fault switches, over real HTTP).
 */
class SyncUnderFaultsTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private InMemoryCredentialStore credentials;
    private SignInService service;

    @BeforeEach
    void start() {
        fx = ServiceFixture.start(dir);
        credentials = new InMemoryCredentialStore();
        service = fx.newSignInService(credentials);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** Every status a session publishes, in order. */
    private static List<SyncStatus> record(AccountSession session) {
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        session.sync().addListener(seen::add);
        return seen;
    }

    @Test
    void aConnectionDroppedMidPageIsRetriedAndTheSyncCompletes() {
        AccountSession session = fx.signIn(service, SCALE);
        AtomicInteger pagesApplied = new AtomicInteger();
        session.sync().addListener(status -> {
            // After the first page is applied, the next two page requests lose their connection
            // halfway through the body.
            if (status instanceof SyncStatus.Syncing s && s.done() > 0 && pagesApplied.incrementAndGet() == 1) {
                fx.faults("{\"pathPrefix\":\"/v1/sync\",\"dropConnectionNext\":2}");
            }
        });

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(pagesApplied.get()).as("pages applied").isGreaterThan(3);
        assertThat(fx.retryWaits()).as("the two dropped requests were retried").hasSizeGreaterThanOrEqualTo(2);
        fx.assertMatchesServer(session, SCALE);
    }

    @ParameterizedTest(name = "failure status {0}")
    @ValueSource(ints = {500, 503, 429})
    void aStormOfServerErrorsIsRiddenOut(int status) {
        AccountSession session = fx.signIn(service, SCALE);
        // Three in ten requests fail at random, and the next two for sure.
        fx.faults("{\"failureRate\":0.3,\"failNext\":2,\"failureStatus\":" + status + ",\"retryAfterSeconds\":0}");

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(fx.retryWaits()).as("failed requests were retried").hasSizeGreaterThanOrEqualTo(2);
        fx.assertMatchesServer(session, SCALE);
    }

    @Test
    void aStormInADeltaSyncAfterServerChangesStillConverges() {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Records first = localState(session.store());
        fx.newPurchase(ADA, "Storm-proof Statistics", 3900, "GBP");
        String deleted = first.purchases().keySet().iterator().next();
        fx.deleteRecord(deleted);
        fx.faults("{\"failureRate\":0.3,\"failNext\":3,\"failureStatus\":503,\"retryAfterSeconds\":0}");

        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);

        Records server = fx.assertMatchesServer(session, ADA);
        assertThat(server.purchases().values()).extracting(p -> p.product().title())
                .contains("Storm-proof Statistics");
        assertThat(localState(session.store()).purchases()).doesNotContainKey(deleted);
    }

    @Test
    void malformedJsonOnceFailsThePassChangingNothingAndTheNextPassCompletes() {
        AccountSession session = fx.signIn(service, ADA);
        SyncStatus first = syncNow(session);
        assertThat(first).isInstanceOf(SyncStatus.Idle.class);
        fx.newPurchase(ADA, "Malformed Answers 101", 4500, "GBP");
        Records before = localState(session.store());
        SyncState stateBefore = syncState(session.store());
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"malformedJsonNext\":1}");

        SyncStatus failed = syncNow(session);

        assertThat(failed).isInstanceOfSatisfying(SyncStatus.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(SyncStatus.Reason.BAD_RESPONSE));
        assertThat(failed.lastSyncedAt()).as("last sync time kept").isEqualTo(first.lastSyncedAt());
        Records after = localState(session.store());
        ServiceFixture.assertEqual(after, before);
        assertThat(syncState(session.store())).as("sync state unchanged").isEqualTo(stateBefore);

        SyncStatus next = syncNow(session);

        assertThat(next).isInstanceOf(SyncStatus.Idle.class);
        Records server = fx.assertMatchesServer(session, ADA);
        assertThat(server.purchases().values()).extracting(p -> p.product().title())
                .contains("Malformed Answers 101");
    }

    @Test
    void malformedJsonOnTheVeryFirstPageLeavesAnEmptyStoreThenTheNextPassFillsIt() {
        fx.faults("{\"pathPrefix\":\"/v1/sync\",\"malformedJsonNext\":1}");
        AccountSession session = fx.signIn(service, SCALE);

        assertThat(syncNow(session)).isInstanceOfSatisfying(SyncStatus.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(SyncStatus.Reason.BAD_RESPONSE));
        assertThat(localState(session.store()).size()).isZero();
        assertThat(syncState(session.store()).cursor()).isNull();

        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        fx.assertMatchesServer(session, SCALE);
    }

    @Test
    void slowAnswersStillCompleteWithDeterminateProgress() {
        AccountSession session = fx.signIn(service, SCALE);
        List<SyncStatus> seen = record(session);
        fx.faults("{\"delayMillis\":60}");

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        Records server = fx.assertMatchesServer(session, SCALE);
        List<SyncStatus.Syncing> progress = seen.stream().filter(SyncStatus.Syncing.class::isInstance)
                .map(SyncStatus.Syncing.class::cast).filter(s -> s.done() > 0).toList();
        int expectedPages = (server.size() + PAGE_LIMIT - 1) / PAGE_LIMIT;
        assertThat(progress).as("one progress step per page").hasSize(expectedPages);
        assertThat(progress).allSatisfy(s -> assertThat(s.total()).isEqualTo(server.size()));
        List<Long> done = progress.stream().map(SyncStatus.Syncing::done).toList();
        assertThat(done).isSorted();
        assertThat(done.get(0)).isEqualTo(PAGE_LIMIT);
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(end);
    }

    @Test
    void tokenExpiryInTheMiddleOfALongSyncIsRefreshedSilently() {
        // Small pages: the sync fetches up to two pages ahead of the one it applies, and many
        // must still be asked for once the token has expired.
        SignInService smallPages = fx.newSignInService(credentials, 10, ServiceFixture.FAST_RETRIES);
        AccountSession session = fx.signIn(smallPages, SCALE);
        String key = session.account().credentialKey();
        String refreshBefore = credentials.read(key).orElseThrow();
        AtomicInteger syncingSeen = new AtomicInteger();
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing && syncingSeen.incrementAndGet() == 2) {
                fx.expireTokens();
            }
        });
        List<SyncStatus> seen = record(session);

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(seen).noneMatch(SyncStatus.SignedOut.class::isInstance);
        assertThat(syncingSeen.get()).as("several pages after the expiry").isGreaterThan(3);
        fx.assertMatchesServer(session, SCALE);
        String refreshAfter = credentials.read(key).orElseThrow();
        assertThat(refreshAfter).as("the rotated refresh token was stored").isNotEqualTo(refreshBefore);
        // The stored token is the live one: the server accepts it (this spends it, at the end).
        BillingApiClient api = ServiceFixture.client(fx.baseUri(), RetryPolicy.none(), new ArrayList<>());
        assertThat(api.refresh(refreshAfter).accessToken()).isNotBlank();
        assertThatThrownBy(() -> api.refresh(refreshBefore)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void anExpiredCursorMeansAFullPassThatRemovesWhatTheServerNoLongerHas() {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        Records first = localState(session.store());
        Instant fullPassBefore = syncState(session.store()).lastFullSyncStartedAt();

        // A row the server never had (it was deleted there while the cursor was stale, and its
        // tombstone is gone with the cursor).
        Purchase template = first.purchases().values().iterator().next();
        Purchase ghost = new Purchase("pur_local_only_ghost", template.kind(), template.product(),
                template.subscriptionId(), template.amount(), template.tax(), template.total(), template.channel(),
                template.status(), template.purchasedAt(), template.refundedAt(), template.refundableUntil(),
                "R-GHOST-0001", template.paymentMethod(), template.updatedAt(), 1);
        session.store().write(c -> {
            new PurchaseDao().upsertAll(c, List.of(ghost));
            return null;
        });
        assertThat(localState(session.store()).purchases()).containsKey(ghost.id());
        // And one the server deletes now.
        String deletedOnServer = first.purchases().keySet().stream().filter(id -> !id.equals(template.id()))
                .findFirst().orElseThrow();
        fx.deleteRecord(deletedOnServer);
        fx.expireCursors();

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        Records local = localState(session.store());
        assertThat(local.purchases()).doesNotContainKeys(ghost.id(), deletedOnServer);
        fx.assertMatchesServer(session, ADA);
        SyncState state = syncState(session.store());
        assertThat(state.fullPassInProgress()).isFalse();
        assertThat(state.lastFullSyncStartedAt()).as("a full pass ran").isAfter(fullPassBefore);
    }
}
