package com.coursedesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.common.SystemThemeDetector.CommandResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Which theme is applied for which choice; no toolkit (the stylesheet sink is a recorder). */
class ThemeManagerTest {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheetBSS();
    private static final String DARK = new PrimerDark().getUserAgentStylesheetBSS();

    private final AtomicReference<String> gnomeAnswer = new AtomicReference<>("'default'");
    private final AtomicInteger questions = new AtomicInteger();
    private final AtomicLong nanoTime = new AtomicLong();
    private final List<String> applied = new ArrayList<>();
    private final SystemThemeDetector detector = new SystemThemeDetector("Linux", (command, timeout) -> {
        if (!command.equals(SystemThemeDetector.GNOME_COLOR_SCHEME)) {
            return Optional.empty();
        }
        questions.incrementAndGet();
        return Optional.ofNullable(gnomeAnswer.get()).map(a -> new CommandResult(0, a));
    });
    private final ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(), detector, applied::add,
            nanoTime::get);

    /** Moves the clock past the time an answer of the system is taken as fresh. */
    private void later() {
        nanoTime.addAndGet(ThemeManager.FRESH_ANSWER.toNanos());
    }

    @Test
    void lightAndDarkAreAppliedAsChosen() {
        themes.apply(ThemeChoice.DARK);
        assertThat(applied).containsExactly(DARK);
        assertThat(themes.darkProperty().get()).isTrue();
        themes.apply(ThemeChoice.LIGHT);
        assertThat(applied).containsExactly(DARK, LIGHT);
        assertThat(themes.darkProperty().get()).isFalse();
        assertThat(themes.choiceProperty().get()).isEqualTo(ThemeChoice.LIGHT);
    }

    @Test
    void systemFollowsTheOperatingSystem() {
        gnomeAnswer.set("'prefer-dark'");
        themes.apply(ThemeChoice.SYSTEM);
        assertThat(applied).last().isEqualTo(DARK);
        assertThat(themes.darkProperty().get()).isTrue();
    }

    @Test
    void aChangeInTheSystemSettingIsPickedUpOnRefresh() {
        themes.apply(ThemeChoice.SYSTEM);
        assertThat(applied).containsExactly(LIGHT);
        gnomeAnswer.set("'prefer-dark'");
        later();
        themes.refreshSystemAppearance();
        assertThat(applied).containsExactly(LIGHT, DARK);
        // No change, no restyle.
        later();
        themes.refreshSystemAppearance();
        assertThat(applied).containsExactly(LIGHT, DARK);
    }

    @Test
    void aFreshAnswerIsNotAskedForAgain() {
        // At launch: the launcher asks, the theme is applied, the window gets its first focus.
        themes.primeSystemAppearance();
        assertThat(questions).hasValue(1);
        themes.apply(ThemeChoice.SYSTEM);
        themes.refreshSystemAppearance();
        assertThat(questions).hasValue(1);
        assertThat(applied).containsExactly(LIGHT);

        nanoTime.addAndGet(ThemeManager.FRESH_ANSWER.toNanos() - 1);
        themes.refreshSystemAppearance();
        assertThat(questions).hasValue(1);
        nanoTime.addAndGet(1);
        gnomeAnswer.set("'prefer-dark'");
        themes.refreshSystemAppearance();
        assertThat(questions).hasValue(2);
        assertThat(applied).containsExactly(LIGHT, DARK);
        // That answer is fresh in its turn.
        themes.refreshSystemAppearance();
        assertThat(questions).hasValue(2);
    }

    @Test
    void refreshDoesNothingWhenTheLearnerChoseATheme() {
        themes.apply(ThemeChoice.LIGHT);
        gnomeAnswer.set("'prefer-dark'");
        later();
        themes.refreshSystemAppearance();
        assertThat(applied).containsExactly(LIGHT);
        assertThat(questions).hasValue(0);
    }

    @Test
    void anUnknownSystemIsLight() {
        gnomeAnswer.set(null);
        themes.apply(ThemeChoice.SYSTEM);
        assertThat(applied).containsExactly(LIGHT);
        assertThat(themes.darkProperty().get()).isFalse();
    }

    @Test
    void primingAsksTheSystemBeforeTheFirstWindow() {
        gnomeAnswer.set("'prefer-dark'");
        themes.primeSystemAppearance();
        assertThat(applied).isEmpty();
        // With a runner that never delivers, the primed answer alone decides the first theme.
        ThemeManager primed = new ThemeManager(new NeverDeliveringRunner(), detector, applied::add);
        primed.primeSystemAppearance();
        primed.apply(ThemeChoice.SYSTEM);
        assertThat(applied).containsExactly(DARK);
    }

    @Test
    void anAppearanceAskedForEarlierDecidesTheFirstTheme() {
        // The launcher asks the system on a thread of its own and hands the answer over.
        ThemeManager primed = new ThemeManager(new NeverDeliveringRunner(), detector, applied::add);
        primed.primeSystemAppearance(SystemThemeDetector.Appearance.DARK);
        primed.apply(ThemeChoice.SYSTEM);
        assertThat(applied).containsExactly(DARK);
        assertThat(primed.darkProperty().get()).isTrue();
    }

    @Test
    void theAppStylesheetIsOnTheClassPath() {
        assertThat(ThemeManager.appStylesheet()).endsWith("/com/coursedesk/ui/common/app.css");
    }

    /** Starts nothing: stands for a detection that has not answered yet. */
    private static final class NeverDeliveringRunner implements TaskRunner {
        @Override
        public <T> Handle submit(TaskSpec<T> spec) {
            return new Handle() {
                @Override
                public boolean cancel() {
                    return true;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }
    }
}
