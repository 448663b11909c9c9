package com.coursedesk.ui.common;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coursedesk.ui.FxToolkitExtension;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's runner with the JavaFX toolkit running: work off, outcomes on the FX thread. */
@ExtendWith(FxToolkitExtension.class)
class FxTaskRunnerTest {

    private final FxTaskRunner tasks = new FxTaskRunner();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void workRunsOnANamedDaemonThreadAndTheResultArrivesOnTheFxThread() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> result = new CompletableFuture<>();
        tasks.task(() -> {
                    worker.set(Thread.currentThread());
                    assertThat(Platform.isFxApplicationThread()).isFalse();
                    return "signed in";
                })
                .onSuccess(value -> {
                    seen.add("success on FX thread: " + Platform.isFxApplicationThread());
                    result.complete(value);
                })
                .onDone(() -> seen.add("done on FX thread: " + Platform.isFxApplicationThread()))
                .start();
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("signed in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seen.size() == 2);
        assertThat(seen).containsExactly("success on FX thread: true", "done on FX thread: true");
        assertThat(worker.get().getName()).matches("coursedesk-bg-\\d+");
        assertThat(worker.get().isDaemon()).isTrue();
    }

    @Test
    void failuresArriveOnTheFxThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        tasks.task(() -> {
                    throw new IllegalStateException("server unreachable");
                })
                .onFailure(error -> failure.complete(Platform.isFxApplicationThread() + " " + error.getMessage()))
                .start();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isEqualTo("true server unreachable");
    }

    @Test
    void progressArrivesOnTheFxThreadLatestValueFirstAndBeforeTheResult() throws Exception {
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean allOnFxThread = new AtomicBoolean(true);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        tasks.taskWithProgress(p -> {
                    for (int i = 1; i <= 50_000; i++) {
                        p.update(i, 50_000);
                    }
                    return progress.size();
                })
                .onProgress((completed, total) -> {
                    allOnFxThread.compareAndSet(true, Platform.isFxApplicationThread());
                    progress.add(new long[] {completed, total});
                })
                .onSuccess(sizeWhenWorkEnded -> done.complete(progress.size()))
                .start();
        int deliveredBeforeSuccess = done.get(10, TimeUnit.SECONDS);
        assertThat(allOnFxThread).isTrue();
        assertThat(deliveredBeforeSuccess).as("every progress delivery came before the result")
                .isEqualTo(progress.size());
        // Coalesced: the FX thread is not flooded with 50,000 updates, and the last one is the final count.
        assertThat(progress.size()).isBetween(1, 49_999);
        assertThat(progress.get(progress.size() - 1)).containsExactly(50_000, 50_000);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
        }
    }

    @Test
    void cancelInterruptsTheWorkAndSilencesItsCallbacks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        AtomicReference<TaskRunner.Progress> progressSeen = new AtomicReference<>();
        List<String> callbacks = Collections.synchronizedList(new ArrayList<>());
        TaskRunner.Handle handle = tasks.taskWithProgress(p -> {
                    progressSeen.set(p);
                    started.countDown();
                    try {
                        Thread.sleep(30_000);
                        interrupted.complete(false);
                    } catch (InterruptedException e) {
                        interrupted.complete(true);
                        throw e;
                    }
                    return "never";
                })
                .onSuccess(v -> callbacks.add("success"))
                .onFailure(e -> callbacks.add("failure"))
                .onDone(() -> callbacks.add("done"))
                .start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(FxToolkitExtension.onFxThread(handle::cancel)).isTrue();
        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(progressSeen.get().isCancelled()).isTrue();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.cancel()).as("second cancel").isFalse();
        // Give a (wrong) delivery every chance to arrive: a later task's callback comes after it.
        CompletableFuture<String> later = new CompletableFuture<>();
        tasks.task(() -> "later").onSuccess(later::complete).start();
        later.get(10, TimeUnit.SECONDS);
        FxToolkitExtension.onFxThread(() -> null);
        assertThat(callbacks).isEmpty();
    }

    @Test
    void aCallbackThatThrowsIsLogged() throws Exception {
        ListAppender<ILoggingEvent> log = watch(FxTaskRunner.class);
        try {
            CompletableFuture<Void> after = new CompletableFuture<>();
            tasks.task(() -> 1)
                    .onSuccess(v -> {
                        throw new IllegalStateException("bug in a view-model");
                    })
                    .start();
            tasks.task(() -> 2).onSuccess(v -> after.complete(null)).start();
            after.get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !log.list.isEmpty());
        } finally {
            detach(FxTaskRunner.class, log);
        }
        assertThat(log.list.get(0).getThrowableProxy().getMessage()).isEqualTo("bug in a view-model");
    }

    @Test
    void anUncaughtExceptionOnAWorkerIsLogged() throws Exception {
        ListAppender<ILoggingEvent> log = watch(FxTaskRunner.class);
        // A UI executor that refuses work (the toolkit has gone) makes the delivery itself throw.
        try (FxTaskRunner broken = new FxTaskRunner(1, action -> {
            throw new RejectedExecutionException("toolkit gone");
        })) {
            broken.task(() -> "x").start();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !log.list.isEmpty());
        } finally {
            detach(FxTaskRunner.class, log);
        }
        ILoggingEvent event = log.list.get(0);
        assertThat(event.getFormattedMessage()).matches("Uncaught exception on background thread coursedesk-bg-\\d+");
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("toolkit gone");
    }

    @Test
    void closeCancelsRunningTasksAndRefusesNewOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        TaskRunner.Handle handle = tasks.task(() -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
            return null;
        }).start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        tasks.close();
        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handle.isCancelled()).isTrue();
        assertThatThrownBy(() -> tasks.task(() -> 1).start()).isInstanceOf(IllegalStateException.class);
    }

    private static ListAppender<ILoggingEvent> watch(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static void detach(Class<?> type, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }
}
