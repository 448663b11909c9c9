package com.coursedesk.ui.common;

import com.coursedesk.platform.ScreenArea;
import com.coursedesk.platform.WindowBounds;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a stage where it was last time and tells where it is now, for
 * {@link com.coursedesk.platform.WindowStateStore}. It follows the stage's normal (not
 * maximised, not minimised) bounds as they change, because a maximised stage reports the
 * screen's size, which is not what un-maximising should return to next time.
 */
public final class WindowPlacement {

    private final Stage stage;
    private double normalX = Double.NaN;
    private double normalY = Double.NaN;
    private double normalWidth = Double.NaN;
    private double normalHeight = Double.NaN;

    /** Starts following {@code stage}'s normal bounds. Use on the FX thread. */
    public WindowPlacement(Stage stage) {
        this.stage = Objects.requireNonNull(stage, "stage");
        stage.xProperty().addListener((obs, old, value) -> remember());
        stage.yProperty().addListener((obs, old, value) -> remember());
        stage.widthProperty().addListener((obs, old, value) -> remember());
        stage.heightProperty().addListener((obs, old, value) -> remember());
    }

    private void remember() {
        if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
            return;
        }
        normalX = stage.getX();
        normalY = stage.getY();
        normalWidth = stage.getWidth();
        normalHeight = stage.getHeight();
    }

    /** The usable areas of the screens attached now. */
    public static List<ScreenArea> currentScreens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).map(WindowPlacement::toArea).toList();
    }

    private static ScreenArea toArea(Rectangle2D bounds) {
        return new ScreenArea(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    /** {@link #restore(Optional, List, double, double)} on the screens attached now. */
    public void restore(Optional<WindowBounds> saved, double defaultWidth, double defaultHeight) {
        restore(saved, currentScreens(), defaultWidth, defaultHeight);
    }

    /**
     * Sets the stage to {@code saved} when its title bar is still on one of {@code screens}
     * (size cut to that screen); otherwise gives it the default size, no larger than the
     * first screen, centred. Call before showing the stage.
     */
    public void restore(Optional<WindowBounds> saved, List<ScreenArea> screens,
                        double defaultWidth, double defaultHeight) {
        Optional<WindowBounds> usable = saved.flatMap(b -> b.restorableOn(screens));
        if (usable.isPresent()) {
            WindowBounds bounds = usable.get();
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
            return;
        }
        double width = defaultWidth;
        double height = defaultHeight;
        if (!screens.isEmpty()) {
            ScreenArea primary = screens.get(0);
            width = Math.min(width, primary.width());
            height = Math.min(height, primary.height());
            stage.setX(primary.minX() + (primary.width() - width) / 2);
            stage.setY(primary.minY() + (primary.height() - height) / 2);
        }
        stage.setWidth(width);
        stage.setHeight(height);
    }

    /**
     * Where the stage is, to be saved: its last normal bounds and whether it is maximised.
     * Empty if it never had a usable size (never shown).
     */
    public Optional<WindowBounds> current() {
        remember();
        if (!(normalWidth > 0) || !(normalHeight > 0) || Double.isNaN(normalX) || Double.isNaN(normalY)) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(normalX, normalY, normalWidth, normalHeight, stage.isMaximized()));
    }
}
