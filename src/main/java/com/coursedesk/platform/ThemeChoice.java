package com.coursedesk.platform;

/**
 * The learner's choice of colours. {@link #SYSTEM} follows the operating system's light or
 * dark setting where that can be known, and is light where it cannot.
 */
public enum ThemeChoice {
    LIGHT,
    DARK,
    SYSTEM
}
