package com.coursedesk.ui.common;

import java.util.concurrent.Callable;

/**
 * Runs slow work (network, disk, the store) away from the UI thread and hands its outcome
 * back on the UI thread. View-models get one by constructor: {@link FxTaskRunner} in the app,
 * {@link ImmediateTaskRunner} in view-model tests, where everything then happens on the test's
 * own thread, in order.
 *
 * <pre>{@code
 * busy.set(true);
 * signIn = tasks.task(() -> session.signIn(email, password))
 *         .name("sign-in")
 *         .onSuccess(this::showAccount)
 *         .onFailure(this::showError)
 *         .onDone(() -> busy.set(false))
 *         .start();
 * }</pre>
 *
 * <p>Callbacks run on the UI thread, at most once each, and never after {@link Handle#cancel()}
 * returned true. With {@link ImmediateTaskRunner} they have all run before {@code start()}
 * returns, so do not rely on a field assigned from {@code start()} inside a callback.
 */
public interface TaskRunner {

    /** Starts the task; prefer the builder from {@link #task} or {@link #taskWithProgress}. */
    <T> Handle submit(TaskSpec<T> spec);

    /** A task whose work is {@code work}, configured by the returned builder. */
    default <T> TaskBuilder<T> task(Callable<T> work) {
        return new TaskBuilder<>(this, progress -> work.call());
    }

    /** A task whose work reports progress (and may look at {@link Progress#isCancelled()}). */
    default <T> TaskBuilder<T> taskWithProgress(Job<T> job) {
        return new TaskBuilder<>(this, job);
    }

    /** Work that reports progress. Runs on a background thread. */
    @FunctionalInterface
    interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    /** What a running {@link Job} can tell the UI and ask of it. */
    interface Progress {

        /**
         * Reports that {@code done} of {@code total} units are done. May be called often: the UI
         * sees the latest value, not every one.
         */
        void update(long done, long total);

        /** True once the task was cancelled: a long job stops at its next convenient point. */
        boolean isCancelled();
    }

    /** Receives progress on the UI thread. */
    @FunctionalInterface
    interface ProgressListener {
        void progress(long done, long total);
    }

    /** A started task. */
    interface Handle {

        /**
         * Cancels the task: its callbacks will not run, its {@link Progress} reports cancelled
         * and a thread running it is interrupted. Call on the UI thread.
         *
         * @return false when the task had already finished (or was cancelled before)
         */
        boolean cancel();

        boolean isCancelled();

        /** True once the task's outcome was delivered or it was cancelled. */
        boolean isDone();
    }
}
