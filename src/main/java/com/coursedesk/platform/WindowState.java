package com.coursedesk.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * What the desktop app remembers about its window between runs: where it was (absent on the
 * first run or when the saved values were unusable) and the theme the learner chose.
 */
public record WindowState(Optional<WindowBounds> bounds, ThemeChoice theme) {

    /** First run: no position yet, theme follows the system. */
    public static final WindowState DEFAULT = new WindowState(Optional.empty(), ThemeChoice.SYSTEM);

    public WindowState {
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(theme, "theme");
    }

    public WindowState withBounds(WindowBounds newBounds) {
        return new WindowState(Optional.of(newBounds), theme);
    }

    public WindowState withTheme(ThemeChoice newTheme) {
        return new WindowState(bounds, newTheme);
    }
}
