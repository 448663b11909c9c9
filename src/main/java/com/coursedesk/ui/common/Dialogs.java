package com.coursedesk.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
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
     * Never shorter than its content. The window is sized once, on showing, from heights taken
     * before lines wrapped at their real width, and a text filled in later (when its data
     * arrives) can wrap again: either had pushed the buttons out of the window. After each
     * layout while it shows, the window grows to the content's height at its width.
     */
    public static void keepWhole(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.setMinHeight(Region.USE_PREF_SIZE);
        // The height last asked for: a screen too short to grant it is not asked again each frame.
        double[] asked = {Double.NaN};
        Runnable fit = () -> {
            Scene scene = pane.getScene();
            if (scene == null || !dialog.isShowing()) {
                return;
            }
            double missing = pane.prefHeight(scene.getWidth()) - scene.getHeight();
            double wanted = dialog.getHeight() + Math.ceil(missing);
            if (missing > 0.5 && wanted != asked[0]) {
                asked[0] = wanted;
                dialog.setHeight(wanted);
            }
        };
        // The scene it is shown in; the pane may have left it by the time the dialog is hidden.
        Scene[] shownIn = new Scene[1];
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> {
            shownIn[0] = pane.getScene();
            shownIn[0].addPostLayoutPulseListener(fit);
        });
        dialog.addEventHandler(DialogEvent.DIALOG_HIDDEN, e -> {
            if (shownIn[0] != null) {
                shownIn[0].removePostLayoutPulseListener(fit);
                shownIn[0] = null;
            }
        });
    }
}
