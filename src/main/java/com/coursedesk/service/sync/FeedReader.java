package com.coursedesk.service.sync;

import com.coursedesk.data.api.SyncFetch;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Fetches a pass's pages of the change feed in order. The first is fetched on the pass's own
 * thread when it asks for it (a delta pass of one page hands nothing to another thread); the
 * ones after it on a thread of its own, each asked for as soon as the answer before it says
 * where the feed goes on ({@link SyncFetch#continuation()}), while the pass parses and writes
 * the earlier ones: the server prepares page k+1 while the client reads page k. At most
 * {@link #AHEAD} fetched pages wait to be taken. It only fetches: what is applied, and which
 * cursor is saved, stays with the pass.
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
    private final Function<String, SyncFetch> fetch;
    /** Where the next page is fetched from when no thread fetches ahead. */
    private String from;
    private boolean started;
    private Run run;

    /**
     * @param fetch fetches the page after a cursor (the first page for null), with the token
     *              handling of the session; throws as the API client does
     */
    FeedReader(Executor executor, Function<String, SyncFetch> fetch) {
        this.executor = executor;
        this.fetch = fetch;
    }

    /** Goes on from {@code cursor} (null: the feed's beginning), dropping what was fetched before. */
    void startFrom(String cursor) {
        stop();
        from = cursor;
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
            SyncFetch page = fetch.apply(from);
            String next = page.continuation();
            if (next != null) {
                Run ahead = new Run(next);
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
        if (run != null) {
            run.stopped = true;
            run = null;
        }
    }

    /** A fetched page, or what fetching it threw. */
    private record Fetched(SyncFetch page, Throwable failure) {
    }

    private final class Run implements Runnable {
        private final BlockingQueue<Fetched> pages = new LinkedBlockingQueue<>(AHEAD);
        private volatile boolean stopped;
        private String cursor;

        Run(String cursor) {
            this.cursor = cursor;
        }

        @Override
        public void run() {
            while (!stopped) {
                SyncFetch page;
                try {
                    page = fetch.apply(cursor);
                } catch (RuntimeException | Error failure) {
                    hand(new Fetched(null, failure));
                    return;
                }
                if (!hand(new Fetched(page, null))) {
                    return;
                }
                // The last page, or one whose quick look failed: the pass reads it and says
                // where to go on (startFrom).
                cursor = page.continuation();
                if (cursor == null) {
                    return;
                }
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
