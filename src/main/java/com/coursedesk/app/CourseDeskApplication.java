package com.coursedesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the window from the composition root. */
public final class CourseDeskApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("CourseDesk");
        stage.setScene(new Scene(new Label("CourseDesk"), 960, 640));
        stage.show();
    }
}
