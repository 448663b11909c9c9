package com.coursedesk.ui.about;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.ViewLoader;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The About box in a real window, headless: proves that TestFX runs in {@code mvn verify}, that
 * the theme, the app stylesheet and the icon font load, and that the view shows what its
 * view-model says, in the learner's language.
 */
@ExtendWith(ApplicationExtension.class)
class AboutViewTest {

    @Start
    void start(Stage stage) {
        Messages messages = Messages.load(new Locale("es", "ES"));
        AboutViewModel viewModel = new AboutViewModel(messages, Optional.of("0.1.0"), "17.0.9", "21.0.11");
        ViewLoader loader = new ViewLoader(messages, type -> new AboutView(viewModel));
        ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
        themes.apply(ThemeChoice.LIGHT);
        Scene scene = new Scene(loader.load(AboutView.class).root());
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void resetTheme() throws Exception {
        // The toolkit outlives this class: leave the default look for the tests that follow.
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
    }

    @Test
    void showsNameVersionAndRuntimeInTheLearnersLanguage(FxRobot robot) {
        assertThat(robot.lookup("#nameLabel").queryAs(Label.class).getText()).isEqualTo("CourseDesk");
        assertThat(robot.lookup("#descriptionLabel").queryAs(Label.class).getText()).startsWith("Tus compras");
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).isEqualTo("Versión 0.1.0");
        assertThat(robot.lookup("#runtimeLabel").queryAs(Label.class).getText()).isEqualTo("Java 17.0.9, JavaFX 21.0.11");
    }

    @Test
    void theWindowIsStyledByTheThemeAndTheAppStylesheet(FxRobot robot) {
        Label name = robot.lookup("#nameLabel").queryAs(Label.class);
        Label version = robot.lookup("#versionLabel").queryAs(Label.class);
        // .title makes the name larger than ordinary text; .muted greys the version.
        assertThat(name.getFont().getSize()).isGreaterThan(version.getFont().getSize());
        assertThat(version.getTextFill()).isNotEqualTo(name.getTextFill());
        // The Ikonli icon resolved its glyph and took the theme's accent colour from .accent.
        FontIcon icon = robot.lookup(".ikonli-font-icon").queryAs(FontIcon.class);
        assertThat(icon.getIconCode().getDescription()).isEqualTo("mdmz-school");
        assertThat(icon.getIconColor()).isNotEqualTo(name.getTextFill()).isNotEqualTo(Color.BLACK);
    }

    @Test
    void theRunningAppReadsItsVersionFromTheJarManifest() {
        // From target/classes there is no manifest: a development build, said in words.
        AboutViewModel fromClasses = AboutViewModel.forRunningApp(Messages.load(Locale.ENGLISH));
        assertThat(fromClasses.versionText()).isIn("Development build",
                "Version " + AboutViewModel.class.getPackage().getImplementationVersion());
        assertThat(fromClasses.runtimeText()).startsWith("Java " + System.getProperty("java.version") + ", JavaFX 21");
    }
}
