package com.coursedesk.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where CourseDesk keeps its files on this computer.
 *
 * <p>The data directory is, in order of precedence: the {@code --data-dir} option, the
 * {@value #DATA_DIR_PROPERTY} system property (tests point it at a temporary folder), then
 * the operating system's convention:
 * <ul>
 *   <li>Windows: {@code %LOCALAPPDATA%\CourseDesk} (local, not roaming: the store is a
 *       per-machine cache that can be rebuilt from the server),</li>
 *   <li>macOS: {@code ~/Library/Application Support/CourseDesk},</li>
 *   <li>Linux and others: {@code $XDG_DATA_HOME/coursedesk}, or
 *       {@code ~/.local/share/coursedesk} when that variable is unset or not absolute.</li>
 * </ul>
 * Logs and settings live beside the per-account stores, in {@code logs/} and
 * {@code settings/}, so that one folder holds (and one {@code --data-dir} moves) everything.
 *
 * <p>{@link #resolve(Path, String, Map, Properties, Path)} is a pure function of its
 * arguments so that all three conventions are tested on any machine.
 */
public final class AppDirectories {

    /** System property that overrides the data directory (used by tests). */
    public static final String DATA_DIR_PROPERTY = "coursedesk.dataDir";

    private static final String WINDOWS_AND_MAC_NAME = "CourseDesk";
    private static final String UNIX_NAME = "coursedesk";

    private final Path dataDir;

    /**
     * Uses {@code dataDir} as given (normalised); no per-OS lookup. It is not made absolute
     * here so that a Windows path resolved on Linux (in a test) stays as it is; the
     * overrides read by {@link #resolve} are made absolute there.
     */
    public AppDirectories(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").normalize();
    }

    /**
     * The directories for this process: {@code dataDirOption} (the {@code --data-dir}
     * option, may be null) wins, then the system property, then the OS convention.
     */
    public static AppDirectories forCurrentProcess(Path dataDirOption) {
        return resolve(dataDirOption, System.getProperty("os.name", ""), System.getenv(),
                System.getProperties(), Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * Resolves the data directory from explicit inputs.
     *
     * @param dataDirOption the {@code --data-dir} option, or null
     * @param osName        the value of {@code os.name}
     * @param env           environment variables
     * @param systemProperties system properties (only {@value #DATA_DIR_PROPERTY} is read)
     * @param home          the user's home directory
     */
    public static AppDirectories resolve(Path dataDirOption, String osName, Map<String, String> env,
                                         Properties systemProperties, Path home) {
        if (dataDirOption != null) {
            // Absolute, so a relative --data-dir survives a later change of working directory.
            return new AppDirectories(dataDirOption.toAbsolutePath());
        }
        String fromProperty = systemProperties.getProperty(DATA_DIR_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return new AppDirectories(Path.of(fromProperty.strip()).toAbsolutePath());
        }
        return new AppDirectories(conventionalDataDir(osName, env, home));
    }

    private static Path conventionalDataDir(String osName, Map<String, String> env, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = isUsable(localAppData) ? Path.of(localAppData)
                    : home.resolve("AppData").resolve("Local");
            return base.resolve(WINDOWS_AND_MAC_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve(WINDOWS_AND_MAC_NAME);
        }
        // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (isUsable(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(UNIX_NAME);
        }
        return home.resolve(".local").resolve("share").resolve(UNIX_NAME);
    }

    private static boolean isUsable(String value) {
        return value != null && !value.isBlank();
    }

    /** The root of everything CourseDesk writes. */
    public Path dataDir() {
        return dataDir;
    }

    /** One sub-folder per signed-in account, each holding that account's store. */
    public Path accountsDir() {
        return dataDir.resolve("accounts");
    }

    /** Rotating log files. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** User settings (window size, theme, server URL). */
    public Path settingsDir() {
        return dataDir.resolve("settings");
    }

    /** The file whose lock keeps a second copy of the app from using the same data. */
    public Path lockFile() {
        return dataDir.resolve("coursedesk.lock");
    }

    /** Creates the data, accounts, log and settings folders if they are missing. */
    public void createDirectories() throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(accountsDir());
        Files.createDirectories(logDir());
        Files.createDirectories(settingsDir());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppDirectories other && other.dataDir.equals(dataDir);
    }

    @Override
    public int hashCode() {
        return dataDir.hashCode();
    }

    @Override
    public String toString() {
        return "AppDirectories[" + dataDir + "]";
    }
}
