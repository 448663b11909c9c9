package com.coursedesk.service.sync;

import com.coursedesk.data.api.SyncFetch;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fetches a pass's pages of the change feed in order. The first is asked for when the pass
 * says where to start, and waited for on the pass's own thread when it asks for it (a delta
 * pass of one page hands nothing to another thread); the
 * ones after it on a thread of its own, each asked for as soon as the answer before it says
 * where the feed goes on ({@link SyncFetch#continuation()}), while the pass parses and writes
 * the earlier ones: the server prepares page k+1 while the client reads page k. A page is
 * handed to the pass only once the next one is asked for: the pass, woken by the hand-over, took
 * the fetching thread's core on a busy computer, and page k+1 was asked for only after page k
 * was read. At most {@link #AHEAD} fetched pages wait to be taken. It only fetches: what is
 * applied, and which cursor is saved, stays with the pass.
 *
 * <p>Used by one pass at a time (not thread-safe itself).
 */
final class FeedReader {

    /**
     * Fetched pages that may wait for the pass (about half a megabyte each at 1,000 records); one
     * more may be under way. One is enough to keep the server busy while the pass reads.
     */
    static final int AHEAD = 1;

    private final Executor executor;
    private final Function<String, Supplier<SyncFetch>> ask;
    /** The next page, asked for by {@link #startFrom}, when no thread fetches ahead. */
    private Supplier<SyncFetch> first;
    private boolean started;
    private Run run;

    /**
     * @param ask asks for the page after a cursor (the first page for null), with the token
     *            handling of the session, and returns what waits for its answer; both throw as
     *            the API client does
     */
    FeedReader(Executor executor, Function<String, Supplier<SyncFetch>> ask) {
        this.executor = executor;
        this.ask = ask;
    }

    /**
     * Goes on from {@code cursor} (null: the feed's beginning), dropping what was fetched before.
     * The page is asked for now: the server prepares it while the pass sets up its writes.
     */
    void startFrom(String cursor) {
        stop();
        first = askOrFail(cursor);
        started = true;
    }

    /**
     * The next page, in the feed's order, once it has arrived.
     *
     * @throws RuntimeException what fetching it threw (for example an {@code ApiException})
     * @throws CancellationException when interrupted (closing), or not started
     */
    SyncFetch next() {
        if (run == null) {
            if (!started) {
                throw new IllegalStateException("Not fetching");
            }
            // Nothing fetched ahead: this one here, and the ones after it ahead.
            started = false;
            Supplier<SyncFetch> asked = first;
            first = null;
            SyncFetch page = asked.get();
            String next = page.continuation();
            if (next != null) {
                // Asked for here, before this page is read; a thread of its own waits for it.
                Run ahead = new Run(askOrFail(next));
                try {
                    executor.execute(ahead);
                } catch (RejectedExecutionException e) {
                    throw new CancellationException("closed");
                }
                run = ahead;
            }
            return page;
        }
        Fetched fetched;
        try {
            fetched = run.pages.take();
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        if (fetched.failure() != null) {
            // Nothing follows a failure: the producer has stopped.
            run = null;
            if (fetched.failure() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) fetched.failure();
        }
        return fetched.page();
    }

    /**
     * Stops fetching: a request under way is let finish (it may be refreshing the session's
     * token) and its answer dropped.
     */
    void stop() {
        started = false;
        first = null;
        if (run != null) {
            run.stopped = true;
            run = null;
        }
    }

    /** A fetched page, or what fetching it threw. */
    private record Fetched(SyncFetch page, Throwable failure) {
    }

    /** Asks for the page after {@code cursor}; a failure to ask is thrown by the answer instead. */
    private Supplier<SyncFetch> askOrFail(String cursor) {
        try {
            return ask.apply(cursor);
        } catch (RuntimeException | Error failure) {
            return () -> {
                throw failure;
            };
        }
    }

    private final class Run implements Runnable {
        private final BlockingQueue<Fetched> pages = new LinkedBlockingQueue<>(AHEAD);
        private volatile boolean stopped;
        private Supplier<SyncFetch> asked;

        Run(Supplier<SyncFetch> asked) {
            this.asked = asked;
        }

        @Override
        public void run() {
            while (!stopped) {
                SyncFetch page;
                try {
                    page = asked.get();
                } catch (RuntimeException | Error failure) {
                    hand(new Fetched(null, failure));
                    return;
                }
                // The last page, or one whose quick look failed: the pass reads it and says
                // where to go on (startFrom).
                String cursor = page.continuation();
                // The next page is asked for before this one is handed over, unless a page still
                // waits for the pass (then the pass is behind, and one is under way at most).
                Supplier<SyncFetch> next = cursor != null && pages.isEmpty() ? askOrFail(cursor) : null;
                if (!hand(new Fetched(page, null))) {
                    // (The answer to a page asked for ahead is dropped.)
                    return;
                }
                if (cursor == null) {
                    return;
                }
                asked = next != null ? next : askOrFail(cursor);
            }
        }

        /** Queues {@code fetched} for the pass; false once stopped (or interrupted). */
        private boolean hand(Fetched fetched) {
            try {
                while (!stopped) {
                    if (pages.offer(fetched, 50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
