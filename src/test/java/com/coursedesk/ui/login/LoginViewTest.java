package com.coursedesk.ui.login;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.ServiceFixture.Records;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.shell.UiAccountFixture;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static com.coursedesk.ui.shell.UiAccountFixture.KENJI;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in screen in a real window, headless, with background work on real threads against
 * a real sandbox: what the learner can press, what they read when it goes wrong, the demo
 * accounts, and an account on this computer opening while the server is down.
 */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private SignInService service;
    private FxTaskRunner tasks;
    private Stage stage;
    private LoginView view;
    private final List<AccountSession> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp() {
        fx = UiAccountFixture.start(dir);
        service = fx.signInService();
        tasks = new FxTaskRunner(2, UiThread.fx());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (view != null) {
                view.dispose();
            }
            // The toolkit outlives this class: leave the default look for the tests that follow.
            Application.setUserAgentStylesheet(null);
        });
        tasks.close();
        fx.close();
    }

    /** Shows a fresh sign-in screen, as the app does at start and after signing out. */
    private void showSignIn() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (view != null) {
                view.dispose();
            }
            LoginViewModel viewModel = new LoginViewModel(service, UiAccountFixture.demoCredentials(), tasks,
                    fx.messages(), fx.formats(), Clock.systemUTC(), session -> opened.add(fx.track(session)));
            view = new LoginView(viewModel, fx.messages());
            Parent root = new ViewLoader(fx.messages(), type -> view).load(LoginView.class).root();
            ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                    new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
            themes.apply(ThemeChoice.LIGHT);
            Scene scene = new Scene(root, 1024, 700);
            themes.style(scene);
            stage.setScene(scene);
            // The stage is shared with the other UI tests, one of which narrows it to 640 px: the
            // known accounts' Open button was then outside the window and its click went nowhere.
            stage.sizeToScene();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
    }

    private static void clear(FxRobot robot, String query) {
        robot.clickOn(query);
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.type(KeyCode.BACK_SPACE);
    }

    private static Button signInButton(FxRobot robot) {
        return robot.lookup("#signInButton").queryButton();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryTextInputControl().getText();
    }

    @Test
    void signInIsEnabledOnlyWhileTheInputIsValid(FxRobot robot) throws Exception {
        showSignIn();
        assertThat(signInButton(robot).isDisabled()).as("the demo's first account is filled in").isFalse();

        clear(robot, "#emailField");
        assertThat(signInButton(robot).isDisabled()).as("no email").isTrue();
        robot.write("ada@example");
        assertThat(signInButton(robot).isDisabled()).as("not yet an address").isTrue();
        robot.write(".com");
        assertThat(signInButton(robot).isDisabled()).isFalse();

        clear(robot, "#passwordField");
        assertThat(signInButton(robot).isDisabled()).as("no password").isTrue();
        robot.write("secret");
        assertThat(signInButton(robot).isDisabled()).isFalse();

        robot.clickOn("#providerChoice");
        assertThat(robot.lookup("#serverUrlField").queryAs(TextField.class).isVisible()).isTrue();
        assertThat(signInButton(robot).isDisabled()).as("no address").isTrue();
        robot.clickOn("#serverUrlField").write("http://example.com");
        Label problem = robot.lookup("#serverUrlProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("plain http:// is only allowed for this computer");
        assertThat(signInButton(robot).isDisabled()).isTrue();
        clear(robot, "#serverUrlField");
        robot.write("https://billing.example.com");
        assertThat(problem.isVisible()).isFalse();
        assertThat(signInButton(robot).isDisabled()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheErrorInWords(FxRobot robot) throws Exception {
        showSignIn();
        clear(robot, "#passwordField");
        robot.write("not-the-password");

        robot.clickOn("#signInButton");

        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        await("the error", () -> "Wrong email or password.".equals(error.getText()));
        assertThat(error.isVisible()).isTrue();
        assertThat(robot.lookup("#passwordField").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(signInButton(robot).isDisabled()).as("until a password is typed again").isTrue();
        assertThat(opened).isEmpty();
    }

    @Test
    void theServerFailingIsShownAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        showSignIn();
        fx.server().faults("{\"failNext\":5,\"failureStatus\":500}");

        robot.clickOn("#signInButton");

        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        await("the error", () -> error.getText().startsWith("The server failed"));
        assertThat(robot.lookup("#busyIndicator").query().isVisible()).isFalse();
        assertThat(robot.lookup("#emailField").query().isDisabled()).isFalse();
    }

    @Test
    void clickingADemoAccountFillsItsEmailAndPassword(FxRobot robot) throws Exception {
        showSignIn();
        clear(robot, "#emailField");
        clear(robot, "#passwordField");

        robot.clickOn(demoCell(robot, KENJI));

        assertThat(text(robot, "#emailField")).isEqualTo(KENJI);
        assertThat(text(robot, "#passwordField")).isEqualTo(ServiceFixture.password(KENJI));
        assertThat(signInButton(robot).isDisabled()).isFalse();

        // Edited by mistake, the same entry clicked again fills it in again.
        clear(robot, "#emailField");
        robot.write("typo@example.com");
        robot.clickOn(demoCell(robot, KENJI));
        assertThat(text(robot, "#emailField")).isEqualTo(KENJI);
    }

    @SuppressWarnings("unchecked")
    private static ListCell<DemoCredentials> demoCell(FxRobot robot, String email) {
        Predicate<ListCell<DemoCredentials>> holds = cell -> cell.getItem() != null && cell.getItem().email().equals(email);
        return robot.lookup("#demoList .list-cell").<ListCell<DemoCredentials>>queryAll().stream()
                .filter(holds).findFirst().orElseThrow(() -> new AssertionError("no demo entry for " + email));
    }

    @Test
    void anAccountSignedInBeforeIsListedAndOpensWithTheServerDown(FxRobot robot) throws Exception {
        showSignIn();
        VBox knownBox = robot.lookup("#knownBox").queryAs(VBox.class);
        assertThat(knownBox.isVisible()).as("nothing on this computer yet").isFalse();

        robot.clickOn("#signInButton");
        await("ada's account opened", () -> opened.size() == 1);
        AccountSession first = opened.remove(0);
        assertThat(first.account().email()).isEqualTo(ADA);
        assertThat(ServiceFixture.syncNow(first)).isInstanceOf(SyncStatus.Idle.class);
        Records synced = ServiceFixture.localState(first.store());
        first.close();
        fx.server().stopSandbox();

        showSignIn();
        ListView<KnownAccount> known = robot.lookup("#knownList").queryListView();
        await("the account list loaded", () -> known.getItems().size() == 1);
        assertThat(robot.lookup("#knownBox").query().isVisible()).isTrue();
        assertThat(known.getItems().get(0).email()).isEqualTo(ADA);
        Button open = robot.lookup("#openButton").queryButton();
        assertThat(open.isDisabled()).as("until one is chosen").isTrue();
        ListCell<?> cell = robot.lookup("#knownList .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow();
        assertThat(cell.getText()).contains("Ada Lovelace", ADA, "Demo (built-in sandbox)", "last synced");
        // Whole in the list, and the list does not scroll sideways for it.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Text) cell.lookup(".text")).getText()).isEqualTo(cell.getText());
        assertThat(robot.from(known).lookup(".scroll-bar").match((ScrollBar bar) -> bar.isVisible()
                && bar.getOrientation() == Orientation.HORIZONTAL).tryQuery()).isEmpty();

        robot.clickOn(cell);
        robot.clickOn(open);

        await("the account opened offline", () -> opened.size() == 1);
        AccountSession offline = opened.get(0);
        assertThat(offline.account().email()).isEqualTo(ADA);
        ServiceFixture.assertEqual(ServiceFixture.localState(offline.store()), synced);
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).isEmpty();

        // A line between this list and the demo's, none under it once the demo's is hidden.
        assertThat(robot.lookup("#knownSeparator").query().isVisible()).isTrue();
        robot.clickOn("#providerChoice");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#demoBox").query().isVisible()).isFalse();
        assertThat(robot.lookup("#knownSeparator").query().isVisible()).as("a line separating nothing").isFalse();
    }
}
