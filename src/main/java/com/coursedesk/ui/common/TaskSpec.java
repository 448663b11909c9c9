package com.coursedesk.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a {@link TaskRunner} needs to run one task: a name for logs and thread dumps,
 * the work, and the UI-thread callbacks (each may be null: "nothing to do").
 * Built by {@link TaskBuilder}.
 *
 * @param onFailure when null, a failure is logged as an error (nobody else would see it)
 * @param onDone    runs after {@code onSuccess} or {@code onFailure}, not after a cancel
 */
public record TaskSpec<T>(String name,
                          TaskRunner.Job<T> job,
                          Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure,
                          TaskRunner.ProgressListener onProgress,
                          Runnable onDone) {

    public TaskSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
    }
}
