package com.coursedesk.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirectoriesTest {

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void windowsUsesLocalAppData() {
        Path home = Path.of("C:\\Users\\ada");
        AppDirectories dirs = AppDirectories.resolve(null, "Windows 11",
                Map.of("LOCALAPPDATA", "C:\\Users\\ada\\AppData\\Local", "APPDATA", "C:\\Users\\ada\\AppData\\Roaming"),
                NO_PROPERTIES, home);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("C:\\Users\\ada\\AppData\\Local").resolve("CourseDesk"));
    }

    @Test
    void windowsWithoutLocalAppDataFallsBackUnderTheHomeFolder() {
        Path home = Path.of("/home-of-ada");
        AppDirectories dirs = AppDirectories.resolve(null, "Windows 10", Map.of(), NO_PROPERTIES, home);
        assertThat(dirs.dataDir()).isEqualTo(home.resolve("AppData").resolve("Local").resolve("CourseDesk"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        Path home = Path.of("/Users/ada");
        AppDirectories dirs = AppDirectories.resolve(null, "Mac OS X",
                Map.of("XDG_DATA_HOME", "/ignored/on/mac"), NO_PROPERTIES, home);
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/Users/ada/Library/Application Support/CourseDesk"));
    }

    @Test
    void linuxUsesXdgDataHome() {
        AppDirectories dirs = AppDirectories.resolve(null, "Linux", Map.of("XDG_DATA_HOME", "/data/ada"),
                NO_PROPERTIES, Path.of("/home/ada"));
        assertThat(dirs.dataDir()).isEqualTo(Path.of("/data/ada/coursedesk"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgDataHomeIsUnsetBlankOrRelative() {
        Path home = Path.of("/home/ada");
        Path expected = Path.of("/home/ada/.local/share/coursedesk");
        assertThat(AppDirectories.resolve(null, "Linux", Map.of(), NO_PROPERTIES, home).dataDir()).isEqualTo(expected);
        assertThat(AppDirectories.resolve(null, "Linux", Map.of("XDG_DATA_HOME", " "), NO_PROPERTIES, home).dataDir())
                .isEqualTo(expected);
        assertThat(AppDirectories.resolve(null, "Linux", Map.of("XDG_DATA_HOME", "relative/dir"), NO_PROPERTIES, home)
                .dataDir()).isEqualTo(expected);
        assertThat(AppDirectories.resolve(null, "FreeBSD", Map.of(), NO_PROPERTIES, home).dataDir()).isEqualTo(expected);
    }

    @Test
    void theDataDirOptionWinsOverThePropertyWhichWinsOverTheOs() {
        Properties properties = new Properties();
        properties.setProperty(AppDirectories.DATA_DIR_PROPERTY, "/from/property");
        Map<String, String> env = Map.of("XDG_DATA_HOME", "/data/ada");
        Path home = Path.of("/home/ada");

        assertThat(AppDirectories.resolve(Path.of("/from/option"), "Linux", env, properties, home).dataDir())
                .isEqualTo(Path.of("/from/option"));
        assertThat(AppDirectories.resolve(null, "Linux", env, properties, home).dataDir())
                .isEqualTo(Path.of("/from/property"));
        assertThat(AppDirectories.resolve(null, "Windows 11", Map.of("LOCALAPPDATA", "C:\\x"), properties, home)
                .dataDir()).isEqualTo(Path.of("/from/property"));
    }

    @Test
    void aRelativeOptionIsMadeAbsolute() {
        AppDirectories dirs = AppDirectories.resolve(Path.of("some/dir"), "Linux", Map.of(), NO_PROPERTIES,
                Path.of("/home/ada"));
        assertThat(dirs.dataDir()).isAbsolute().isEqualTo(Path.of("some/dir").toAbsolutePath());
    }

    @Test
    void logsSettingsAccountsAndTheLockLiveInsideTheDataDir(@TempDir Path tmp) throws IOException {
        AppDirectories dirs = new AppDirectories(tmp.resolve("cd"));
        assertThat(dirs.logDir()).isEqualTo(tmp.resolve("cd/logs"));
        assertThat(dirs.settingsDir()).isEqualTo(tmp.resolve("cd/settings"));
        assertThat(dirs.accountsDir()).isEqualTo(tmp.resolve("cd/accounts"));
        assertThat(dirs.lockFile()).isEqualTo(tmp.resolve("cd/coursedesk.lock"));

        dirs.createDirectories();
        assertThat(dirs.logDir()).isDirectory();
        assertThat(dirs.settingsDir()).isDirectory();
        assertThat(dirs.accountsDir()).isDirectory();
    }

    @Test
    void forCurrentProcessHonoursTheSystemProperty(@TempDir Path tmp) {
        String previous = System.getProperty(AppDirectories.DATA_DIR_PROPERTY);
        System.setProperty(AppDirectories.DATA_DIR_PROPERTY, tmp.toString());
        try {
            assertThat(AppDirectories.forCurrentProcess(null).dataDir()).isEqualTo(tmp);
            assertThat(AppDirectories.forCurrentProcess(tmp.resolve("opt")).dataDir()).isEqualTo(tmp.resolve("opt"));
        } finally {
            if (previous == null) {
                System.clearProperty(AppDirectories.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(AppDirectories.DATA_DIR_PROPERTY, previous);
            }
        }
    }
}
