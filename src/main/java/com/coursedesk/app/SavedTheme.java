package com.coursedesk.app;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.platform.WindowStateStore;
import com.coursedesk.ui.common.TaskRunner;
import javafx.beans.value.ObservableValue;

/**
 * Writes the learner's theme to the window settings as soon as it is chosen. The window's
 * place is written when the window closes, but the theme cannot wait for that: a session
 * ended by the system (which stops the app without closing its window) or a crash would bring
 * the other theme back at the next launch.
 */
final class SavedTheme {

    private SavedTheme() {
    }

    /** From now on, each new choice is written on a task (the FX thread does not wait on disk). */
    static void follow(ObservableValue<ThemeChoice> choice, WindowStateStore store, TaskRunner tasks) {
        choice.addListener((obs, was, chosen) -> {
            if (chosen != null) {
                tasks.task(() -> store.update(state -> state.withTheme(chosen))).name("save-theme").start();
            }
        });
    }
}
