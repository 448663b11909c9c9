package com.coursedesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import com.coursedesk.platform.ThemeChoice;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;

import java.net.URL;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Light and dark themes, switched at runtime. The AtlantaFX Primer theme is the
 * user-agent stylesheet (the base of every control); the app's own {@code app.css} goes on
 * each scene and uses only the theme's looked-up colours ({@code -color-fg-default}, …), so
 * the same rules are right in both themes.
 *
 * <p>{@link ThemeChoice#SYSTEM} follows the operating system as far as
 * {@link SystemThemeDetector} can tell, light where it cannot. Detection runs a process, so it
 * runs as a background task; until it answers, the last known appearance stays on screen.
 * Call {@link #refreshSystemAppearance()} when the main window regains focus to pick up a
 * change made in the system settings meanwhile. An answer younger than {@link #FRESH_ANSWER} is
 * not asked for again: at launch the launcher has just asked, and the window's first focus
 * comes a moment later (each question is a process or two).
 * Use on the FX thread.
 */
public final class ThemeManager {

    private static final String APP_STYLESHEET = "app.css";

    /** How long the system's last answer is taken as its setting without asking again. */
    static final Duration FRESH_ANSWER = Duration.ofSeconds(3);

    private final TaskRunner tasks;
    private final SystemThemeDetector detector;
    private final Consumer<String> userAgentStylesheet;
    private final LongSupplier nanoTime;
    private final Theme light = new PrimerLight();
    private final Theme dark = new PrimerDark();
    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyBooleanWrapper darkApplied = new ReadOnlyBooleanWrapper(this, "dark");
    private SystemThemeDetector.Appearance lastSystemAppearance = SystemThemeDetector.Appearance.UNKNOWN;
    // When the system last answered (System.nanoTime()); valid only once it has.
    private long answeredAt;
    private boolean answered;
    private TaskRunner.Handle detection;
    private String appliedStylesheet;

    /** Applies themes to the whole application ({@link Application#setUserAgentStylesheet}). */
    public ThemeManager(TaskRunner tasks, SystemThemeDetector detector) {
        this(tasks, detector, Application::setUserAgentStylesheet);
    }

    /**
     * @param userAgentStylesheet receives the URL of the theme to apply; tests pass a recorder
     */
    public ThemeManager(TaskRunner tasks, SystemThemeDetector detector, Consumer<String> userAgentStylesheet) {
        this(tasks, detector, userAgentStylesheet, System::nanoTime);
    }

    /** @param nanoTime the clock that ages the system's answers; tests pass one they move */
    ThemeManager(TaskRunner tasks, SystemThemeDetector detector, Consumer<String> userAgentStylesheet,
                 LongSupplier nanoTime) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.userAgentStylesheet = Objects.requireNonNull(userAgentStylesheet, "userAgentStylesheet");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Asks the system for its appearance now, blocking: for {@code Application.init()}, which
     * does not run on the FX thread, so the first window opens in the right colours.
     */
    public void primeSystemAppearance() {
        primeSystemAppearance(detector.detect());
    }

    /** Takes the system's appearance as asked for already (the launcher asks early, in parallel). */
    public synchronized void primeSystemAppearance(SystemThemeDetector.Appearance appearance) {
        answer(Objects.requireNonNull(appearance, "appearance"));
    }

    private synchronized void answer(SystemThemeDetector.Appearance appearance) {
        lastSystemAppearance = appearance;
        answeredAt = nanoTime.getAsLong();
        answered = true;
    }

    private synchronized boolean answerIsFresh() {
        return answered && nanoTime.getAsLong() - answeredAt < FRESH_ANSWER.toNanos();
    }

    /**
     * Switches to {@code newChoice}; with SYSTEM, asks the system again in the background unless
     * its last answer is fresh.
     */
    public void apply(ThemeChoice newChoice) {
        choice.set(Objects.requireNonNull(newChoice, "newChoice"));
        applyEffective();
        if (newChoice == ThemeChoice.SYSTEM) {
            refreshSystemAppearance();
        } else if (detection != null) {
            detection.cancel();
            detection = null;
        }
    }

    /**
     * With SYSTEM chosen, asks the system again and switches if its setting changed; not when
     * it answered less than {@link #FRESH_ANSWER} ago.
     */
    public void refreshSystemAppearance() {
        if (choice.get() != ThemeChoice.SYSTEM || answerIsFresh()) {
            return;
        }
        if (detection != null) {
            detection.cancel();
        }
        detection = tasks.task(detector::detect)
                .name("detect-system-theme")
                .onSuccess(appearance -> {
                    answer(appearance);
                    applyEffective();
                })
                .onDone(() -> detection = null)
                .start();
    }

    private void applyEffective() {
        boolean useDark = switch (choice.get()) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> lastSystemAppearance() == SystemThemeDetector.Appearance.DARK;
        };
        String stylesheet = (useDark ? dark : light).getUserAgentStylesheetBSS();
        // Setting the same stylesheet again would make JavaFX restyle every node for nothing.
        if (!stylesheet.equals(appliedStylesheet)) {
            userAgentStylesheet.accept(stylesheet);
            appliedStylesheet = stylesheet;
        }
        darkApplied.set(useDark);
    }

    private synchronized SystemThemeDetector.Appearance lastSystemAppearance() {
        return lastSystemAppearance;
    }

    /** What the learner chose; null until the first {@link #apply}. */
    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** Whether the dark theme is the one on screen. */
    public ReadOnlyBooleanProperty darkProperty() {
        return darkApplied.getReadOnlyProperty();
    }

    /** The URL of the app's stylesheet, for scenes made elsewhere (dialogs). */
    public static String appStylesheet() {
        URL url = ThemeManager.class.getResource(APP_STYLESHEET);
        if (url == null) {
            throw new IllegalStateException("app.css is missing from the resources of " + ThemeManager.class.getPackageName());
        }
        return url.toExternalForm();
    }

    /** Adds the app's stylesheet to {@code scene} (once). */
    public void style(Scene scene) {
        String stylesheet = appStylesheet();
        if (!scene.getStylesheets().contains(stylesheet)) {
            scene.getStylesheets().add(stylesheet);
        }
    }
}
