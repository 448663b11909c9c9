package com.coursedesk.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a {@link TaskSpec}: the work on whatever thread calls {@link #run()}, the
 * callbacks through the given {@link UiThread}. Shared by both runners so that the app and the
 * view-model tests follow the same rules (no callback after cancel, failures never silent).
 */
final class TaskExecution<T> implements Runnable, TaskRunner.Handle, TaskRunner.Progress {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecution.class);

    private final TaskSpec<T> spec;
    private final UiThread ui;
    private final AtomicReference<long[]> pendingProgress = new AtomicReference<>();

    // Guarded by this: cancel() must not interrupt a thread that has moved on to other work.
    private Thread worker;
    private boolean cancelled;
    private volatile boolean done;

    TaskExecution(TaskSpec<T> spec, UiThread ui) {
        this.spec = spec;
        this.ui = ui;
    }

    String name() {
        return spec.name();
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            worker = Thread.currentThread();
        }
        T result = null;
        Throwable failure = null;
        try {
            result = spec.job().run(this);
        } catch (Throwable t) {
            failure = t;
        } finally {
            synchronized (this) {
                worker = null;
                if (cancelled) {
                    // Our own interrupt must not leak into the next task on this thread.
                    Thread.interrupted();
                }
            }
        }
        if (failure == null) {
            T value = result;
            ui.execute(() -> deliverSuccess(value));
        } else {
            Throwable error = failure;
            ui.execute(() -> deliverFailure(error));
        }
    }

    private void deliverSuccess(T value) {
        if (!finish()) {
            return;
        }
        if (spec.onSuccess() != null) {
            spec.onSuccess().accept(value);
        }
        if (spec.onDone() != null) {
            spec.onDone().run();
        }
    }

    private void deliverFailure(Throwable error) {
        if (!finish()) {
            return;
        }
        if (spec.onFailure() != null) {
            spec.onFailure().accept(error);
        } else {
            LOG.error("Background task '{}' failed", spec.name(), error);
        }
        if (spec.onDone() != null) {
            spec.onDone().run();
        }
    }

    private synchronized boolean finish() {
        if (cancelled) {
            return false;
        }
        done = true;
        return true;
    }

    @Override
    public void update(long completed, long total) {
        TaskRunner.ProgressListener listener = spec.onProgress();
        if (listener == null || isCancelled()) {
            return;
        }
        // Only the latest value matters: post one delivery and let later updates overwrite it.
        if (pendingProgress.getAndSet(new long[] {completed, total}) == null) {
            ui.execute(() -> {
                long[] latest = pendingProgress.getAndSet(null);
                if (latest != null && !isCancelled()) {
                    listener.progress(latest[0], latest[1]);
                }
            });
        }
    }

    @Override
    public synchronized boolean cancel() {
        if (cancelled || done) {
            return false;
        }
        cancelled = true;
        if (worker != null) {
            worker.interrupt();
        }
        return true;
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized boolean isDone() {
        return done || cancelled;
    }
}
