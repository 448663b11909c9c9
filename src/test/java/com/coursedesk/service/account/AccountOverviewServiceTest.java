package com.coursedesk.service.account;

import com.coursedesk.data.db.ActionState;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.UnusableServers;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/** The Account page's facts, read from a real session against the sandbox over HTTP. */
class AccountOverviewServiceTest {

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

    private AccountSession adaSynced(SignInService service) {
        AccountSession session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        return session;
    }

    private static Subscription cancelable(AccountSession session) {
        return localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
    }

    @Test
    void theProfileComesFromTheProviderAndTheKnownAccountWhenItCannotBeReached() {
        AccountSession session = adaSynced(fx.newSignInService(new InMemoryCredentialStore()));
        AccountOverviewService overview = new AccountOverviewService(session);

        ProfileLookup online = overview.profile();
        assertThat(online.isOnline()).isTrue();
        assertThat(online.fromServer().email()).isEqualTo(ADA);
        assertThat(online.fromServer().id()).isEqualTo(session.account().accountId());
        assertThat(online.fromServer().currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(online.fromServer().country()).isEqualTo("GB");

        fx.stopSandbox();
        ProfileLookup offline = overview.profile();
        assertThat(offline.isOnline()).isFalse();
        assertThat(offline.offline()).isEqualTo(ProfileLookup.Offline.UNREACHABLE);
        assertThat(offline.known().email()).isEqualTo(ADA);
    }

    @Test
    void aProviderCertificateThatCannotBeVerifiedIsReportedAsSuchNotAsUnreachable(@TempDir Path keys) {
        AtomicReference<URI> provider = new AtomicReference<>(fx.serverRef().uri());
        ServerConnector connector = ref -> ServiceFixture.client(provider.get(), ServiceFixture.FAST_RETRIES,
                fx.retryWaits());
        SignInService service = fx.newSignInService(connector, new InMemoryCredentialStore(), ServiceFixture.PAGE_LIMIT);
        AccountSession first = adaSynced(service);
        first.close();

        try (UnusableServers.Https untrusted = new UnusableServers.Https(UnusableServers.selfSigned(keys))) {
            provider.set(untrusted.uri());
            AccountSession session = fx.track(service.open(first.account()));

            ProfileLookup lookup = new AccountOverviewService(session).profile();

            assertThat(lookup.isOnline()).isFalse();
            assertThat(lookup.offline()).isEqualTo(ProfileLookup.Offline.UNTRUSTED_CERTIFICATE);
            assertThat(lookup.known().email()).isEqualTo(ADA);
            assertThat(untrusted.requests()).as("nothing was asked over the unverified connection").isZero();
        }
    }

    @Test
    void aSessionWhoseSignInVanishedIsReportedEnded() {
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        AccountSession session = adaSynced(fx.newSignInService(credentials));
        credentials.delete(session.account().credentialKey());
        fx.expireTokens();
        assertThat(new AccountOverviewService(session).profile().offline())
                .isEqualTo(ProfileLookup.Offline.SESSION_ENDED);
    }

    @Test
    void aLocalCopyOpenedAfterSigningOutIsReportedSignedOut() {
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        AccountSession session = adaSynced(service);
        service.signOut(session);

        AccountSession opened = fx.track(service.open(session.account()));

        ProfileLookup lookup = new AccountOverviewService(opened).profile();
        assertThat(lookup.offline()).isEqualTo(ProfileLookup.Offline.SIGNED_OUT);
        assertThat(lookup.known().email()).isEqualTo(ADA);
    }

    @Test
    void storageNamesTheStoreFileItsSizeAndTheLastSyncServerTime() throws Exception {
        AccountSession session = fx.signIn(fx.newSignInService(new InMemoryCredentialStore()), ADA);
        AccountOverviewService overview = new AccountOverviewService(session);
        StorageInfo before = overview.storage();
        assertThat(before.storeFile()).isEqualTo(session.store().file());
        assertThat(before.lastSyncServerTime()).isNull();
        assertThat(before.recovered()).isFalse();
        assertThat(before.movedAsideTo()).isNull();

        SyncStatus synced = syncNow(session);
        StorageInfo after = overview.storage();
        assertThat(after.lastSyncServerTime()).isEqualTo(synced.lastSyncedAt()).isNotNull();
        assertThat(before.sizeBytes()).isPositive();
        // The database file plus its write-ahead log, where recent writes live in WAL mode.
        assertThat(after.sizeBytes()).isGreaterThanOrEqualTo(Files.size(session.store().file()));
    }

    @Test
    void aDamagedCopyIsReportedWithWhereItWasKept() throws Exception {
        SignInService service = fx.newSignInService(fx.fileCredentials());
        AccountSession first = adaSynced(service);
        Path file = first.store().file();
        first.close();
        Files.write(file, "this is not a database, it is damage".repeat(200).getBytes());
        for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }

        AccountSession reopened = fx.track(fx.newSignInService(fx.fileCredentials())
                .open(service.knownAccounts().get(0)));
        StorageInfo storage = new AccountOverviewService(reopened).storage();
        assertThat(storage.recovered()).isTrue();
        assertThat(storage.movedAsideTo()).isNotNull();
        assertThat(Files.exists(storage.movedAsideTo())).isTrue();
    }

    @Test
    void credentialsSayWhetherTheSystemStoreOrAFallbackKeepsTheSignIn() {
        AccountSession session = fx.signIn(fx.newSignInService(fx.fileCredentials()), ADA);
        CredentialInfo info = new AccountOverviewService(session).credentials();
        assertThat(info.operatingSystem()).isFalse();
        assertThat(info.description()).contains(fx.dataDir().resolve("credentials").toString());
    }

    @Test
    void historyNamesEachActionsRecordEvenAfterTheProviderDeletedIt() {
        AccountSession session = adaSynced(fx.newSignInService(new InMemoryCredentialStore()));
        Subscription target = cancelable(session);
        long id = session.actions().cancel(target.id(), null, null);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);

        AccountOverviewService overview = new AccountOverviewService(session);
        List<ActionEntry> history = overview.history();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).action().id()).isEqualTo(id);
        assertThat(history.get(0).action().state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(history.get(0).targetTitle()).isEqualTo(target.product().title());

        // Gone from the provider and so from the local copy: the stored answer still names it.
        fx.deleteRecord(target.id());
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        assertThat(localState(session.store()).subscriptions()).doesNotContainKey(target.id());
        assertThat(overview.history().get(0).targetTitle()).isEqualTo(target.product().title());
    }

    @Test
    void titleInAnswerReadsOnlyAWellFormedTitle() {
        assertThat(AccountOverviewService.titleInAnswer("{\"type\":\"subscription\",\"title\":\"Álgebra\"}"))
                .isEqualTo("Álgebra");
        assertThat(AccountOverviewService.titleInAnswer(null)).isNull();
        assertThat(AccountOverviewService.titleInAnswer("{\"title\":{\"x\":1}}")).isNull();
        assertThat(AccountOverviewService.titleInAnswer("not json {")).isNull();
        assertThat(AccountOverviewService.titleInAnswer("[1,2]")).isNull();
    }
}
