package com.coursedesk.ui.common;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.FxToolkitExtension;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real themes with the real app.css, on the FX thread: every looked-up colour app.css
 * names exists in the theme (JavaFX only logs a warning for one that does not, so the log is
 * watched), and the semantic classes change colour with the theme.
 */
@ExtendWith(FxToolkitExtension.class)
class ThemeStylesheetTest {

    private static final List<String> CLASSES = List.of("title", "muted", "status-ok", "status-warning",
            "status-danger", "pending", "money", "accent");

    private final ListAppender<ILoggingEvent> cssLog = new ListAppender<>();
    private Logger javafxCss;

    @BeforeEach
    void watchCssWarnings() {
        javafxCss = (Logger) LoggerFactory.getLogger("javafx.css");
        cssLog.start();
        javafxCss.addAppender(cssLog);
    }

    @AfterEach
    void restore() throws Exception {
        javafxCss.detachAppender(cssLog);
        FxToolkitExtension.onFxThread(() -> {
            Application.setUserAgentStylesheet(null);
            return null;
        });
    }

    private Map<String, Paint> textFillsIn(ThemeChoice choice) throws Exception {
        return FxToolkitExtension.onFxThread(() -> {
            ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                    new SystemThemeDetector("Linux", (c, t) -> Optional.empty()));
            themes.apply(choice);
            VBox box = new VBox();
            box.getStyleClass().add("card");
            Label plain = new Label("plain");
            plain.setId("plain");
            box.getChildren().add(plain);
            for (String styleClass : CLASSES) {
                Label label = new Label(styleClass);
                label.setId(styleClass);
                label.getStyleClass().add(styleClass);
                box.getChildren().add(label);
            }
            Scene scene = new Scene(box);
            themes.style(scene);
            box.applyCss();
            Map<String, Paint> fills = new LinkedHashMap<>();
            for (var node : box.getChildren()) {
                fills.put(node.getId(), ((Label) node).getTextFill());
            }
            return fills;
        });
    }

    @Test
    void everyLookedUpColourResolvesInBothThemes() throws Exception {
        textFillsIn(ThemeChoice.LIGHT);
        textFillsIn(ThemeChoice.DARK);
        assertThat(cssLog.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void statusClassesAreDistinctAndFollowTheTheme() throws Exception {
        Map<String, Paint> light = textFillsIn(ThemeChoice.LIGHT);
        Map<String, Paint> dark = textFillsIn(ThemeChoice.DARK);
        for (String status : List.of("status-ok", "status-warning", "status-danger", "muted", "accent")) {
            assertThat(light.get(status)).as(status).isNotEqualTo(light.get("plain"));
            assertThat(dark.get(status)).as(status + " in dark").isNotEqualTo(light.get(status));
        }
        assertThat(List.of(light.get("status-ok"), light.get("status-warning"), light.get("status-danger")))
                .doesNotHaveDuplicates();
        assertThat(dark.get("plain")).isNotEqualTo(light.get("plain"));
    }
}
