package com.coursedesk.ui.common;

import com.coursedesk.ui.common.SystemThemeDetector.Appearance;
import com.coursedesk.ui.common.SystemThemeDetector.CommandResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The parsing of each system tool's answer, and which tool is asked on which system. */
class SystemThemeDetectorTest {

    @Test
    void gnomeColorScheme() {
        assertThat(SystemThemeDetector.parseGnomeColorScheme("'prefer-dark'\n")).isEqualTo(Appearance.DARK);
        assertThat(SystemThemeDetector.parseGnomeColorScheme("'prefer-light'\n")).isEqualTo(Appearance.LIGHT);
        assertThat(SystemThemeDetector.parseGnomeColorScheme("'default'\n")).isEqualTo(Appearance.LIGHT);
        assertThat(SystemThemeDetector.parseGnomeColorScheme("No such key “color-scheme”\n")).isEqualTo(Appearance.UNKNOWN);
        assertThat(SystemThemeDetector.parseGnomeColorScheme("")).isEqualTo(Appearance.UNKNOWN);
    }

    @Test
    void gtkThemeName() {
        assertThat(SystemThemeDetector.parseGtkThemeName("'Adwaita-dark'\n")).isEqualTo(Appearance.DARK);
        assertThat(SystemThemeDetector.parseGtkThemeName("'Yaru-dark'")).isEqualTo(Appearance.DARK);
        assertThat(SystemThemeDetector.parseGtkThemeName("'Adwaita'")).isEqualTo(Appearance.LIGHT);
        assertThat(SystemThemeDetector.parseGtkThemeName("")).isEqualTo(Appearance.UNKNOWN);
    }

    @Test
    void macInterfaceStyle() {
        assertThat(SystemThemeDetector.parseMacInterfaceStyle(0, "Dark\n")).isEqualTo(Appearance.DARK);
        assertThat(SystemThemeDetector.parseMacInterfaceStyle(1,
                "2026-05-03 10:00:00.000 defaults[123:456] \nThe domain/default pair of "
                        + "(kCFPreferencesAnyApplication, AppleInterfaceStyle) does not exist\n"))
                .isEqualTo(Appearance.LIGHT);
        assertThat(SystemThemeDetector.parseMacInterfaceStyle(127, "defaults: command not found")).isEqualTo(Appearance.UNKNOWN);
    }

    @Test
    void windowsAppsUseLightTheme() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(SystemThemeDetector.parseWindowsAppsUseLightTheme(dark)).isEqualTo(Appearance.DARK);
        assertThat(SystemThemeDetector.parseWindowsAppsUseLightTheme(dark.replace("0x0", "0x1"))).isEqualTo(Appearance.LIGHT);
        assertThat(SystemThemeDetector.parseWindowsAppsUseLightTheme(
                "ERROR: The system was unable to find the specified registry key or value.\r\n"))
                .isEqualTo(Appearance.UNKNOWN);
    }

    /** Answers known commands, records every command asked. */
    private static final class FakeCommands implements SystemThemeDetector.CommandRunner {
        final Map<List<String>, CommandResult> answers;
        final List<List<String>> asked = new ArrayList<>();

        FakeCommands(Map<List<String>, CommandResult> answers) {
            this.answers = answers;
        }

        @Override
        public Optional<CommandResult> run(List<String> command, Duration timeout) {
            asked.add(command);
            assertThat(timeout).isLessThanOrEqualTo(Duration.ofSeconds(5));
            return Optional.ofNullable(answers.get(command));
        }
    }

    @Test
    void eachSystemIsAskedWithItsOwnTool() {
        FakeCommands linux = new FakeCommands(Map.of(
                SystemThemeDetector.GNOME_COLOR_SCHEME, new CommandResult(0, "'prefer-dark'\n")));
        assertThat(new SystemThemeDetector("Linux", linux).detect()).isEqualTo(Appearance.DARK);
        assertThat(linux.asked).containsExactly(SystemThemeDetector.GNOME_COLOR_SCHEME);

        FakeCommands mac = new FakeCommands(Map.of(
                SystemThemeDetector.MAC_INTERFACE_STYLE, new CommandResult(0, "Dark\n")));
        assertThat(new SystemThemeDetector("Mac OS X", mac).detect()).isEqualTo(Appearance.DARK);

        FakeCommands windows = new FakeCommands(Map.of(SystemThemeDetector.WINDOWS_APPS_USE_LIGHT_THEME,
                new CommandResult(0, "    AppsUseLightTheme    REG_DWORD    0x1\r\n")));
        assertThat(new SystemThemeDetector("Windows 11", windows).detect()).isEqualTo(Appearance.LIGHT);
    }

    @Test
    void olderGnomeFallsBackToTheGtkThemeName() {
        FakeCommands commands = new FakeCommands(Map.of(
                SystemThemeDetector.GNOME_COLOR_SCHEME, new CommandResult(0, "'default'\n"),
                SystemThemeDetector.GNOME_GTK_THEME, new CommandResult(0, "'Adwaita-dark'\n")));
        assertThat(new SystemThemeDetector("Linux", commands).detect()).isEqualTo(Appearance.DARK);
        assertThat(commands.asked).containsExactly(SystemThemeDetector.GNOME_COLOR_SCHEME, SystemThemeDetector.GNOME_GTK_THEME);
    }

    @Test
    void noAnswerIsUnknown() {
        // No gsettings (a KDE or headless box), or a tool that timed out.
        assertThat(new SystemThemeDetector("Linux", (c, t) -> Optional.empty()).detect()).isEqualTo(Appearance.UNKNOWN);
        assertThat(new SystemThemeDetector("Linux", (c, t) -> Optional.of(new CommandResult(1, "error")))
                .detect()).isEqualTo(Appearance.UNKNOWN);
        assertThat(new SystemThemeDetector("Windows 10", (c, t) -> Optional.empty()).detect()).isEqualTo(Appearance.UNKNOWN);
    }

    @Test
    void realProcessesAreRunWithATimeout() {
        Optional<CommandResult> echo = SystemThemeDetector.runProcess(List.of("sh", "-c", "echo \"'prefer-dark'\""),
                Duration.ofSeconds(5));
        assertThat(echo).hasValueSatisfying(r -> {
            assertThat(r.exitCode()).isZero();
            assertThat(SystemThemeDetector.parseGnomeColorScheme(r.output())).isEqualTo(Appearance.DARK);
        });
        long start = System.nanoTime();
        assertThat(SystemThemeDetector.runProcess(List.of("sleep", "10"), Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(SystemThemeDetector.runProcess(List.of("no-such-command-coursedesk"), Duration.ofSeconds(1))).isEmpty();
    }
}
