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

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "Last synced" is the server's time. A pass after one that reached the server takes it from
 * the feed's own answer (its HTTP {@code Date}) instead of a {@code /v1/health} round trip, and
 * so does a first pass; health is still asked first after a failure, with actions to send, or
 * when the answer's {@code Date} cannot be the server's time.
 */
class SyncServerTimeTest {

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
    void aPassAfterAReachablePassNeedsNoHealthCallAndRecordsTheServersTime() {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        // From now on /v1/health fails: a pass that asked it would end Failed.
        fx.faults("{\"pathPrefix\":\"/v1/health\",\"failureRate\":1,\"failureStatus\":500}");
        fx.newPurchase(ADA, "Bought on the web", 2900, "USD");

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(end.lastSyncedAt()).isCloseTo(fx.sandbox().now(), within(Duration.ofSeconds(5)));
        assertThat(localState(session.store()).purchases().values())
                .anySatisfy(p -> assertThat(p.product().title()).isEqualTo("Bought on the web"));
        fx.assertMatchesServer(session, ADA);
    }

    @Test
    void aFirstPassWithNothingToSendNeedsNoHealthCallEither() {
        // /v1/health fails from the start: a first pass that asked it would end Failed.
        fx.faults("{\"pathPrefix\":\"/v1/health\",\"failureRate\":1,\"failureStatus\":500}");
        AccountSession session = fx.signIn(service, ADA);

        SyncStatus end = syncNow(session);

        assertThat(end).isInstanceOf(SyncStatus.Idle.class);
        assertThat(end.lastSyncedAt()).isCloseTo(fx.sandbox().now(), within(Duration.ofSeconds(5)));
        fx.assertMatchesServer(session, ADA);
    }

    @Test
    void lastSyncedFollowsTheServersClockEvenWhenItRunsAheadOfItsDateHeader() {
        AccountSession session = fx.signIn(service, ADA);
        Instant first = syncNow(session).lastSyncedAt();
        // The sandbox's clock moves on; its HTTP server still stamps Date from the real clock.
        fx.advanceDays(3);
        Instant shifted = fx.sandbox().now();
        assertThat(shifted).isAfter(first.plus(Duration.ofDays(2)));

        fx.newPurchase(ADA, "Bought three days later", 2900, "USD");
        SyncStatus withChange = syncNow(session);
        assertThat(withChange).isInstanceOf(SyncStatus.Idle.class);
        assertThat(withChange.lastSyncedAt()).as("a record newer than Date: health says the time")
                .isCloseTo(fx.sandbox().now(), within(Duration.ofSeconds(5)));

        SyncStatus nothingNew = syncNow(session);
        assertThat(nothingNew.lastSyncedAt()).as("never earlier than the last sync")
                .isAfterOrEqualTo(withChange.lastSyncedAt())
                .isCloseTo(fx.sandbox().now(), within(Duration.ofSeconds(5)));
    }

    @Test
    void anUnreachableServerAfterAReachablePassEndsOfflineWithTheLastSyncKept() {
        AccountSession session = fx.signIn(service, ADA);
        Instant synced = syncNow(session).lastSyncedAt();
        fx.stopSandbox();

        SyncStatus end = syncNow(session);

        assertThat(end).isEqualTo(new SyncStatus.Offline(synced));
        assertThat(session.sync().status()).isEqualTo(new SyncStatus.Offline(synced));
    }
}
