package com.coursedesk.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
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
     * app's status colours; the app's stylesheet alone without one), a title and a heading
     * (none when null); it {@linkplain #keepWhole keeps whole}.
     */
    public static <R> Dialog<R> create(Window owner, String title, String heading) {
        Dialog<R> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        } else {
            dialog.getDialogPane().getStylesheets().add(ThemeManager.appStylesheet());
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
     * layout while it shows, the window grows by what the content lacks at its real width.
     */
    private static void keepWhole(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.setMinHeight(Region.USE_PREF_SIZE);
        // The height last asked for: a screen too short to grant it is not asked again each frame.
        double[] asked = {Double.NaN};
        Runnable fit = () -> {
            Scene scene = pane.getScene();
            if (scene == null || !dialog.isShowing()) {
                return;
            }
            // The pane taller than its window (it never shrinks below its preferred height), or
            // the content needing more at the width it was given than it got: the pane's own
            // preferred height takes wrapped lines at their one-line width.
            double missing = pane.getHeight() - scene.getHeight();
            Node content = pane.getContent();
            if (content != null) {
                Bounds given = content.getLayoutBounds();
                missing = Math.max(missing, content.prefHeight(given.getWidth()) - given.getHeight());
            }
            double wanted = dialog.getHeight() + Math.ceil(missing);
            if (missing > 0.5 && wanted != asked[0]) {
                asked[0] = wanted;
                // After this pulse, and by sizing to the scene first: a window already shown
                // kept its old size on screen when only its height was set (GTK), though JavaFX
                // took the new one.
                UiThread.fx().execute(() -> {
                    Window window = scene.getWindow();
                    if (window == null || !window.isShowing()) {
                        return;
                    }
                    window.sizeToScene();
                    if (window.getHeight() < wanted) {
                        window.setHeight(wanted);
                    }
                });
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
