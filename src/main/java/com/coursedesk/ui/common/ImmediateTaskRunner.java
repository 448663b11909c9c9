package com.coursedesk.ui.common;

/**
 * Runs each task on the calling thread and delivers its callbacks there, before
 * {@link TaskBuilder#start()} returns: view-model tests then need no waiting and no toolkit.
 * Exceptions thrown by callbacks (a failed assertion, say) reach the caller.
 */
public final class ImmediateTaskRunner implements TaskRunner {

    @Override
    public <T> Handle submit(TaskSpec<T> spec) {
        TaskExecution<T> execution = new TaskExecution<>(spec, UiThread.sameThread());
        execution.run();
        return execution;
    }
}
