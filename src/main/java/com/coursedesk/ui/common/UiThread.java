package com.coursedesk.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * Runs work on the UI thread. View-models receive one by constructor and hand it what must
 * touch their properties when a change comes from another thread (a service listener, for
 * instance); view-model tests pass {@code Runnable::run}.
 *
 * <p>{@link #fx()} is, with {@link FxTaskRunner} (which uses it), the one place where the app
 * crosses to the JavaFX application thread: services never call {@code Platform.runLater}.
 */
@FunctionalInterface
public interface UiThread extends Executor {

    /**
     * The JavaFX application thread. Always posts, even when called on that thread, so work
     * runs in the order it was handed over and never re-enters the caller.
     */
    static UiThread fx() {
        return Platform::runLater;
    }

    /** The calling thread: for tests and for code that runs without a UI. */
    static UiThread sameThread() {
        return Runnable::run;
    }
}
