package com.coursedesk.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/** Configures one task of a {@link TaskRunner}; {@link #start()} runs it. */
public final class TaskBuilder<T> {

    private final TaskRunner runner;
    private final TaskRunner.Job<T> job;
    private String name = "task";
    private Consumer<? super T> onSuccess;
    private Consumer<? super Throwable> onFailure;
    private TaskRunner.ProgressListener onProgress;
    private Runnable onDone;

    TaskBuilder(TaskRunner runner, TaskRunner.Job<T> job) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.job = Objects.requireNonNull(job, "job");
    }

    /** A short name for logs ("sign-in", "export-csv"). */
    public TaskBuilder<T> name(String taskName) {
        this.name = Objects.requireNonNull(taskName, "taskName");
        return this;
    }

    /** Receives the result on the UI thread. */
    public TaskBuilder<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = callback;
        return this;
    }

    /** Receives what the work threw on the UI thread. Without one, the failure is logged. */
    public TaskBuilder<T> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = callback;
        return this;
    }

    /** Receives the latest progress on the UI thread. */
    public TaskBuilder<T> onProgress(TaskRunner.ProgressListener callback) {
        this.onProgress = callback;
        return this;
    }

    /** Runs on the UI thread after success or failure (not after a cancel): clear busy flags here. */
    public TaskBuilder<T> onDone(Runnable callback) {
        this.onDone = callback;
        return this;
    }

    public TaskSpec<T> spec() {
        return new TaskSpec<>(name, job, onSuccess, onFailure, onProgress, onDone);
    }

    public TaskRunner.Handle start() {
        return runner.submit(spec());
    }
}
