package com.coursedesk.platform;

/**
 * The usable part of one screen (its visual bounds: the desktop minus task bars and docks),
 * in the same coordinates as window positions. A plain value, so that the check "is this
 * window still on a screen?" runs in tests without a display.
 */
public record ScreenArea(double minX, double minY, double width, double height) {

    public ScreenArea {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("screen area must have a positive size: " + width + "x" + height);
        }
    }

    public double maxX() {
        return minX + width;
    }

    public double maxY() {
        return minY + height;
    }
}
