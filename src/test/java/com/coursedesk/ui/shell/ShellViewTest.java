package com.coursedesk.ui.shell;

import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.common.ViewLoader;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.ui.shell.UiAccountFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in window's frame in a real window, headless, over ada's account on a real
 * sandbox: navigation between pages (plain labels here: each screen has its own tests), Sync
 * now from the keyboard, and the status bar while a slow sync runs.
 */
@ExtendWith(ApplicationExtension.class)
class ShellViewTest {

    /** Small pages, so ada's first sync takes several requests and reports progress. */
    private static final int SMALL_PAGES = 5;

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private AccountSession session;
    private FxTaskRunner tasks;
    private Stage stage;
    private ShellViewModel viewModel;
    private final Map<Screen, AtomicInteger> pagesBuilt = new EnumMap<>(Screen.class);
    /** Passes started, as the sync engine reports them. */
    private final AtomicInteger passesStarted = new AtomicInteger();

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp() {
        fx = UiAccountFixture.start(dir);
        SignInService service = fx.signInService(SMALL_PAGES);
        session = fx.signInOnDemo(service, ADA);
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing s && s.done() == 0 && s.total() < 0) {
                passesStarted.incrementAndGet();
            }
        });
        tasks = new FxTaskRunner(2, UiThread.fx());
        for (Screen screen : Screen.values()) {
            pagesBuilt.put(screen, new AtomicInteger());
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (viewModel != null) {
                viewModel.stop();
            }
            Application.setUserAgentStylesheet(null);
        });
        tasks.close();
        fx.close();
    }

    /** Shows the shell and starts it (which starts the first sync), as the app does after sign-in. */
    private void showShell() throws Exception {
        FxToolkit.setupFixture(() -> {
            DataChanges changes = new DataChanges(UiThread.fx());
            viewModel = new ShellViewModel(session, fx.messages(), fx.formats(), tasks, UiThread.fx(), changes);
            ShellView view = new ShellView(viewModel, fx.messages(), screen -> {
                pagesBuilt.get(screen).incrementAndGet();
                Label page = new Label("Page " + screen.name());
                page.setId("page-" + screen.name());
                // The control each page wants focused when shown (its table, list or first action).
                Button first = new Button("First of " + screen.name());
                first.setId("first-" + screen.name());
                first.getStyleClass().add(ShellView.FOCUS_FIRST);
                if (screen == Screen.PURCHASES) {
                    // The purchase page's search field, as Ctrl+F finds it, before its table.
                    TextField search = new TextField("python");
                    search.setId("purchasesSearch");
                    search.getStyleClass().add(ShellView.FIND_FIELD);
                    page.setGraphic(new HBox(search, first));
                } else {
                    page.setGraphic(first);
                }
                return page;
            }, () -> { });
            Parent root = new ViewLoader(fx.messages(), type -> view).load(ShellView.class).root();
            ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                    new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
            themes.apply(ThemeChoice.LIGHT);
            Scene scene = new Scene(root, 1024, 700);
            themes.style(scene);
            stage.setScene(scene);
            stage.show();
            viewModel.start();
            viewModel.startSyncing();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
    }

    private static Label statusLabel(FxRobot robot) {
        return robot.lookup("#statusLabel").queryAs(Label.class);
    }

    private static void awaitUpToDate(FxRobot robot) {
        Label status = statusLabel(robot);
        await("up to date", () -> status.getText().startsWith("Up to date"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String shownPage(FxRobot robot) {
        StackPane content = robot.lookup("#content").queryAs(StackPane.class);
        assertThat(content.getChildren()).hasSize(1);
        return ((Label) content.getChildren().get(0)).getText();
    }

    @Test
    void theNavigationButtonsSwitchPagesAndEachPageIsBuiltOnce(FxRobot robot) throws Exception {
        showShell();
        assertThat(shownPage(robot)).isEqualTo("Page PURCHASES");
        assertThat(robot.lookup("#purchasesNav").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.clickOn("#subscriptionsNav");
        assertThat(shownPage(robot)).isEqualTo("Page SUBSCRIPTIONS");
        assertThat(viewModel.screenProperty().get()).isEqualTo(Screen.SUBSCRIPTIONS);
        assertThat(robot.lookup("#purchasesNav").queryAs(ToggleButton.class).isSelected()).isFalse();

        robot.clickOn("#upcomingNav");
        assertThat(shownPage(robot)).isEqualTo("Page UPCOMING");
        robot.clickOn("#accountNav");
        assertThat(shownPage(robot)).isEqualTo("Page ACCOUNT");

        // Clicking the page already shown keeps it shown.
        robot.clickOn("#accountNav");
        assertThat(robot.lookup("#accountNav").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(shownPage(robot)).isEqualTo("Page ACCOUNT");

        robot.clickOn("#purchasesNav");
        assertThat(shownPage(robot)).isEqualTo("Page PURCHASES");
        assertThat(pagesBuilt).allSatisfy((screen, count) -> assertThat(count.get()).as(screen.name()).isEqualTo(1));
    }

    @Test
    void ctrlAndANumberGoesToThatPage(FxRobot robot) throws Exception {
        showShell();

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);

        assertThat(shownPage(robot)).isEqualTo("Page UPCOMING");
        assertThat(robot.lookup("#upcomingNav").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    @Test
    void theFocusGoesIntoThePageShownByShortcutOrClickOnEveryVisit(FxRobot robot) throws Exception {
        showShell();
        TextField search = robot.lookup("#purchasesSearch").queryAs(TextField.class);

        for (int visit = 1; visit <= 2; visit++) {
            robot.interact(() -> robot.lookup("#syncButton").queryButton().requestFocus());
            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
            assertThat(shownPage(robot)).isEqualTo("Page SUBSCRIPTIONS");
            assertThat(focusOwner()).as("visit %d: Ctrl+2", visit).isSameAs(robot.lookup("#first-SUBSCRIPTIONS").query());

            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
            assertThat(focusOwner()).as("visit %d: Ctrl+4", visit).isSameAs(robot.lookup("#first-ACCOUNT").query());

            robot.clickOn("#upcomingNav");
            assertThat(focusOwner()).as("visit %d: a click on Upcoming", visit).isSameAs(robot.lookup("#first-UPCOMING").query());

            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
            assertThat(focusOwner()).as("visit %d: Ctrl+1", visit).isSameAs(robot.lookup("#first-PURCHASES").query());
            // Not the search field: typed keys would filter the purchases.
            assertThat(search.isFocused()).isFalse();
            assertThat(search.getSelectedText()).isEmpty();
        }
        assertThat(pagesBuilt).allSatisfy((screen, count) -> assertThat(count.get()).as(screen.name()).isEqualTo(1));
    }

    @Test
    void ctrlFSearchesPurchasesFromAnyPageAndFromTheWindowFrame(FxRobot robot) throws Exception {
        showShell();
        TextField search = robot.lookup("#purchasesSearch").queryAs(TextField.class);

        // The focus in the frame, not in the page (as after a dialog closes, or Ctrl+1).
        robot.interact(() -> robot.lookup("#syncButton").queryButton().requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.isFocused()).isTrue();
        assertThat(search.getSelectedText()).as("what was searched is selected, to type over").isEqualTo("python");

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
        assertThat(shownPage(robot)).isEqualTo("Page ACCOUNT");
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownPage(robot)).isEqualTo("Page PURCHASES");
        assertThat(robot.lookup("#purchasesNav").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(search.isFocused()).isTrue();
    }

    @Test
    void theAboutButtonShowsTheVersionAndTheRuntime(FxRobot robot) throws Exception {
        showShell();

        robot.clickOn("#aboutButton");

        // From test classes there is no jar manifest: the About box says it is a development build.
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).isEqualTo("Development build");
        assertThat(robot.lookup("#runtimeLabel").queryAs(Label.class).getText()).startsWith("Java 17");
        robot.clickOn("Close");
        assertThat(robot.lookup("#versionLabel").tryQuery()).isEmpty();
    }

    @Test
    void theHeaderNamesTheAccount(FxRobot robot) throws Exception {
        showShell();

        assertThat(robot.lookup("#accountLabel").queryAs(Label.class).getText()).isEqualTo("Ada Lovelace · " + ADA);
    }

    @Test
    void f5AndCtrlRSyncNow(FxRobot robot) throws Exception {
        showShell();
        awaitUpToDate(robot);
        int afterStart = passesStarted.get();
        assertThat(afterStart).as("the shell syncs when it starts").isEqualTo(1);

        robot.type(KeyCode.F5);
        await("a pass started by F5", () -> passesStarted.get() == afterStart + 1);
        awaitUpToDate(robot);

        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        await("a pass started by Ctrl+R", () -> passesStarted.get() == afterStart + 2);
        awaitUpToDate(robot);
    }

    @Test
    void aSlowFirstSyncShowsDeterminateProgressThenUpToDate(FxRobot robot) throws Exception {
        fx.server().faults("{\"delayMillis\":150}");
        List<Double> progressShown = new CopyOnWriteArrayList<>();
        List<String> statusShown = new CopyOnWriteArrayList<>();

        showShell();
        ProgressBar bar = robot.lookup("#syncProgress").queryAs(ProgressBar.class);
        Label status = statusLabel(robot);
        Button sync = robot.lookup("#syncButton").queryButton();
        FxToolkit.setupFixture(() -> {
            bar.progressProperty().addListener((obs, old, now) -> {
                if (bar.isVisible()) {
                    progressShown.add(now.doubleValue());
                }
            });
            status.textProperty().addListener((obs, old, now) -> statusShown.add(now));
        });

        await("the progress bar while syncing", bar::isVisible);
        assertThat(sync.isDisabled()).as("Sync now while syncing").isTrue();
        await("a page of progress", () -> progressShown.stream().anyMatch(p -> p > 0 && p < 1));
        assertThat(status.getText()).startsWith("Syncing…");
        assertThat(status.getStyleClass()).contains("status-ok");

        awaitUpToDate(robot);
        assertThat(bar.isVisible()).isFalse();
        assertThat(bar.isManaged()).isFalse();
        assertThat(sync.isDisabled()).isFalse();
        assertThat(statusShown).anyMatch(t -> t.matches("Syncing… \\d+ of \\d+ changes"));
        assertThat(status.getText()).isEqualTo("Up to date · last synced "
                + fx.formats().dateTime(session.sync().status().lastSyncedAt()));
    }

    /** What the label draws: its text, or the text cut short with an ellipsis. */
    private static String drawn(Label label) {
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    @Test
    void aLongSyncFailureIsShownWholeAndTheWaitingActionsAreNeverCutOff(FxRobot robot) throws Exception {
        showShell();
        awaitUpToDate(robot);
        double width = stage.getWidth();
        robot.interact(() -> stage.setWidth(640));
        try {
            aFailureAndAWaitingActionAreShownWhole(robot);
        } finally {
            // The stage is shared with the tests that follow, which lay their screens out at full width.
            robot.interact(() -> stage.setWidth(width));
        }
    }

    private void aFailureAndAWaitingActionAreShownWhole(FxRobot robot) throws Exception {
        String web = fx.server().serverState(ADA).subscriptions().values().stream()
                .filter(s -> s.isCancelable()).findFirst().orElseThrow().id();
        session.actions().cancel(web, null, null);
        fx.server().faults("{\"failureRate\": 1.0, \"failureStatus\": 500, \"pathPrefix\": \"/v1/subscriptions\"}");

        robot.clickOn("#syncButton");

        Label status = statusLabel(robot);
        Label pending = robot.lookup("#pendingLabel").queryAs(Label.class);
        await("failed", () -> status.getText().startsWith("Sync failed"));
        await("one waiting", () -> "1 action waiting to be sent".equals(pending.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawn(pending)).as("the count of waiting actions, whole").isEqualTo(pending.getText());
        assertThat(drawn(status)).as("why the sync failed, whole (it wraps)").isEqualTo(status.getText());
        assertThat(status.getHeight()).as("every line of it has room").isGreaterThanOrEqualTo(
                status.prefHeight(status.getWidth()) - 0.5);
    }

    @Test
    void offlineIsShownInTheWarningColour(FxRobot robot) throws Exception {
        showShell();
        awaitUpToDate(robot);
        fx.server().stopSandbox();

        robot.clickOn("#syncButton");

        Label status = statusLabel(robot);
        await("offline", () -> status.getText().startsWith("Offline — showing your data as of "));
        assertThat(status.getStyleClass()).contains("status-warning").doesNotContain("status-ok");
    }

    @Test
    void leavingTheShellTakesItsShortcutsAway(FxRobot robot) throws Exception {
        showShell();
        awaitUpToDate(robot);
        int before = passesStarted.get();

        // As after signing out: the window shows another page in the same scene.
        FxToolkit.setupFixture(() -> stage.getScene().setRoot(new StackPane(new Label("Sign in"))));
        robot.type(KeyCode.F5);
        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);

        assertThat(passesStarted.get()).isEqualTo(before);
        assertThat(stage.getScene().getAccelerators()).isEmpty();
    }
}
