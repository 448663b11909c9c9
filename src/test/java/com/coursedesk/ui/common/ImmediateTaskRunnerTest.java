package com.coursedesk.ui.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same-thread runner that view-model tests use: same rules as the app's, no waiting. */
class ImmediateTaskRunnerTest {

    private final TaskRunner tasks = new ImmediateTaskRunner();
    private final List<String> events = new ArrayList<>();

    @Test
    void everythingHappensBeforeStartReturnsInOrder() {
        TaskRunner.Handle handle = tasks.taskWithProgress(progress -> {
                    events.add("work on " + Thread.currentThread().getName());
                    progress.update(1, 2);
                    progress.update(2, 2);
                    return "result";
                })
                .onProgress((done, total) -> events.add("progress " + done + "/" + total))
                .onSuccess(value -> events.add("success " + value))
                .onFailure(error -> events.add("failure"))
                .onDone(() -> events.add("done"))
                .start();
        events.add("started");
        assertThat(events).containsExactly("work on " + Thread.currentThread().getName(),
                "progress 1/2", "progress 2/2", "success result", "done", "started");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.cancel()).as("too late to cancel").isFalse();
        assertThat(handle.isCancelled()).isFalse();
    }

    @Test
    void aFailureGoesToOnFailureThenOnDone() {
        tasks.task(() -> {
                    throw new IOException("disk full");
                })
                .onSuccess(value -> events.add("success"))
                .onFailure(error -> events.add("failure " + error.getMessage()))
                .onDone(() -> events.add("done"))
                .start();
        assertThat(events).containsExactly("failure disk full", "done");
    }

    @Test
    void anUnhandledFailureIsLoggedNotLost() {
        Logger logger = (Logger) LoggerFactory.getLogger(TaskExecution.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            tasks.task(() -> {
                throw new IllegalStateException("boom");
            }).name("export-csv").start();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("export-csv");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
    }

    @Test
    void aFailingCallbackReachesTheTest() {
        assertThatThrownBy(() -> tasks.task(() -> 41)
                .onSuccess(value -> assertThat(value).isEqualTo(42))
                .start())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theJobSeesItIsNotCancelled() {
        tasks.taskWithProgress(progress -> progress.isCancelled())
                .onSuccess(cancelled -> events.add("cancelled=" + cancelled))
                .start();
        assertThat(events).containsExactly("cancelled=false");
    }
}
