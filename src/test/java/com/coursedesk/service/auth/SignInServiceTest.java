package com.coursedesk.service.auth;

import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.sync.SyncStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.KENJI;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Signing in and out against the sandbox over HTTP. */
class SignInServiceTest {

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

    private static boolean allZero(char[] chars) {
        for (char c : chars) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }

    @Test
    void aSuccessfulSignInStoresOnlyTheRefreshTokenAndWipesThePassword() {
        char[] password = ServiceFixture.password(ADA).toCharArray();

        AccountSession session = fx.track(service.signIn(fx.serverRef(), "  " + ADA + " ", password));

        assertThat(allZero(password)).as("password wiped").isTrue();
        assertThat(session.account().email()).isEqualTo(ADA);
        assertThat(session.tokens().hasStoredSession()).isTrue();
        String stored = credentials.read(session.account().credentialKey()).orElseThrow();
        assertThat(stored).isNotBlank().doesNotContain(ServiceFixture.password(ADA));
        assertThat(service.knownAccounts()).extracting(a -> a.email()).containsExactly(ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
    }

    @Test
    void aWrongPasswordIsWrongCredentialsAndIsWiped() {
        char[] password = "not-the-password".toCharArray();

        SignInException e = catchThrowableOfType(SignInException.class,
                () -> service.signIn(fx.serverRef(), ADA, password));

        assertThat(e.reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
        assertThat(allZero(password)).isTrue();
        assertThat(service.knownAccounts()).isEmpty();
    }

    @Test
    void tooManyWrongPasswordsAreRateLimitedWithAWait() {
        SignInException limited = null;
        int attempts = 0;
        while (limited == null && attempts < 10) {
            attempts++;
            SignInException e = catchThrowableOfType(SignInException.class,
                    () -> service.signIn(fx.serverRef(), KENJI, "wrong-password".toCharArray()));
            if (e.reason() == SignInException.Reason.RATE_LIMITED) {
                limited = e;
            } else {
                assertThat(e.reason()).isEqualTo(SignInException.Reason.WRONG_CREDENTIALS);
            }
        }
        assertThat(limited).as("rate limited within 10 attempts").isNotNull();
        assertThat(attempts).isEqualTo(6);
        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        // Even the right password waits now.
        SignInException stillLimited = catchThrowableOfType(SignInException.class,
                () -> service.signIn(fx.serverRef(), KENJI, ServiceFixture.password(KENJI).toCharArray()));
        assertThat(stillLimited.reason()).isEqualTo(SignInException.Reason.RATE_LIMITED);
    }

    @Test
    void aServerThatCannotBeReachedIsUnreachable() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        ServerRef dead = ServerRef.ofUrl("http://127.0.0.1:" + deadPort);
        SignInService direct = fx.newSignInService(
                server -> ServiceFixture.client(server.uri(), ServiceFixture.FAST_RETRIES, new ArrayList<>()),
                credentials, ServiceFixture.PAGE_LIMIT);
        char[] password = ServiceFixture.password(ADA).toCharArray();

        SignInException e = catchThrowableOfType(SignInException.class, () -> direct.signIn(dead, ADA, password));

        assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE);
        assertThat(allZero(password)).isTrue();
    }

    @Test
    void aPlainHttpAddressOfAnotherHostIsRefusedBeforeAnythingIsSent() {
        AtomicInteger connects = new AtomicInteger();
        SignInService direct = fx.newSignInService(server -> {
            connects.incrementAndGet();
            return BillingApiClient.builder(server.uri()).build();
        }, credentials, ServiceFixture.PAGE_LIMIT);
        char[] password = ServiceFixture.password(ADA).toCharArray();

        SignInException e = catchThrowableOfType(SignInException.class,
                () -> direct.signIn(new ServerRef("http://billing.example.com"), ADA, password));

        assertThat(e.reason()).isEqualTo(SignInException.Reason.INVALID_INPUT);
        assertThat(allZero(password)).isTrue();
        assertThat(connects.get()).isEqualTo(1);
        assertThat(direct.knownAccounts()).isEmpty();
    }

    @Test
    void signOutRevokesTheSessionOnTheServerAndForgetsTheToken() {
        AccountSession session = fx.signIn(service, ADA);
        String key = session.account().credentialKey();
        String refreshToken = credentials.read(key).orElseThrow();

        service.signOut(session);

        assertThat(credentials.read(key)).isEmpty();
        assertThat(session.store().isClosed()).isTrue();
        BillingApiClient api = ServiceFixture.client(fx.baseUri(), RetryPolicy.none(), new ArrayList<>());
        assertThatThrownBy(() -> api.refresh(refreshToken)).isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.status()).isEqualTo(401));
        // The local copy stays on the computer; opening it says the learner signed out (nothing ended on them).
        AccountSession reopened = fx.track(service.open(service.knownAccounts().get(0)));
        assertThat(reopened.tokens().hasStoredSession()).isFalse();
        assertThat(syncNow(reopened)).isInstanceOfSatisfying(SyncStatus.SignedOut.class,
                out -> assertThat(out.reason()).isEqualTo(SignedOutException.Reason.SIGNED_OUT));
    }

    @Test
    void anAccountReopenedWithoutItsSavedSignInHasHadItsSessionEnd() {
        AccountSession session = fx.signIn(service, ADA);
        SyncStatus synced = syncNow(session);
        session.close();
        // The learner did not sign out, but the credential store lost the token between runs.
        credentials.delete(session.account().credentialKey());

        AccountSession reopened = fx.track(service.reopen(service.knownAccounts().get(0)));

        assertThat(syncNow(reopened)).isEqualTo(
                new SyncStatus.SignedOut(SignedOutException.Reason.SESSION_ENDED, synced.lastSyncedAt()));
    }

    @Test
    void aSavedSignInThatVanishesWhileInUseHasEnded() {
        AccountSession session = fx.signIn(service, ADA);
        SyncStatus synced = syncNow(session);
        credentials.delete(session.account().credentialKey());
        fx.expireTokens();

        assertThat(syncNow(session)).isEqualTo(
                new SyncStatus.SignedOut(SignedOutException.Reason.SESSION_ENDED, synced.lastSyncedAt()));
    }

    @Test
    void signingOutOfAnOpenSessionIsSignedOutNotEnded() {
        AccountSession session = fx.signIn(service, ADA);
        SyncStatus synced = syncNow(session);

        session.tokens().signOut();

        assertThat(syncNow(session)).isEqualTo(
                new SyncStatus.SignedOut(SignedOutException.Reason.SIGNED_OUT, synced.lastSyncedAt()));
    }

    @Test
    void aRevokedSessionShowsAsSignedOutAndKeepsTheLocalCopy() {
        AccountSession session = fx.signIn(service, ADA);
        SyncStatus synced = syncNow(session);
        int records = ServiceFixture.localState(session.store()).size();
        // Another device signs this session out: its refresh token is spent elsewhere.
        String key = session.account().credentialKey();
        BillingApiClient api = ServiceFixture.client(fx.baseUri(), RetryPolicy.none(), new ArrayList<>());
        api.refresh(credentials.read(key).orElseThrow());
        fx.expireTokens();

        SyncStatus end = syncNow(session);

        assertThat(end).isEqualTo(new SyncStatus.SignedOut(SignedOutException.Reason.SESSION_ENDED,
                synced.lastSyncedAt()));
        assertThat(credentials.read(key)).as("a refused refresh token is forgotten").isEmpty();
        assertThat(ServiceFixture.localState(session.store()).size()).isEqualTo(records);
    }
}
