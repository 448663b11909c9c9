package com.coursedesk.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's {@link TaskRunner}: work on a small pool of named daemon threads
 * ({@code coursedesk-bg-1}, …), outcomes on the JavaFX application thread through
 * {@link UiThread#fx()}. Daemon threads, so a stuck request never keeps the app from exiting;
 * {@link #close()} on exit cancels whatever still runs.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    /** Enough for a sign-in, an export and a page load at once; more would only queue on I/O. */
    public static final int DEFAULT_THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ThreadPoolExecutor pool;
    private final UiThread ui;
    private final Set<TaskExecution<?>> running = ConcurrentHashMap.newKeySet();

    /** Delivers on the JavaFX application thread. */
    public FxTaskRunner() {
        this(DEFAULT_THREADS, UiThread.fx());
    }

    /**
     * @param threads most tasks run at once; further ones wait their turn
     * @param ui      where callbacks run (the FX thread in the app)
     */
    public FxTaskRunner(int threads, UiThread ui) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        UiThread target = Objects.requireNonNull(ui, "ui");
        // A callback that throws on the FX thread would otherwise only reach stderr.
        this.ui = action -> target.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.error("A task callback failed on the UI thread", e);
            }
        });
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedDaemonThreads("coursedesk-bg-"));
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> Handle submit(TaskSpec<T> spec) {
        TaskExecution<T> execution = new TaskExecution<>(spec, ui);
        running.add(execution);
        try {
            pool.execute(() -> {
                try {
                    execution.run();
                } finally {
                    running.remove(execution);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(execution);
            throw new IllegalStateException("The task runner is closed; cannot start '" + spec.name() + "'", e);
        }
        return execution;
    }

    /** Cancels every task not yet finished and stops the threads. */
    @Override
    public void close() {
        for (TaskExecution<?> execution : running) {
            if (execution.cancel()) {
                LOG.debug("Cancelled task '{}' on shutdown", execution.name());
            }
        }
        pool.shutdownNow();
    }

    /** Named daemon threads whose uncaught exceptions go to the log, not to stderr. */
    private static final class NamedDaemonThreads implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.error("Uncaught exception on background thread {}", t.getName(), e));
            return thread;
        }
    }
}
