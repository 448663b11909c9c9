package com.coursedesk.service.sync;

import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.SCALE;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the provider asks a sync to wait (429 or 503 with {@code Retry-After}, the sandbox's
 * fault switches over real HTTP), the engine says until when, on whichever thread waits; the
 * retry takes the wait back, and the pass ends as usual with nothing of the wait left over.
 * (The fixture's clients are told the wait but sleep 5 ms of it; the faults are lifted as the
 * wait is told, so the retry succeeds.)
 */
class SyncRetryAfterTest {

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
    void aBusyProviderIsWaitedForInTheOpenThenThePassEndsUpToDate() {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        fx.newPurchase(ADA, "Patience 101", 3900, "GBP");
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean lifted = new AtomicBoolean();
        session.sync().addListener(status -> {
            seen.add(status);
            if (status instanceof SyncStatus.Syncing s && s.retryAt() != null && lifted.compareAndSet(false, true)) {
                fx.clearFaults();
            }
        });
        fx.faults("{\"failureRate\":1.0,\"failureStatus\":503,\"retryAfterSeconds\":2}");

        Instant before = Instant.now();
        SyncStatus end = syncNow(session);
        Instant after = Instant.now();

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(session.sync().status()).isEqualTo(end);
        assertThat(fx.retryWaits()).contains(Duration.ofSeconds(2));
        int waiting = indexOfWait(seen);
        assertThat(waiting).as("a status saying until when the pass waits: %s", seen).isNotNegative();
        Instant retryAt = ((SyncStatus.Syncing) seen.get(waiting)).retryAt();
        assertThat(retryAt).isBetween(before.plusSeconds(2), after.plusSeconds(2));
        assertThat(seen.get(waiting + 1)).as("the retry starts: syncing again, no wait")
                .isInstanceOfSatisfying(SyncStatus.Syncing.class, s -> assertThat(s.retryAt()).isNull());
        assertThat(seen.get(seen.size() - 1)).as("the last status is the end").isEqualTo(end);
        assertThat(seen.subList(waiting + 1, seen.size())).as("no wait told after the retry started")
                .noneMatch(SyncRetryAfterTest::waits);
    }

    @Test
    void aWaitOnAThreadFetchingAheadIsToldAndNothingOfItOutlivesThePass() {
        // Small pages: many pages are still to come when the first is applied.
        AccountSession session = fx.signIn(fx.newSignInService(new InMemoryCredentialStore(), 10,
                ServiceFixture.FAST_RETRIES), SCALE);
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        List<String> waitingThreads = new CopyOnWriteArrayList<>();
        AtomicInteger pagesApplied = new AtomicInteger();
        session.sync().addListener(status -> {
            seen.add(status);
            if (waits(status)) {
                waitingThreads.add(Thread.currentThread().getName());
            }
            // After the first page is applied, the next page asked for (ahead) is told to wait.
            if (status instanceof SyncStatus.Syncing s && s.done() > 0 && pagesApplied.incrementAndGet() == 1) {
                fx.faults("{\"pathPrefix\":\"/v1/sync\",\"failNext\":1,\"failureStatus\":429,\"retryAfterSeconds\":1}");
            }
        });

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(waitingThreads).as("the wait was told by the thread fetching ahead")
                .hasSize(1).allMatch(name -> name.startsWith("coursedesk-sync-fetch-"));
        int waiting = indexOfWait(seen);
        assertThat(seen.subList(waiting + 1, seen.size())).noneMatch(SyncRetryAfterTest::waits);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(end);
        assertThat(session.sync().status()).isEqualTo(end);
        fx.assertMatchesServer(session, SCALE);
    }

    private static boolean waits(SyncStatus status) {
        return status instanceof SyncStatus.Syncing s && s.retryAt() != null;
    }

    private static int indexOfWait(List<SyncStatus> seen) {
        for (int i = 0; i < seen.size(); i++) {
            if (waits(seen.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
