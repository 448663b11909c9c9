package com.coursedesk.app;

import javafx.application.Application;

/** Starts the desktop application. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(CourseDeskApplication.class, args);
    }
}
