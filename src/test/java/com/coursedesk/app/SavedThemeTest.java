package com.coursedesk.app;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.platform.WindowBounds;
import com.coursedesk.platform.WindowState;
import com.coursedesk.platform.WindowStateStore;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SavedThemeTest {

    @TempDir
    Path dir;

    @Test
    void aChosenThemeIsInTheSettingsAtOnceNotOnlyWhenTheWindowCloses() throws IOException {
        WindowStateStore store = new WindowStateStore(dir.resolve("settings").resolve(WindowStateStore.FILE_NAME));
        WindowBounds place = new WindowBounds(40, 30, 1200, 800, false);
        store.save(new WindowState(Optional.of(place), ThemeChoice.SYSTEM));
        var choice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
        SavedTheme.follow(choice, store, new ImmediateTaskRunner());

        choice.set(ThemeChoice.DARK);

        // What the next launch reads if this one is stopped now, without closing its window.
        assertThat(new WindowStateStore(store.file()).load())
                .isEqualTo(new WindowState(Optional.of(place), ThemeChoice.DARK));

        choice.set(ThemeChoice.LIGHT);
        assertThat(new WindowStateStore(store.file()).load().theme()).isEqualTo(ThemeChoice.LIGHT);
    }
}
