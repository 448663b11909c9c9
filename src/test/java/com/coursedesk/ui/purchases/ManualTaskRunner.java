package com.coursedesk.ui.purchases;

import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.TaskSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds every task until the test runs it, in the order the test chooses, on the test's thread:
 * for races such as a stale search finishing after a newer one. Follows the runners' rules: a
 * cancelled task delivers nothing.
 */
final class ManualTaskRunner implements TaskRunner {

    private final List<Queued<?>> queued = new ArrayList<>();

    @Override
    public <T> Handle submit(TaskSpec<T> spec) {
        Queued<T> task = new Queued<>(spec);
        queued.add(task);
        return task;
    }

    /** Tasks started and not yet run (cancelled ones included), oldest first. */
    List<String> waiting() {
        return queued.stream().map(q -> q.spec.name() + (q.cancelled ? " (cancelled)" : "")).toList();
    }

    /** Runs the newest waiting task. */
    void runNewest() {
        queued.remove(queued.size() - 1).run();
    }

    /**
     * Runs the newest waiting task's work but holds back its outcome, as a busy UI thread does:
     * the returned runnable delivers it (nothing if the task was cancelled meanwhile).
     */
    Runnable runNewestHoldingDelivery() {
        Queued<?> task = queued.remove(queued.size() - 1);
        return task.runHoldingDelivery();
    }

    /** Runs every waiting task, oldest first (also those that tasks start meanwhile). */
    void runAll() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    private static final class Queued<T> implements Handle, Progress {

        private final TaskSpec<T> spec;
        private boolean cancelled;
        private boolean done;

        Queued(TaskSpec<T> spec) {
            this.spec = spec;
        }

        void run() {
            runHoldingDelivery().run();
        }

        Runnable runHoldingDelivery() {
            T result;
            try {
                result = spec.job().run(this);
            } catch (Exception e) {
                return () -> {
                    if (!cancelled) {
                        done = true;
                        if (spec.onFailure() != null) {
                            spec.onFailure().accept(e);
                        }
                        if (spec.onDone() != null) {
                            spec.onDone().run();
                        }
                    }
                };
            }
            return () -> {
                if (cancelled) {
                    return;
                }
                done = true;
                if (spec.onSuccess() != null) {
                    spec.onSuccess().accept(result);
                }
                if (spec.onDone() != null) {
                    spec.onDone().run();
                }
            };
        }

        @Override
        public boolean cancel() {
            if (cancelled || done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public void update(long completed, long total) {
            // Progress is not used by the purchase history.
        }
    }
}
