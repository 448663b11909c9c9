package com.coursedesk.service.sync;

import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.UnusableServers;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in account whose provider's certificate can no longer be verified (it expired, or
 * the address now reaches another host): the sync says so, not "offline", which would send the
 * learner to check a connection that works. The local copy and its last sync stay.
 */
class SyncUntrustedCertificateTest {

    @TempDir
    Path dir;
    @TempDir
    Path keys;

    private ServiceFixture fx;

    @BeforeEach
    void start() {
        fx = ServiceFixture.start(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aCertificateThatCannotBeVerifiedIsASyncFailureOfItsOwnNotOffline() {
        AtomicReference<URI> provider = new AtomicReference<>(fx.serverRef().uri());
        ServerConnector connector = ref -> ServiceFixture.client(provider.get(), ServiceFixture.FAST_RETRIES,
                fx.retryWaits());
        SignInService service = fx.newSignInService(connector, new InMemoryCredentialStore(), ServiceFixture.PAGE_LIMIT);
        AccountSession first = fx.signIn(service, ADA);
        SyncStatus synced = syncNow(first);
        assertThat(synced).isInstanceOf(SyncStatus.Idle.class);
        Instant lastSynced = synced.lastSyncedAt();
        first.close();

        try (UnusableServers.Https untrusted = new UnusableServers.Https(UnusableServers.selfSigned(keys))) {
            provider.set(untrusted.uri());
            AccountSession session = fx.track(service.open(first.account()));

            SyncStatus status = syncNow(session);

            assertThat(status).isInstanceOf(SyncStatus.Failed.class);
            assertThat(((SyncStatus.Failed) status).reason()).isEqualTo(SyncStatus.Reason.UNTRUSTED_CERTIFICATE);
            assertThat(status.lastSyncedAt()).isEqualTo(lastSynced);
            assertThat(untrusted.requests()).as("nothing was sent over the unverified connection").isZero();
        }
    }
}
