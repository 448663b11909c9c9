package com.coursedesk.service.sync;

import com.coursedesk.data.api.ApiErrorCode;
import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.ApiInterruptedException;
import com.coursedesk.data.api.ApiProtocolException;
import com.coursedesk.data.api.ApiUnreachableException;
import com.coursedesk.data.api.Deleted;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.RecordType;
import com.coursedesk.data.db.StoreException;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.data.db.SyncState;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.auth.SessionTokens;
import com.coursedesk.service.auth.SignedOutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps one account's local store in step with the server: sends the outbox, then pulls the
 * change feed page by page, each page and its cursor in one transaction. Never two passes at
 * once; runs at start, on demand, every {@link #PERIOD} and when the server can be reached
 * again; cancelled cleanly on {@link #close()}.
 */
public final class SyncEngine implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofMinutes(15);
    /** How often to look for the server again while offline. */
    static final Duration RECONNECT_PROBE = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final LocalStore store;
    private final SessionTokens session;
    private final ActionService actions;
    private final Clock clock;
    private final int pageLimit;
    private final SyncStateDao syncState = new SyncStateDao();
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private volatile SyncStatus status;
    private CompletableFuture<SyncStatus> running;
    private CompletableFuture<SyncStatus> followUp;
    private Future<?> runningTask;
    private ScheduledFuture<?> periodic;
    private ScheduledFuture<?> reconnectProbe;
    private volatile boolean closed;

    public SyncEngine(LocalStore store, SessionTokens session, ActionService actions, Clock clock, int pageLimit) {
        this.store = store;
        this.session = session;
        this.actions = actions;
        this.clock = clock;
        this.pageLimit = pageLimit;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "coursedesk-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught in {}", thread.getName(), e));
            return t;
        });
        this.status = new SyncStatus.Idle(lastSyncedAt());
    }

    public SyncStatus status() {
        return status;
    }

    /** Listeners are called on the sync thread; the UI layer moves them to its own thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    /** Syncs now and then every {@link #PERIOD}. */
    public synchronized void start() {
        if (periodic == null && !closed) {
            periodic = executor.scheduleWithFixedDelay(this::syncNow, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts a pass unless one is running, in which case the running one is returned: two
     * clicks on "Sync now" make one pass.
     */
    public synchronized CompletableFuture<SyncStatus> syncNow() {
        if (closed) {
            return CompletableFuture.failedFuture(new CancellationException("closed"));
        }
        if (running != null && !running.isDone()) {
            return running;
        }
        CompletableFuture<SyncStatus> result = new CompletableFuture<>();
        running = result;
        runningTask = executor.submit(() -> {
            SyncStatus end;
            try {
                end = runPass();
            } catch (RuntimeException e) {
                LOG.error("Sync failed unexpectedly", e);
                end = new SyncStatus.Failed(SyncStatus.Reason.STORE_ERROR, e.toString(), status.lastSyncedAt());
            }
            publish(end);
            result.complete(end);
        });
        return result;
    }

    /**
     * Like {@link #syncNow()}, but when a pass is already running, one more pass follows it:
     * something new to send (an action just queued) may have arrived after the running pass went
     * past the outbox, and must not wait for the next period. Several calls during one pass share
     * one follow-up.
     */
    public synchronized CompletableFuture<SyncStatus> syncSoon() {
        if (closed || running == null || running.isDone()) {
            return syncNow();
        }
        if (followUp == null) {
            followUp = running.handle((end, error) -> null).thenCompose(ignored -> startFollowUp());
        }
        return followUp;
    }

    private synchronized CompletableFuture<SyncStatus> startFollowUp() {
        followUp = null;
        return syncNow();
    }

    private SyncStatus runPass() {
        // One read of where sync stands: only pull() changes it, and no other pass runs.
        SyncState state = store.read(syncState::get);
        Instant lastSynced = state.lastSuccessServerTime();
        try {
            publish(new SyncStatus.Syncing(0, -1, lastSynced));
            Instant serverTime = session.api().health().serverTime();
            actions.sendPending();
            pull(state, lastSynced, serverTime);
            stopReconnectProbe();
            LOG.info("Sync complete (server time {})", serverTime);
            return new SyncStatus.Idle(serverTime);
        } catch (ApiUnreachableException e) {
            LOG.info("Server unreachable; working offline ({})", e.getMessage());
            startReconnectProbe();
            return new SyncStatus.Offline(lastSynced);
        } catch (SignedOutException e) {
            LOG.info("Session ended: {}", e.getMessage());
            return new SyncStatus.SignedOut(lastSynced);
        } catch (ApiInterruptedException | CancellationException e) {
            LOG.info("Sync cancelled");
            return new SyncStatus.Idle(lastSynced);
        } catch (ApiProtocolException e) {
            LOG.warn("Sync stopped: unreadable answer: {}", e.getMessage());
            return new SyncStatus.Failed(SyncStatus.Reason.BAD_RESPONSE, e.getMessage(), lastSynced);
        } catch (ApiException e) {
            LOG.warn("Sync stopped: server answered {} {}", e.status(), e.rawCode());
            boolean serverSide = e.status() >= 500 || e.status() == 429;
            if (serverSide) {
                startReconnectProbe();
            }
            return new SyncStatus.Failed(serverSide ? SyncStatus.Reason.SERVER_ERROR : SyncStatus.Reason.REFUSED,
                    e.status() + " " + e.rawCode() + (e.detail() == null ? "" : ": " + e.detail()), lastSynced);
        } catch (StoreException e) {
            if (closed) {
                // close() interrupted a wait for the store; the write itself completes whole.
                LOG.info("Sync cancelled");
                return new SyncStatus.Idle(lastSynced);
            }
            LOG.error("Sync stopped: the local store failed", e);
            return new SyncStatus.Failed(SyncStatus.Reason.STORE_ERROR, e.getMessage(), lastSynced);
        }
    }

    /**
     * Pulls pages until the feed is exhausted; each page is applied atomically with its cursor.
     * While the writer applies one page, the next one is fetched: the pass takes about the
     * longer of the two instead of their sum. At most one page waits for the writer. The last
     * write of the pass (the last page, or the end of a full pass) also records its success
     * at {@code serverTime}: one transaction fewer for a delta pass.
     */
    private void pull(SyncState state, Instant lastSynced, Instant serverTime) {
        String cursor = state.cursor();
        boolean fullPass = state.fullPassInProgress() || cursor == null;
        if (cursor == null && !state.fullPassInProgress()) {
            beginFullPass();
        }
        long done = 0;
        PendingPage pending = null;
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted() || closed) {
                    throw new CancellationException();
                }
                SyncPage page;
                try {
                    String from = cursor;
                    page = session.call(token -> session.api().sync(token, from, pageLimit));
                } catch (ApiException e) {
                    if (e.code() == ApiErrorCode.CURSOR_EXPIRED) {
                        LOG.info("Cursor expired; starting a full pass");
                        awaitApplied(pending);
                        pending = null;
                        beginFullPass();
                        cursor = null;
                        fullPass = true;
                        done = 0;
                        continue;
                    }
                    throw e;
                }
                if (pending != null) {
                    done = awaitApplied(pending, done, lastSynced);
                }
                boolean lastWrite = !page.hasMore() && !fullPass;
                pending = new PendingPage(page, apply(page, fullPass, lastWrite ? serverTime : null));
                cursor = page.cursor();
                if (!page.hasMore()) {
                    break;
                }
            }
            done = awaitApplied(pending, done, lastSynced);
            pending = null;
        } finally {
            if (pending != null && !closed && !Thread.currentThread().isInterrupted()) {
                // The pass failed while a page was being written: let it land before the next pass.
                pending.applied().exceptionally(ignored -> null).join();
            }
        }
        if (fullPass) {
            SyncStateDao.FullPassCleanup removed = store.write(c -> {
                SyncStateDao.FullPassCleanup cleanup = syncState.finishFullPass(c);
                syncState.recordSuccess(c, serverTime, clock.instant());
                return cleanup;
            });
            if (removed.purchasesRemoved() + removed.subscriptionsRemoved() > 0) {
                LOG.info("Full pass removed {} purchases and {} subscriptions the server no longer has",
                        removed.purchasesRemoved(), removed.subscriptionsRemoved());
            }
        }
    }

    /** A page handed to the writer and the write's outcome. */
    private record PendingPage(SyncPage page, CompletableFuture<Void> applied) {
    }

    /** Waits until {@code pending} is written, then reports the progress it makes. */
    private long awaitApplied(PendingPage pending, long doneBefore, Instant lastSynced) {
        awaitApplied(pending);
        SyncPage page = pending.page();
        long done = doneBefore + page.purchases().size() + page.subscriptions().size() + page.deleted().size();
        publish(new SyncStatus.Syncing(done, done + page.remaining(), lastSynced));
        return done;
    }

    private static void awaitApplied(PendingPage pending) {
        if (pending == null) {
            return;
        }
        try {
            pending.applied().get();
        } catch (InterruptedException e) {
            // close(): the write itself completes whole on the writer thread.
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("Applying a sync page failed: " + cause, cause);
        }
    }

    private void beginFullPass() {
        store.write(c -> {
            syncState.startFullPass(c, clock.instant());
            return null;
        });
    }

    /**
     * Hands the page to the writer: its records, deletions and cursor in one transaction, and
     * the pass's success when {@code successAt} is not null.
     */
    private CompletableFuture<Void> apply(SyncPage page, boolean fullPass, Instant successAt) {
        List<String> deletedPurchases = page.deleted().stream()
                .filter(d -> d.type() == Deleted.Type.PURCHASE).map(Deleted::id).toList();
        List<String> deletedSubscriptions = page.deleted().stream()
                .filter(d -> d.type() == Deleted.Type.SUBSCRIPTION).map(Deleted::id).toList();
        return store.writeLater(c -> {
            subscriptions.upsertAll(c, page.subscriptions());
            purchases.upsertAll(c, page.purchases());
            purchases.deleteByIds(c, deletedPurchases);
            subscriptions.deleteByIds(c, deletedSubscriptions);
            if (fullPass) {
                syncState.markSeen(c, RecordType.PURCHASE, page.purchases().stream().map(Purchase::id).toList());
                syncState.markSeen(c, RecordType.SUBSCRIPTION,
                        page.subscriptions().stream().map(Subscription::id).toList());
            }
            syncState.saveCursor(c, page.cursor());
            if (successAt != null) {
                syncState.recordSuccess(c, successAt, clock.instant());
            }
            return null;
        });
    }

    private synchronized void startReconnectProbe() {
        if (reconnectProbe != null || closed) {
            return;
        }
        long every = RECONNECT_PROBE.toMillis();
        reconnectProbe = executor.scheduleWithFixedDelay(() -> {
            try {
                session.api().health();
                LOG.info("Server reachable again; syncing");
                syncNow();
            } catch (RuntimeException stillDown) {
                LOG.debug("Still offline: {}", stillDown.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopReconnectProbe() {
        if (reconnectProbe != null) {
            reconnectProbe.cancel(false);
            reconnectProbe = null;
        }
    }

    private Instant lastSyncedAt() {
        return store.read(syncState::get).lastSuccessServerTime();
    }

    private void publish(SyncStatus next) {
        status = next;
        for (Consumer<SyncStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed", e);
            }
        }
    }

    /** Cancels a running pass (its current page is either applied whole or not at all) and stops. */
    @Override
    public void close() {
        Future<?> task;
        synchronized (this) {
            closed = true;
            task = runningTask;
            if (periodic != null) {
                periodic.cancel(false);
            }
            stopReconnectProbe();
        }
        if (task != null) {
            task.cancel(true);
        }
        synchronized (this) {
            if (running != null) {
                running.completeExceptionally(new CancellationException("closed"));
            }
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Sync did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
