package com.coursedesk.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The app's dialogs: over their window, in its styles, and always tall enough for what they say. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * A resizable dialog over {@code owner} (none when null) with its scene's stylesheets (the
     * app's status colours), a title and a heading; it {@linkplain #keepWhole keeps whole}.
     */
    public static <R> Dialog<R> create(Window owner, String title, String heading) {
        Dialog<R> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setTitle(title);
        dialog.setHeaderText(heading);
        dialog.setResizable(true);
        keepWhole(dialog);
        return dialog;
    }

    /**
     * Never shorter than its content: the window is sized once, when shown, so a line that
     * wraps later (a text filled in when its data arrives) pushed the buttons out of it.
     */
    public static void keepWhole(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.heightProperty().addListener((obs, old, height) -> {
            Scene scene = pane.getScene();
            Window window = scene == null ? null : scene.getWindow();
            if (window != null && window.isShowing() && height.doubleValue() > scene.getHeight()) {
                window.sizeToScene();
            }
        });
    }
}
