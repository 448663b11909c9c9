package com.coursedesk.service.sync;

import com.coursedesk.data.api.ApiErrorCode;
import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.ApiInterruptedException;
import com.coursedesk.data.api.ApiProtocolException;
import com.coursedesk.data.api.ApiUnreachableException;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.Deleted;
import com.coursedesk.data.api.RetryWaits;
import com.coursedesk.data.api.SyncFetch;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.ActionDao;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one account's local store in step with the server: sends the outbox, then pulls the
 * change feed page by page, each page with its cursor in one transaction (pages that arrive
 * while the writer is busy share one). Never two passes at
 * once; runs at start, on demand, every {@link #PERIOD} and when the server can be reached
 * again; cancelled cleanly on {@link #close()}.
 */
public final class SyncEngine implements AutoCloseable {

    public static final Duration PERIOD = Duration.ofMinutes(15);
    /** After a bulk load, its search index is filled this long after the pass ends. */
    static final Duration SEARCH_INDEX_AFTER = Duration.ofSeconds(2);
    /** How often to look for the server again while offline. */
    static final Duration RECONNECT_PROBE = Duration.ofSeconds(20);
    /**
     * At most this many fetched records wait for the writer. Pages that arrive while it is busy
     * go to it together, in one transaction: a 100,000-purchase first sync committed page by
     * page rewrote most of the id index (rows arrive in random id order) with every commit.
     */
    static final int MAX_QUEUED_RECORDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final LocalStore store;
    private final SessionTokens session;
    private final ActionService actions;
    private final Clock clock;
    private final int pageLimit;
    private final SyncStateDao syncState = new SyncStateDao();
    private final PurchaseDao purchases = new PurchaseDao();
    private final SubscriptionDao subscriptions = new SubscriptionDao();
    private final ActionDao actionDao = new ActionDao();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    /** Runs the {@link FeedReader}s, which fetch a pass's next pages while it reads the ones before. */
    private final ExecutorService fetcher;
    private volatile SyncStatus status;
    /**
     * Orders what is published: a wait told by a thread that fetched ahead, or whose pass has
     * ended, is never published after the pass's end ({@link #publish}, {@link PassWaits}).
     */
    private final Object statusLock = new Object();
    /** The pass under way (0: none); its {@link PassWaits} publish only while it is. Under {@link #statusLock}. */
    private long currentPass;
    private long passesStarted;
    /** The running pass's last progress, without its waits. Under {@link #statusLock}. */
    private SyncStatus.Syncing progress;
    /** The running pass's threads that wait because the server asked, and until when. Under {@link #statusLock}. */
    private final Map<Thread, Instant> retryWaits = new HashMap<>();
    private CompletableFuture<SyncStatus> running;
    private CompletableFuture<SyncStatus> followUp;
    private Future<?> runningTask;
    private ScheduledFuture<?> periodic;
    private ScheduledFuture<?> reconnectProbe;
    private Duration reconnectProbeEvery = RECONNECT_PROBE;
    private volatile boolean closed;
    /**
     * Whether the last pass ended with the server answering (so the next may skip /v1/health).
     * True before the first: the account was just signed in to or opened, and a first sync (a
     * full pass, on a new computer) started a round trip later when it asked first.
     */
    private volatile boolean lastPassReachedServer = true;
    /** What ending the last full pass removed (written by the writer, read once its write is awaited). */
    private volatile SyncStateDao.FullPassCleanup lastCleanup;
    /** Whether this engine has looked for a search index left waiting (passes run one at a time). */
    private boolean searchIndexLookedFor;

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
        // Threads come and go with passes: a pass does not wait for a request the one before
        // left under way.
        this.fetcher = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coursedesk-sync-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
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
        start(Duration.ZERO);
    }

    /**
     * Syncs after {@code firstPassAfter}, then every {@link #PERIOD}; {@link #syncNow()} is not
     * delayed. The window waits a moment so that building and drawing its first frames does not
     * share two cores with parsing and writing a large history.
     */
    public synchronized void start(Duration firstPassAfter) {
        if (periodic == null && !closed) {
            periodic = executor.scheduleWithFixedDelay(this::syncNow, firstPassAfter.toMillis(), PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
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
            PassWaits waits = beginPass();
            try {
                end = RetryWaits.during(waits, () -> runPass(waits));
            } catch (RuntimeException e) {
                LOG.error("Sync failed unexpectedly", e);
                end = new SyncStatus.Failed(SyncStatus.Reason.STORE_ERROR, e.toString(), status.lastSyncedAt());
            }
            endPass(end);
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

    /**
     * @param waits told of the waits the server asks for, on this thread (the pass runs
     *              {@link RetryWaits#during} it) and on the threads that fetch pages ahead
     */
    private SyncStatus runPass(PassWaits waits) {
        // One read of where sync stands and whether anything waits to be sent: only pull()
        // changes the state, and no other pass runs.
        PassStart start = store.read(c -> new PassStart(syncState.get(c), actionDao.openOldestFirst(c).isEmpty()));
        SyncState state = start.state();
        Instant lastSynced = state.lastSuccessServerTime();
        boolean reachedBefore = lastPassReachedServer;
        lastPassReachedServer = false;
        if (!searchIndexLookedFor) {
            // A bulk load whose session ended before its search index was filled.
            searchIndexLookedFor = true;
            buildSearchIndexLater();
        }
        try {
            publishProgress(new SyncStatus.Syncing(0, -1, lastSynced));
            Instant serverTime = null;
            if (!start.outboxEmpty() || !reachedBefore) {
                // Actions are sent only to a server known to answer (offline, they stay pending
                // untouched), and a pass after a failure looks before it pulls: /v1/health says
                // both, and the server's time. Otherwise the feed's own answer says it.
                serverTime = session.api().health().serverTime();
                if (!start.outboxEmpty()) {
                    actions.sendPending();
                }
            }
            serverTime = pull(state, lastSynced, serverTime, waits);
            lastPassReachedServer = true;
            stopReconnectProbe();
            LOG.info("Sync complete (server time {})", serverTime);
            return new SyncStatus.Idle(serverTime);
        } catch (ApiUnreachableException e) {
            if (e.kind() == ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE) {
                // The provider answers, so "offline" would send the learner to check their
                // connection. Probed again as when offline: a mended certificate is used at once.
                LOG.warn("Sync stopped: the server's certificate could not be verified: {}", e.getMessage());
                startReconnectProbe();
                return new SyncStatus.Failed(SyncStatus.Reason.UNTRUSTED_CERTIFICATE, e.getMessage(), lastSynced);
            }
            LOG.info("Server unreachable; working offline ({})", e.getMessage());
            startReconnectProbe();
            return new SyncStatus.Offline(lastSynced, lastSynced == null && firstSyncKeptPages());
        } catch (SignedOutException e) {
            LOG.info("Not signed in ({}): {}", e.reason(), e.getMessage());
            return new SyncStatus.SignedOut(e.reason(), lastSynced, lastSynced == null && firstSyncKeptPages());
        } catch (ApiInterruptedException | CancellationException e) {
            LOG.info("Sync cancelled");
            return new SyncStatus.Idle(lastSynced);
        } catch (ApiProtocolException e) {
            LOG.warn("Sync stopped: unreadable answer: {}", e.getMessage());
            // Mostly an answer cut short on the way: looked for again soon, as after a server
            // error ("CourseDesk tries again"), not only at the next period; an action whose
            // answer was lost is confirmed then.
            startReconnectProbe();
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
     * Three things overlap: the server prepares page k+1 (asked for by the {@link FeedReader} as
     * soon as page k's answer arrives), this thread parses page k, and the writer applies the
     * pages before it: the pass takes about the longest of the three instead of their sum. A
     * page fetched ahead is applied only after the pages before it, and a failure to fetch it
     * leaves those applied with their cursor: the next pass resumes there. The pages read
     * meanwhile (up to {@link #MAX_QUEUED_RECORDS} records) go to the writer together as soon as
     * it is free, in one transaction with the last one's cursor: fewer, larger commits. The last
     * write of the pass (the last page) also records its success at the server's time, and ends
     * a full pass (its cleanup, or a bulk load's indexes): one transaction fewer, and the pass
     * does not wait for the writer twice at its end.
     *
     * @param knownServerTime the server's time from {@code /v1/health} before the pass, or null
     *                        to take it from the feed's answers ({@link #serverTime})
     * @param waits           told of the waits of the pages fetched ahead, on their threads
     * @return the server time the pass recorded
     */
    private Instant pull(SyncState state, Instant lastSynced, Instant knownServerTime, PassWaits waits) {
        lastCleanup = null;
        String cursor = state.cursor();
        boolean fullPass = state.fullPassInProgress() || cursor == null;
        long done = 0;
        PendingWrite pending = null;
        List<SyncPage> queued = new ArrayList<>();
        int queuedRecords = 0;
        Instant serverTime = knownServerTime;
        Instant firstDate = null;
        boolean firstPage = true;
        Instant newestUpdate = null;
        FeedReader feed = new FeedReader(fetcher, from -> askSync(from, waits));
        feed.startFrom(cursor);
        try {
            if (cursor == null && !state.fullPassInProgress()) {
                beginFullPass();
            }
            while (true) {
                if (Thread.currentThread().isInterrupted() || closed) {
                    throw new CancellationException();
                }
                SyncFetch fetched;
                try {
                    fetched = feed.next();
                } catch (ApiException e) {
                    if (e.code() == ApiErrorCode.CURSOR_EXPIRED) {
                        LOG.info("Cursor expired; starting a full pass");
                        awaitApplied(pending);
                        pending = null;
                        if (!queued.isEmpty()) {
                            awaitApplied(new PendingWrite(queued, apply(queued, fullPass, null)));
                            queued = new ArrayList<>();
                            queuedRecords = 0;
                        }
                        beginFullPass();
                        cursor = null;
                        fullPass = true;
                        done = 0;
                        feed.startFrom(null);
                        continue;
                    }
                    throw e;
                }
                // The feed reader asked for the next page as soon as this one arrived (if its
                // quick look said where the feed goes on): the server prepares it while this one
                // is parsed and the writer applies the ones before.
                SyncPage page = fetched.page();
                boolean fetchingOn = fetched.continuation() != null && page.hasMore()
                        && page.cursor().equals(fetched.continuation());
                if (firstPage) {
                    firstDate = page.serverDate();
                    firstPage = false;
                }
                newestUpdate = newestUpdate(page, newestUpdate);
                queued.add(page);
                queuedRecords += records(page);
                boolean last = !page.hasMore();
                if (pending != null && (last || queuedRecords >= MAX_QUEUED_RECORDS || pending.applied().isDone())) {
                    done = awaitApplied(pending, done, lastSynced);
                    pending = null;
                }
                if (pending == null) {
                    boolean lastWrite = last;
                    if (lastWrite && serverTime == null) {
                        serverTime = serverTime(firstDate, lastSynced, newestUpdate);
                    }
                    pending = new PendingWrite(queued, apply(queued, fullPass, lastWrite ? serverTime : null));
                    queued = new ArrayList<>();
                    queuedRecords = 0;
                }
                cursor = page.cursor();
                if (last) {
                    break;
                }
                if (!fetchingOn) {
                    // The quick look did not say, or disagreed with the page: go on from the
                    // cursor that was read.
                    feed.startFrom(cursor);
                }
            }
            done = awaitApplied(pending, done, lastSynced);
            pending = null;
        } finally {
            // Pages fetched ahead of where the pass stopped are dropped: nothing of them is applied.
            feed.stop();
            if (!closed && !Thread.currentThread().isInterrupted()) {
                // The pass failed while pages were being written: let them land before the next
                // pass, and the pages fetched meanwhile after them (only if they did land: a
                // later cursor must never be saved past pages that were not applied).
                boolean landed = pending == null || pending.applied().handle((ok, failed) -> failed == null).join();
                if (landed && !queued.isEmpty()) {
                    apply(queued, fullPass, null).exceptionally(ignored -> null).join();
                }
            }
        }
        if (fullPass) {
            // Ended by the last write (apply).
            SyncStateDao.FullPassCleanup removed = lastCleanup;
            if (removed != null && removed.purchasesRemoved() + removed.subscriptionsRemoved() > 0) {
                LOG.info("Full pass removed {} purchases and {} subscriptions the server no longer has",
                        removed.purchasesRemoved(), removed.subscriptionsRemoved());
            }
            buildSearchIndexLater();
        }
        return serverTime;
    }

    /**
     * Asks for the page of the feed after {@code from} now, and returns what waits for its
     * answer. A token the server refuses in the meantime is refreshed as {@link SessionTokens#call}
     * refreshes one: the page is asked for again through it. The answer is waited for with the
     * pass's {@code waits} told of the server's {@code Retry-After}, on whichever thread waits.
     */
    private Supplier<SyncFetch> askSync(String from, PassWaits waits) {
        BillingApiClient.SyncRequest request = session.call(token -> session.api().askSync(token, from, pageLimit));
        return () -> RetryWaits.during(waits, () -> {
            try {
                return request.answer();
            } catch (ApiException e) {
                if (e.status() == 401
                        && (e.code() == ApiErrorCode.TOKEN_EXPIRED || e.code() == ApiErrorCode.INVALID_TOKEN)) {
                    return session.call(token -> session.api().fetchSync(token, from, pageLimit));
                }
                throw e;
            }
        });
    }

    /**
     * Fills the search index a bulk load left waiting (SyncStateDao#buildSearchIndex), on the
     * writer, {@link #SEARCH_INDEX_AFTER} after the pass, without waiting for it: the pass and
     * its purchases are complete without it, and SQL searches match with LIKE until it is filled
     * (0.2 s of the 0.3 s that ending a 100,000-purchase load took, and its WAL checkpoint). The
     * pause leaves both cores to the window, which reads the new history and shows it then.
     */
    private void buildSearchIndexLater() {
        try {
            executor.schedule(this::buildSearchIndex, SEARCH_INDEX_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("The engine closed before the search index was filled; the next session fills it");
        }
    }

    private void buildSearchIndex() {
        try {
            store.writeLater(syncState::buildSearchIndex).whenComplete((built, failed) -> {
                if (failed != null) {
                    LOG.warn("Filling the search index failed; searches keep matching without it", failed);
                } else if (built) {
                    LOG.info("Search index filled");
                }
            });
        } catch (IllegalStateException closed) {
            LOG.debug("The store closed before the search index was filled; the next session fills it");
        }
    }

    /**
     * The server's time for "last synced", without a round trip when its answers can say it: the
     * {@code Date} of the pass's first answer (earlier than anything the pass brought, so nothing
     * later is claimed), if there was one and it is not earlier than the last recorded sync nor
     * than a record the pass brought (a server whose {@code Date} disagrees with its own records,
     * or would move "last synced" backwards, is asked by {@code /v1/health}).
     */
    private Instant serverTime(Instant firstDate, Instant lastSynced, Instant newestUpdate) {
        if (firstDate != null && (lastSynced == null || !firstDate.isBefore(lastSynced))
                && (newestUpdate == null || !newestUpdate.isAfter(firstDate))) {
            return firstDate;
        }
        LOG.debug("No usable Date in the sync answer ({}); asking /v1/health", firstDate);
        return session.api().health().serverTime();
    }

    private static Instant newestUpdate(SyncPage page, Instant newest) {
        for (Purchase p : page.purchases()) {
            if (newest == null || p.updatedAt().isAfter(newest)) {
                newest = p.updatedAt();
            }
        }
        for (Subscription s : page.subscriptions()) {
            if (newest == null || s.updatedAt().isAfter(newest)) {
                newest = s.updatedAt();
            }
        }
        return newest;
    }

    /** What a pass starts from: where sync stands and whether the outbox is empty. */
    private record PassStart(SyncState state, boolean outboxEmpty) {
    }

    /** Pages handed to the writer together and the write's outcome. */
    private record PendingWrite(List<SyncPage> pages, CompletableFuture<Void> applied) {
    }

    private static int records(SyncPage page) {
        return page.purchases().size() + page.subscriptions().size() + page.deleted().size();
    }

    /** Waits until {@code pending} is written, then reports the progress it makes. */
    private long awaitApplied(PendingWrite pending, long doneBefore, Instant lastSynced) {
        awaitApplied(pending);
        long done = doneBefore;
        for (SyncPage page : pending.pages()) {
            done += records(page);
        }
        SyncPage last = pending.pages().get(pending.pages().size() - 1);
        publishProgress(new SyncStatus.Syncing(done, done + last.remaining(), lastSynced));
        return done;
    }

    private static void awaitApplied(PendingWrite pending) {
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
     * Hands pages to the writer: their records and deletions, in order, and the last one's
     * cursor in one transaction, and when {@code successAt} is not null (the pass's last pages)
     * the end of a full pass and the pass's success at that time.
     */
    private CompletableFuture<Void> apply(List<SyncPage> pages, boolean fullPass, Instant successAt) {
        List<SyncPage> batch = List.copyOf(pages);
        String cursor = batch.get(batch.size() - 1).cursor();
        return store.writeLater(c -> {
            // A full pass keeps a seen set, unless it is a bulk load into an empty store.
            boolean markSeen = fullPass && !SyncStateDao.prepareBulkWrite(c);
            for (SyncPage page : batch) {
                write(c, page, markSeen);
            }
            syncState.saveCursor(c, cursor);
            if (successAt != null) {
                if (fullPass) {
                    lastCleanup = syncState.finishFullPass(c);
                }
                syncState.recordSuccess(c, successAt, clock.instant());
            }
            return null;
        });
    }

    private void write(Connection c, SyncPage page, boolean markSeen) throws SQLException {
        subscriptions.upsertAll(c, page.subscriptions());
        purchases.upsertAll(c, page.purchases());
        if (!page.deleted().isEmpty()) {
            List<String> deletedPurchases = page.deleted().stream()
                    .filter(d -> d.type() == Deleted.Type.PURCHASE).map(Deleted::id).toList();
            List<String> deletedSubscriptions = page.deleted().stream()
                    .filter(d -> d.type() == Deleted.Type.SUBSCRIPTION).map(Deleted::id).toList();
            purchases.deleteByIds(c, deletedPurchases);
            subscriptions.deleteByIds(c, deletedSubscriptions);
        }
        if (markSeen) {
            syncState.markSeen(c, RecordType.PURCHASE, page.purchases().stream().map(Purchase::id).toList());
            syncState.markSeen(c, RecordType.SUBSCRIPTION,
                    page.subscriptions().stream().map(Subscription::id).toList());
        }
    }

    /** How often to look for the server while offline ({@link #RECONNECT_PROBE}; tests wait less). */
    synchronized void reconnectProbeEvery(Duration every) {
        reconnectProbeEvery = every;
    }

    private synchronized void startReconnectProbe() {
        if (reconnectProbe != null || closed) {
            return;
        }
        long every = reconnectProbeEvery.toMillis();
        reconnectProbe = executor.scheduleWithFixedDelay(() -> {
            try {
                session.api().healthOnce();
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

    /**
     * Whether pages of a first sync that has not completed are in the store: a cursor saved with
     * them, and no success yet (read again: this pass may have applied some before it stopped).
     */
    private boolean firstSyncKeptPages() {
        try {
            SyncState now = store.read(syncState::get);
            return now.lastSuccessServerTime() == null && now.cursor() != null;
        } catch (RuntimeException e) {
            LOG.debug("Could not read the sync state: {}", e.toString());
            return false;
        }
    }

    private Instant lastSyncedAt() {
        return store.read(syncState::get).lastSuccessServerTime();
    }

    /** A pass starts: its progress and waits are published from now until {@link #endPass}. */
    private PassWaits beginPass() {
        synchronized (statusLock) {
            currentPass = ++passesStarted;
            progress = null;
            retryWaits.clear();
            return new PassWaits(currentPass);
        }
    }

    /** The pass ended with {@code end}: a wait told after this (a thread that fetched ahead) is not published. */
    private void endPass(SyncStatus end) {
        synchronized (statusLock) {
            currentPass = 0;
            progress = null;
            retryWaits.clear();
            publish(end);
        }
    }

    /** The running pass's progress, with the wait one of its threads makes, if any. */
    private void publishProgress(SyncStatus.Syncing next) {
        synchronized (statusLock) {
            progress = next;
            publishProgressLocked();
        }
    }

    private void publishProgressLocked() {
        Instant retryAt = null;
        for (Instant until : retryWaits.values()) {
            if (retryAt == null || until.isAfter(retryAt)) {
                retryAt = until;
            }
        }
        publish(progress.retryingAt(retryAt));
    }

    /**
     * Tells the status bar of one pass's waits the server asked for: "tries again at ...", until
     * the retry starts. Its threads (the pass's own, and those fetching ahead) may wait at once;
     * the latest of their retries is shown. Once the pass has ended, nothing it tells is shown.
     */
    private final class PassWaits implements RetryWaits.Listener {
        private final long pass;

        PassWaits(long pass) {
            this.pass = pass;
        }

        @Override
        public void waiting(Duration wait) {
            Instant until = clock.instant().plus(wait);
            synchronized (statusLock) {
                if (currentPass != pass || progress == null) {
                    return;
                }
                retryWaits.put(Thread.currentThread(), until);
                publishProgressLocked();
            }
        }

        @Override
        public void waited() {
            synchronized (statusLock) {
                if (currentPass != pass || retryWaits.remove(Thread.currentThread()) == null) {
                    return;
                }
                publishProgressLocked();
            }
        }
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
        fetcher.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)
                    || !fetcher.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Sync did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
