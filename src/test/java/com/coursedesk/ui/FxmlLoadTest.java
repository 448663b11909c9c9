package com.coursedesk.ui;

import com.coursedesk.ui.about.AboutView;
import com.coursedesk.ui.about.AboutViewModel;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.ViewLoader;
import javafx.scene.Parent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads every FXML file under {@code src/main/resources} in every shipped language, through
 * the app's {@link ViewLoader}: a typo in an element, a {@code %key} a language lacks, an
 * {@code fx:id} whose type does not match the controller's field, or an {@code onAction} with
 * no handler fails here rather than when a learner opens the screen. Files are discovered, so
 * a new screen is covered the day it is added.
 *
 * <p>Controllers are built by constructors with view-models, as in the app; {@link #CONTROLLERS}
 * says how to build each one (a controller with a public no-argument constructor needs no
 * entry). A screen whose controller is missing there fails with a message saying so.
 */
@ExtendWith(FxToolkitExtension.class)
class FxmlLoadTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern CONTROLLER = Pattern.compile("fx:controller\\s*=\\s*\"([^\"]+)\"");

    /** How to build each controller for a load test, given the texts of the language under test. */
    private static final Map<Class<?>, Function<Messages, Object>> CONTROLLERS = Map.of(
            com.coursedesk.ui.purchases.PurchasesView.class, com.coursedesk.ui.purchases.PurchasesTestViews::forFxmlLoadTest,
            com.coursedesk.ui.subscriptions.SubscriptionsView.class,
                    com.coursedesk.ui.subscriptions.SubscriptionsTestViews::emptyView,
            com.coursedesk.ui.upcoming.UpcomingView.class, com.coursedesk.ui.upcoming.UpcomingTestViews::emptyView,
            com.coursedesk.ui.account.AccountView.class, com.coursedesk.ui.account.AccountTestData::view,
            com.coursedesk.ui.login.LoginView.class, com.coursedesk.ui.shell.UiAccountFixture::loginViewForLoading,
            com.coursedesk.ui.shell.ShellView.class, com.coursedesk.ui.shell.UiAccountFixture::shellViewForLoading,
            AboutView.class, messages -> new AboutView(
                    new AboutViewModel(messages, Optional.of("1.2.3"), "17.0.0", "21.0.0")));

    static List<Path> fxmlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".fxml")).sorted().toList();
        }
    }

    @Test
    void findsTheFxmlFiles() throws IOException {
        // The discovery itself is checked: an empty list would make the factory below pass vacuously.
        assertThat(fxmlFiles()).as("FXML files under %s", RESOURCES.toAbsolutePath())
                .contains(RESOURCES.resolve("com/coursedesk/ui/about/AboutView.fxml"));
    }

    @TestFactory
    List<DynamicTest> everyFxmlFileLoadsInEveryLanguage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : fxmlFiles()) {
            for (Locale language : Messages.SHIPPED_LANGUAGES) {
                String resource = RESOURCES.relativize(file).toString().replace('\\', '/');
                tests.add(DynamicTest.dynamicTest(resource + " [" + language + "]", () -> load(file, resource, language)));
            }
        }
        return tests;
    }

    private static void load(Path file, String resource, Locale language) throws Exception {
        Class<?> controllerType = controllerNamedIn(file);
        // ViewLoader finds X.fxml next to the class X: hold every file to that convention.
        String expectedResource = controllerType.getName().replace('.', '/') + ".fxml";
        assertThat(resource).as("FXML of %s must be at /%s", controllerType.getName(), expectedResource)
                .isEqualTo(expectedResource);
        URL url = FxmlLoadTest.class.getClassLoader().getResource(resource);
        assertThat(url).as("%s on the class path", resource).isNotNull();

        Messages messages = Messages.load(language);
        ViewLoader loader = new ViewLoader(messages, type -> build(type, messages));
        Parent root = FxToolkitExtension.onFxThread(() -> loader.load(controllerType).root());
        assertThat(root).isNotNull();
    }

    private static Class<?> controllerNamedIn(Path file) throws IOException, ClassNotFoundException {
        Matcher m = CONTROLLER.matcher(Files.readString(file));
        assertThat(m.find()).as("%s names its controller (fx:controller)", file).isTrue();
        return Class.forName(m.group(1));
    }

    private static Object build(Class<?> type, Messages messages) {
        Function<Messages, Object> factory = CONTROLLERS.get(type);
        if (factory != null) {
            return factory.apply(messages);
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("FxmlLoadTest does not know how to build " + type.getName()
                    + ": add it to FxmlLoadTest.CONTROLLERS with view-models on test data", e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Could not build " + type.getName(), e);
        }
    }
}
