package com.coursedesk.ui.shell;

import com.coursedesk.ui.common.UiThread;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the open screens that the account's local data changed (a sync pass ended, an action
 * was queued or answered), so each reloads what it shows. Listeners run on the UI thread.
 */
public final class DataChanges {

    private final UiThread ui;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public DataChanges(UiThread ui) {
        this.ui = ui;
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    /** May be called from any thread. */
    public void fire() {
        ui.execute(() -> listeners.forEach(Runnable::run));
    }
}
