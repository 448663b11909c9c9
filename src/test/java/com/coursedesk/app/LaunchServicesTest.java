package com.coursedesk.app;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.InstanceLock;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.shell.UserSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch's own preparation over a real data folder: two accounts signed in and synced
 * from the sandbox, then the window's launch, which reopens the account that was open when it
 * last closed, and nothing after signing out.
 */
class LaunchServicesTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private AppDirectories directories;
    private KnownAccount ada;
    private KnownAccount bob;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void twoAccountsWithLocalCopies() {
        fx = ServiceFixture.start(dir);
        SignInService service = fx.newSignInService(fx.fileCredentials());
        for (String email : List.of(ADA, BOB)) {
            AccountSession session = fx.signIn(service, email);
            assertThat(ServiceFixture.syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
            session.close();
        }
        ada = service.knownAccounts().stream().filter(a -> a.email().equals(ADA)).findFirst().orElseThrow();
        bob = service.knownAccounts().stream().filter(a -> a.email().equals(BOB)).findFirst().orElseThrow();
        directories = new AppDirectories(fx.dataDir());
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        fx.close();
    }

    private UserSettings settings() {
        return new UserSettings(directories.settingsDir().resolve("preferences.properties"));
    }

    private LaunchServices.Prepared launch(Optional<String> benchmarkEmail) throws Exception {
        LaunchServices.Prepared prepared = LaunchServices.begin(directories, benchmarkEmail).prepared()
                .get(30, TimeUnit.SECONDS);
        if (prepared.lock() instanceof InstanceLock.Acquired acquired) {
            toClose.add(acquired.lock());
        }
        return prepared;
    }

    private AccountSession opened(LaunchServices.Prepared prepared) throws Exception {
        AccountSession session = prepared.opening().orElseThrow().session().get(30, TimeUnit.SECONDS);
        toClose.add(0, session);
        return session;
    }

    @Test
    void aFirstLaunchOpensNoAccount() throws Exception {
        LaunchServices.Prepared prepared = launch(Optional.empty());

        assertThat(prepared.locked()).isTrue();
        assertThat(prepared.core()).isNotNull();
        assertThat(prepared.opening()).isEmpty();
    }

    @Test
    void theAccountOpenWhenTheWindowClosedOpensFromItsLocalCopy() throws Exception {
        AccountAtLaunch.remember(settings(), bob);
        fx.stopSandbox();

        LaunchServices.Prepared prepared = launch(Optional.empty());

        assertThat(prepared.opening()).map(o -> o.account().email()).contains(BOB);
        AccountSession session = opened(prepared);
        assertThat(session.account().accountId()).isEqualTo(bob.accountId());
        assertThat(ServiceFixture.localState(session.store()).purchases()).isNotEmpty();
    }

    @Test
    void afterForgettingItTheNextLaunchShowsSignIn() throws Exception {
        UserSettings settings = settings();
        AccountAtLaunch.remember(settings, ada);
        AccountAtLaunch.forget(settings);

        assertThat(launch(Optional.empty()).opening()).isEmpty();
    }

    @Test
    void anAccountNoLongerOnThisComputerIsNotOpened() throws Exception {
        AccountAtLaunch.remember(settings(), ada);
        fx.newSignInService(fx.fileCredentials()).forget(ada);

        assertThat(launch(Optional.empty()).opening()).isEmpty();
    }

    @Test
    void theBenchmarkStartUpOpensTheAccountItNames() throws Exception {
        AccountAtLaunch.remember(settings(), bob);

        LaunchServices.Prepared prepared = launch(Optional.of(ADA.toUpperCase()));

        assertThat(opened(prepared).account().email()).isEqualTo(ADA);
    }

    @Test
    void aSecondWindowOnTheSameDataOpensNothing() throws Exception {
        AccountAtLaunch.remember(settings(), ada);
        InstanceLock.Result first = InstanceLock.tryAcquire(directories.lockFile());
        assertThat(first).isInstanceOf(InstanceLock.Acquired.class);
        toClose.add(((InstanceLock.Acquired) first).lock());

        LaunchServices.Prepared second = launch(Optional.empty());

        assertThat(second.locked()).isFalse();
        assertThat(second.core()).isNull();
        assertThat(second.opening()).isEmpty();
    }

    @Test
    void whatTheLauncherHandsOverIsTakenOnce() {
        LaunchServices launch = LaunchServices.begin(directories, Optional.empty());
        LaunchServices.handOver(launch);

        assertThat(LaunchServices.take()).containsSame(launch);
        assertThat(LaunchServices.take()).isEmpty();
        if (launch.prepared().join().lock() instanceof InstanceLock.Acquired acquired) {
            toClose.add(acquired.lock());
        }
    }

    @Test
    void theSystemAppearanceIsAskedForAtOnce() {
        LaunchServices launch = LaunchServices.begin(directories, Optional.empty());

        // Whatever this machine answers (no desktop here: unknown), it answers, and in time.
        assertThat(launch.systemAppearance()).succeedsWithin(java.time.Duration.ofSeconds(10))
                .isNotNull();
        if (launch.prepared().join().lock() instanceof InstanceLock.Acquired acquired) {
            toClose.add(acquired.lock());
        }
    }
}
