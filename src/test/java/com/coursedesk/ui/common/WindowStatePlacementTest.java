package com.coursedesk.ui.common;

import com.coursedesk.platform.ScreenArea;
import com.coursedesk.platform.WindowBounds;
import com.coursedesk.ui.FxToolkitExtension;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static com.coursedesk.ui.FxToolkitExtension.onFxThread;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link WindowPlacement} on a real (headless) stage. */
@ExtendWith(FxToolkitExtension.class)
class WindowStatePlacementTest {

    private static final List<ScreenArea> ONE_SCREEN = List.of(new ScreenArea(0, 0, 1280, 800));
    private Stage stage;

    private WindowPlacement placementOnNewStage() throws Exception {
        return onFxThread(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Pane()));
            return new WindowPlacement(stage);
        });
    }

    @AfterEach
    void closeStage() throws Exception {
        onFxThread(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
    }

    @Test
    void savedBoundsOnAScreenAreRestoredAndReportedBack() throws Exception {
        WindowPlacement placement = placementOnNewStage();
        Optional<WindowBounds> current = onFxThread(() -> {
            placement.restore(Optional.of(new WindowBounds(100, 50, 900, 600, false)), ONE_SCREEN, 1100, 720);
            stage.show();
            return placement.current();
        });
        assertThat(current).hasValue(new WindowBounds(100, 50, 900, 600, false));
    }

    @Test
    void boundsOffEveryScreenGiveTheDefaultSizeCentred() throws Exception {
        WindowPlacement placement = placementOnNewStage();
        onFxThread(() -> {
            placement.restore(Optional.of(new WindowBounds(-1800, 50, 900, 600, false)), ONE_SCREEN, 1000, 700);
            return null;
        });
        assertThat(stage.getX()).isEqualTo(140);
        assertThat(stage.getY()).isEqualTo(50);
        assertThat(stage.getWidth()).isEqualTo(1000);
        assertThat(stage.getHeight()).isEqualTo(700);
    }

    @Test
    void theDefaultSizeFitsASmallScreen() throws Exception {
        WindowPlacement placement = placementOnNewStage();
        onFxThread(() -> {
            placement.restore(Optional.empty(), List.of(new ScreenArea(0, 0, 1024, 700)), 1100, 720);
            return null;
        });
        assertThat(stage.getWidth()).isEqualTo(1024);
        assertThat(stage.getHeight()).isEqualTo(700);
    }

    @Test
    void aMaximisedWindowRemembersItsNormalBounds() throws Exception {
        WindowPlacement placement = placementOnNewStage();
        Optional<WindowBounds> current = onFxThread(() -> {
            placement.restore(Optional.of(new WindowBounds(100, 50, 900, 600, false)), ONE_SCREEN, 1100, 720);
            stage.show();
            stage.setMaximized(true);
            // What a window manager does on maximise: the stage takes the whole screen.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            return placement.current();
        });
        assertThat(current).hasValue(new WindowBounds(100, 50, 900, 600, true));
    }

    @Test
    void theScreensAttachedNowAreKnown() throws Exception {
        List<ScreenArea> screens = onFxThread(WindowPlacement::currentScreens);
        assertThat(screens).isNotEmpty();
        assertThat(screens.get(0).width()).isPositive();
    }
}
