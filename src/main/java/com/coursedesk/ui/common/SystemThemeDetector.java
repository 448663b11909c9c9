package com.coursedesk.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the operating system whether it is set to dark mode. JavaFX 21 cannot tell (its
 * platform preferences arrived in 22), so this runs the system's own settings tool with a
 * short timeout: {@code gsettings} on Linux desktops, {@code defaults} on macOS, {@code reg}
 * on Windows. Each call starts a process: run it off the FX thread.
 *
 * <p>The parsers of each tool's output are static and tested on their own.
 */
public final class SystemThemeDetector {

    /** What the system says. */
    public enum Appearance { LIGHT, DARK, UNKNOWN }

    /** Runs a command; empty when it could not be started or did not finish in time. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<CommandResult> run(List<String> command, Duration timeout);
    }

    /** Exit code and output (standard output and error together) of a finished command. */
    public record CommandResult(int exitCode, String output) {
    }

    static final List<String> GNOME_COLOR_SCHEME =
            List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    static final List<String> GNOME_GTK_THEME =
            List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme");
    static final List<String> MAC_INTERFACE_STYLE =
            List.of("defaults", "read", "-g", "AppleInterfaceStyle");
    static final List<String> WINDOWS_APPS_USE_LIGHT_THEME = List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme");

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(SystemThemeDetector.class);
    private static final Pattern REG_DWORD = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private final String osName;
    private final CommandRunner commands;

    public SystemThemeDetector(String osName, CommandRunner commands) {
        this.osName = Objects.requireNonNull(osName, "osName").toLowerCase(Locale.ROOT);
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /** A detector for this computer that runs real processes. */
    public static SystemThemeDetector forThisComputer() {
        return new SystemThemeDetector(System.getProperty("os.name", ""), SystemThemeDetector::runProcess);
    }

    /** Blocks for at most a few seconds; never throws. */
    public Appearance detect() {
        Appearance appearance;
        if (osName.startsWith("windows")) {
            appearance = commands.run(WINDOWS_APPS_USE_LIGHT_THEME, TIMEOUT)
                    .map(r -> parseWindowsAppsUseLightTheme(r.output())).orElse(Appearance.UNKNOWN);
        } else if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            appearance = commands.run(MAC_INTERFACE_STYLE, TIMEOUT)
                    .map(r -> parseMacInterfaceStyle(r.exitCode(), r.output())).orElse(Appearance.UNKNOWN);
        } else {
            appearance = detectGnome();
        }
        LOG.debug("System appearance on {}: {}", osName, appearance);
        return appearance;
    }

    private Appearance detectGnome() {
        Optional<CommandResult> scheme = commands.run(GNOME_COLOR_SCHEME, TIMEOUT);
        if (scheme.isEmpty() || scheme.get().exitCode() != 0) {
            return Appearance.UNKNOWN;
        }
        Appearance fromScheme = parseGnomeColorScheme(scheme.get().output());
        if (fromScheme != Appearance.LIGHT || !isGnomeDefault(scheme.get().output())) {
            return fromScheme;
        }
        // 'default' on desktops older than GNOME 42 says nothing: a dark GTK theme is the setting there.
        return commands.run(GNOME_GTK_THEME, TIMEOUT)
                .filter(r -> r.exitCode() == 0)
                .map(r -> parseGtkThemeName(r.output()))
                .orElse(Appearance.LIGHT);
    }

    /**
     * Output of {@code gsettings get org.gnome.desktop.interface color-scheme}:
     * {@code 'prefer-dark'} is dark, {@code 'prefer-light'} and {@code 'default'} are light.
     */
    static Appearance parseGnomeColorScheme(String output) {
        String value = unquote(output);
        return switch (value) {
            case "prefer-dark" -> Appearance.DARK;
            case "prefer-light", "default" -> Appearance.LIGHT;
            default -> Appearance.UNKNOWN;
        };
    }

    private static boolean isGnomeDefault(String output) {
        return unquote(output).equals("default");
    }

    /** Output of {@code gsettings get org.gnome.desktop.interface gtk-theme}, e.g. {@code 'Adwaita-dark'}. */
    static Appearance parseGtkThemeName(String output) {
        String value = unquote(output).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Appearance.UNKNOWN;
        }
        return value.endsWith("-dark") || value.endsWith(":dark") ? Appearance.DARK : Appearance.LIGHT;
    }

    /**
     * {@code defaults read -g AppleInterfaceStyle} prints {@code Dark} in dark mode; in light
     * mode the key does not exist and the command fails saying so.
     */
    static Appearance parseMacInterfaceStyle(int exitCode, String output) {
        String value = output == null ? "" : output.strip();
        if (exitCode == 0) {
            return value.equalsIgnoreCase("dark") ? Appearance.DARK : Appearance.LIGHT;
        }
        return value.contains("does not exist") ? Appearance.LIGHT : Appearance.UNKNOWN;
    }

    /**
     * {@code reg query …\Personalize /v AppsUseLightTheme} prints a line such as
     * {@code AppsUseLightTheme    REG_DWORD    0x0}: 0 is dark, anything else light. Windows
     * versions without the value (before Windows 10 1809) have no dark mode for apps.
     */
    static Appearance parseWindowsAppsUseLightTheme(String output) {
        if (output == null) {
            return Appearance.UNKNOWN;
        }
        Matcher matcher = REG_DWORD.matcher(output);
        if (!matcher.find()) {
            return Appearance.UNKNOWN;
        }
        return Long.parseLong(matcher.group(1), 16) == 0 ? Appearance.DARK : Appearance.LIGHT;
    }

    private static String unquote(String output) {
        if (output == null) {
            return "";
        }
        String value = output.strip();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Runs a real process; its output is small, so reading it after it exits cannot block it. */
    static Optional<CommandResult> runProcess(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            LOG.debug("Could not run {}: {}", command.get(0), e.toString());
            return Optional.empty();
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("{} did not answer within {}", command.get(0), timeout);
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String text = new String(out.readAllBytes(), Charset.defaultCharset());
                return Optional.of(new CommandResult(process.exitValue(), text));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                .startsWith("windows") ? "NUL" : "/dev/null");
    }
}
