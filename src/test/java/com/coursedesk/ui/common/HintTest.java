package com.coursedesk.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A tooltip made when the pointer first moves over its node, read aloud before that. */
@ExtendWith(ApplicationExtension.class)
class HintTest {

    private Button sync;
    private Region badge;

    @Start
    void start(Stage stage) {
        sync = new Button("Sync now");
        Hint.setText(sync, "Fetch the latest purchases");
        badge = new Region();
        badge.setMinSize(40, 40);
        Hint.setText(badge, "Paid");
        stage.setScene(new Scene(new HBox(40, sync, badge), 300, 120));
        stage.show();
    }

    @Test
    void noTooltipIsMadeUntilThePointerMovesOverTheNodeButItsTextIsTheAccessibleHelp() {
        assertThat(sync.getTooltip()).isNull();
        assertThat(sync.getAccessibleHelp()).isEqualTo("Fetch the latest purchases");
        assertThat(Hint.getText(sync)).isEqualTo("Fetch the latest purchases");
        assertThat(Hint.getText(new Button())).isNull();
    }

    @Test
    void pointingAtTheButtonShowsItsTooltip(FxRobot robot) throws Exception {
        robot.moveTo(sync).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sync.getTooltip() != null);
        Tooltip tooltip = sync.getTooltip();
        assertThat(tooltip.getText()).isEqualTo("Fetch the latest purchases");

        robot.moveBy(1, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tooltip::isShowing);

        // A later text reaches the tooltip already made.
        FxToolkit.setupFixture(() -> Hint.setText(sync, "Syncing…"));
        assertThat(tooltip.getText()).isEqualTo("Syncing…");
        assertThat(sync.getAccessibleHelp()).isEqualTo("Syncing…");
        robot.moveTo(badge);
    }

    @Test
    void aNodeThatIsNotAControlGetsItsTooltipInstalled(FxRobot robot) throws Exception {
        robot.moveTo(badge).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(window -> window instanceof Tooltip shown && "Paid".equals(shown.getText())
                        && shown.isShowing()));
    }

    @Test
    void aCutLabelShowsItsWholeTextWhichTheTooltipFollows(FxRobot robot) throws Exception {
        Label title = new Label();
        FxToolkit.setupFixture(() -> {
            Hint.showWholeText(title);
            ((HBox) sync.getParent()).getChildren().add(title);
        });
        robot.moveTo(title).moveBy(1, 1);
        assertThat(title.getTooltip()).as("no text, no tooltip").isNull();

        FxToolkit.setupFixture(() -> title.setText("Introduction to Psychology"));
        robot.moveTo(title).moveBy(2, 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> title.getTooltip() != null);
        assertThat(title.getTooltip().getText()).isEqualTo("Introduction to Psychology");
        assertThat(title.getAccessibleHelp()).as("its own text is read aloud").isNull();

        // A table reuses its cells for other rows: the tooltip follows, and goes with the text.
        FxToolkit.setupFixture(() -> title.setText("Learning How to Learn"));
        assertThat(title.getTooltip().getText()).isEqualTo("Learning How to Learn");
        FxToolkit.setupFixture(() -> title.setText(null));
        assertThat(title.getTooltip()).isNull();
        FxToolkit.setupFixture(() -> title.setText("Machine Learning"));
        assertThat(title.getTooltip().getText()).isEqualTo("Machine Learning");
    }

    @Test
    void fxmlSetsItAsAStaticPropertyWithATranslatedText() throws Exception {
        String fxml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?import com.coursedesk.ui.common.Hint?>
                <?import javafx.scene.control.Button?>
                <Button xmlns:fx="http://javafx.com/fxml/1" text="%sync" Hint.text="%sync.tooltip"/>
                """;
        ResourceBundle spanish = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"sync", "Sincronizar"}, {"sync.tooltip", "Trae las últimas compras"}};
            }
        };
        FXMLLoader loader = new FXMLLoader();
        loader.setResources(spanish);
        Button loaded = loader.load(new ByteArrayInputStream(fxml.getBytes(StandardCharsets.UTF_8)));

        assertThat(Hint.getText(loaded)).isEqualTo("Trae las últimas compras");
        assertThat(loaded.getAccessibleHelp()).isEqualTo("Trae las últimas compras");
        assertThat(loaded.getTooltip()).isNull();
    }
}
