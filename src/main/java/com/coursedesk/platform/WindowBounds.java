package com.coursedesk.platform;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window was and how big: its normal (not maximised) position and size, and
 * whether it was maximised. Kept in normal bounds so that un-maximising after a restart goes
 * back to the size the learner chose.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /** Height of the strip at the top of a window the learner grabs to move it. */
    static final double TITLE_BAR_HEIGHT = 32;
    /** How much of that strip must be on a screen for the window to count as reachable. */
    static final double MIN_VISIBLE_WIDTH = 64;
    static final double MIN_VISIBLE_HEIGHT = 16;

    public WindowBounds {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a window position: " + x + "," + y + " " + width + "x" + height);
        }
    }

    /**
     * These bounds as they can be restored on the given screens: empty when the window's title
     * bar would be on no screen (a monitor was unplugged, the resolution shrank), else the same
     * position with the size cut down to the screen the title bar is on.
     */
    public Optional<WindowBounds> restorableOn(List<ScreenArea> screens) {
        for (ScreenArea screen : screens) {
            if (titleBarVisibleOn(screen)) {
                double w = Math.min(width, screen.width());
                double h = Math.min(height, screen.height());
                return Optional.of(new WindowBounds(x, y, w, h, maximized));
            }
        }
        return Optional.empty();
    }

    private boolean titleBarVisibleOn(ScreenArea screen) {
        double overlapWidth = Math.min(x + width, screen.maxX()) - Math.max(x, screen.minX());
        double overlapHeight = Math.min(y + TITLE_BAR_HEIGHT, screen.maxY()) - Math.max(y, screen.minY());
        return overlapWidth >= Math.min(MIN_VISIBLE_WIDTH, width) && overlapHeight >= MIN_VISIBLE_HEIGHT;
    }
}
