package com.coursedesk.bench;

import com.coursedesk.app.CoreServices;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.sync.SyncStatus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A learner's core on its own data folder, signed in to the sandbox as
 * {@code scale@example.com}: the real {@code SignInService} and {@code SyncEngine} writing a
 * real local store, as the window and the command line use them.
 */
final class BenchClient implements AutoCloseable {

    private final CoreServices core;
    private final AccountSession session;

    private BenchClient(CoreServices core, AccountSession session) {
        this.core = core;
        this.session = session;
    }

    static BenchClient signIn(Path dataDir, URI server) {
        CoreServices core = new CoreServices(new AppDirectories(dataDir), new InMemoryCredentialStore(),
                Clock.systemUTC());
        AccountSession session = core.signIn().signIn(ServerRef.ofUrl(server.toString()), SandboxProcess.EMAIL,
                SandboxProcess.PASSWORD.toCharArray());
        return new BenchClient(core, session);
    }

    /** One sync pass (full on a fresh folder, delta after); fails unless it ends idle. */
    void syncOnce() throws Exception {
        CompletableFuture<SyncStatus> pass = session.sync().syncNow();
        SyncStatus end = pass.get(10, TimeUnit.MINUTES);
        if (!(end instanceof SyncStatus.Idle)) {
            throw new IllegalStateException("Sync ended " + end);
        }
    }

    long purchaseCount() {
        return session.store().read(c -> new PurchaseDao().count(c));
    }

    AccountSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
        core.close();
    }
}
