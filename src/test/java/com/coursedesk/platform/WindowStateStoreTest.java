package com.coursedesk.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowStateStoreTest {

    @TempDir
    Path dir;

    private WindowStateStore store() {
        return new WindowStateStore(dir.resolve("settings").resolve(WindowStateStore.FILE_NAME));
    }

    @Test
    void aFirstRunHasDefaults() {
        assertThat(store().load()).isEqualTo(WindowState.DEFAULT);
        assertThat(WindowState.DEFAULT.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(WindowState.DEFAULT.bounds()).isEmpty();
    }

    @Test
    void whatIsSavedIsLoaded() throws IOException {
        WindowState state = new WindowState(Optional.of(new WindowBounds(-1200.5, 40, 1100, 720, true)), ThemeChoice.DARK);
        store().save(state);
        assertThat(store().load()).isEqualTo(state);
    }

    @Test
    void livesInTheSettingsFolder() {
        AppDirectories directories = new AppDirectories(dir);
        assertThat(WindowStateStore.in(directories).file())
                .isEqualTo(directories.settingsDir().resolve("window.properties").toAbsolutePath());
    }

    @Test
    void updatesKeepWhatTheyDoNotChange() {
        WindowStateStore store = store();
        assertThat(store.update(s -> s.withTheme(ThemeChoice.LIGHT))).isTrue();
        assertThat(store.update(s -> s.withBounds(new WindowBounds(10, 20, 800, 600, false)))).isTrue();
        assertThat(store.load()).isEqualTo(new WindowState(
                Optional.of(new WindowBounds(10, 20, 800, 600, false)), ThemeChoice.LIGHT));
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        WindowStateStore store = store();
        for (int i = 0; i < 5; i++) {
            store.save(WindowState.DEFAULT.withBounds(new WindowBounds(i, i, 500, 400, false)));
        }
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("window.properties");
        }
        assertThat(store.load().bounds()).hasValue(new WindowBounds(4, 4, 500, 400, false));
    }

    @Test
    void aFailedWriteIsReportedAndLeavesNoTemporaryFile() throws IOException {
        WindowStateStore store = store();
        // Something that cannot be replaced where the file should be: the final move fails.
        Path blocker = store.file();
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep"), "x");
        assertThat(store.update(s -> s.withTheme(ThemeChoice.LIGHT))).isFalse();
        assertThatThrownBy(() -> store.save(WindowState.DEFAULT)).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(blocker.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("window.properties");
        }
        assertThat(blocker.resolve("keep")).hasContent("x");
    }

    @Test
    void unusableValuesFallBackToDefaultsOneByOne() throws IOException {
        Path file = store().file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "theme=purple\nwindow.x=10\nwindow.y=20\nwindow.width=800\nwindow.height=600\n",
                StandardCharsets.UTF_8);
        assertThat(store().load()).isEqualTo(new WindowState(
                Optional.of(new WindowBounds(10, 20, 800, 600, false)), ThemeChoice.SYSTEM));

        Files.writeString(file, "theme=dark\nwindow.x=ten\nwindow.y=20\nwindow.width=800\nwindow.height=600\n");
        assertThat(store().load()).isEqualTo(new WindowState(Optional.empty(), ThemeChoice.DARK));

        Files.writeString(file, "theme=LIGHT\nwindow.x=10\nwindow.y=20\nwindow.width=-5\nwindow.height=600\n");
        assertThat(store().load()).isEqualTo(new WindowState(Optional.empty(), ThemeChoice.LIGHT));

        Files.writeString(file, "window.x=NaN\nwindow.y=20\nwindow.width=800\nwindow.height=600\n");
        assertThat(store().load().bounds()).isEmpty();
    }

    @Test
    void anUnreadableFileGivesDefaults() throws IOException {
        Path file = store().file();
        Files.createDirectories(file);
        // A directory where the file should be: reading fails, loading does not.
        assertThat(store().load()).isEqualTo(WindowState.DEFAULT);
    }

    // --- Bounds on screens ---

    private static final ScreenArea LAPTOP = new ScreenArea(0, 0, 1440, 870);
    private static final ScreenArea LEFT_MONITOR = new ScreenArea(-1920, 0, 1920, 1050);

    @Test
    void boundsOnAScreenAreRestored() {
        WindowBounds bounds = new WindowBounds(100, 80, 1100, 720, false);
        assertThat(bounds.restorableOn(List.of(LAPTOP))).hasValue(bounds);
        WindowBounds onLeft = new WindowBounds(-1800, 50, 1200, 800, true);
        assertThat(onLeft.restorableOn(List.of(LAPTOP, LEFT_MONITOR))).hasValue(onLeft);
    }

    @Test
    void boundsOnAMonitorThatIsGoneAreIgnored() {
        WindowBounds onLeft = new WindowBounds(-1800, 50, 1200, 800, false);
        assertThat(onLeft.restorableOn(List.of(LAPTOP))).isEmpty();
        assertThat(onLeft.restorableOn(List.of())).isEmpty();
    }

    @Test
    void aTitleBarOffTheScreenIsNotReachable() {
        // Body on screen, title bar above its top edge.
        assertThat(new WindowBounds(100, -200, 800, 600, false).restorableOn(List.of(LAPTOP))).isEmpty();
        // Only a sliver on the right edge.
        assertThat(new WindowBounds(1400, 100, 800, 600, false).restorableOn(List.of(LAPTOP))).isEmpty();
        // Enough of the title bar to grab.
        assertThat(new WindowBounds(1300, 100, 800, 600, false).restorableOn(List.of(LAPTOP))).isPresent();
        // Below the bottom edge.
        assertThat(new WindowBounds(100, 860, 800, 600, false).restorableOn(List.of(LAPTOP))).isEmpty();
    }

    @Test
    void aWindowLargerThanItsScreenIsShrunk() {
        WindowBounds huge = new WindowBounds(0, 0, 2560, 1600, false);
        assertThat(huge.restorableOn(List.of(LAPTOP))).hasValue(new WindowBounds(0, 0, 1440, 870, false));
    }

    @Test
    void nonsenseBoundsAreRejected() {
        assertThatThrownBy(() -> new WindowBounds(0, 0, 0, 600, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowBounds(Double.NaN, 0, 800, 600, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowBounds(0, 0, Double.POSITIVE_INFINITY, 600, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScreenArea(0, 0, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
