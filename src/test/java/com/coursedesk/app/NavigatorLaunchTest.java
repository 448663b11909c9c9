package com.coursedesk.app;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.UiAccountFixture;
import com.coursedesk.ui.shell.UserSettings;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
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
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static com.coursedesk.service.ServiceFixture.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's launch in a real window, headless: the account opened at launch is shown and
 * remembered for the next launch, its first sync pass starts once the page is drawn, signing
 * out forgets it (and its local copy, opened again, says it is signed out), and an account
 * that cannot be opened leaves the sign-in screen saying why.
 */
@ExtendWith(ApplicationExtension.class)
class NavigatorLaunchTest {

    @TempDir
    Path dir;

    private UiAccountFixture fx;
    private Stage stage;
    private StackPane root;
    private FxTaskRunner tasks;
    private CoreServices core;
    private Path preferences;
    private KnownAccount ada;
    private Navigator navigator;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = UiAccountFixture.start(dir);
        SignInService service = fx.signInService();
        AccountSession first = service.signIn(fx.server().serverRef(), ADA, ServiceFixture.password(ADA).toCharArray());
        assertThat(ServiceFixture.syncNow(first)).isInstanceOf(SyncStatus.Idle.class);
        first.close();
        ada = service.knownAccounts().get(0);
        AppDirectories directories = new AppDirectories(fx.server().dataDir());
        core = new CoreServices(directories, fx.credentials(), Clock.systemUTC());
        preferences = directories.settingsDir().resolve("preferences.properties");
        UserSettings settings = new UserSettings(preferences);
        tasks = new FxTaskRunner(2, UiThread.fx());
        FxToolkit.setupFixture(() -> {
            root = new StackPane();
            ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
                    new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
            themes.apply(ThemeChoice.LIGHT);
            Scene scene = new Scene(root, 1180, 760);
            themes.style(scene);
            stage.setScene(scene);
            stage.show();
            navigator = new Navigator(root, core, fx.messages(), fx.formats(), tasks, UiThread.fx(),
                    Clock.systemUTC(), themes, settings);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> {
            navigator.close();
            Application.setUserAgentStylesheet(null);
        });
        tasks.close();
        core.close();
        fx.close();
    }

    private Optional<String> remembered() {
        return new UserSettings(preferences).get(AccountAtLaunch.SETTING);
    }

    /** Opens ada at launch, as the launcher's thread does, and waits until her window is shown. */
    private AccountSession openAdaAtLaunch() throws Exception {
        CompletableFuture<AccountSession> opening = new CompletableFuture<>();
        AtomicReference<AccountSession> shown = new AtomicReference<>();
        FxToolkit.setupFixture(() -> navigator.openAtLaunch(new LaunchServices.Opening(ada, opening), shown::set));
        opening.complete(core.signIn().reopen(ada));
        await("the account window", () -> shown.get() != null);
        return shown.get();
    }

    @Test
    void theAccountOpenedAtLaunchIsShownAndRememberedForTheNextLaunch() throws Exception {
        AccountSession session = openAdaAtLaunch();
        // The shell starts once the page is laid out, and its first pass half a second later.
        AtomicReference<SyncStatus> passEnded = new AtomicReference<>();
        AtomicReference<Boolean> passRunning = new AtomicReference<>(false);
        session.sync().addListener(status -> {
            if (status instanceof SyncStatus.Syncing) {
                passRunning.set(true);
            } else if (passRunning.get()) {
                passEnded.set(status);
            }
        });

        await("the purchase table with ada's history", () -> {
            Optional<Node> table = new FxRobot().lookup(".purchases-table").tryQuery();
            return table.isPresent() && !((TableView<?>) table.get()).getItems().isEmpty();
        });
        assertThat(session.account().email()).isEqualTo(ADA);
        await("the account remembered", () -> remembered().equals(Optional.of(ada.credentialKey())));
        await("the first sync pass", () -> passEnded.get() != null);
        assertThat(passEnded.get()).isInstanceOf(SyncStatus.Idle.class);
    }

    /** The node that has the keyboard focus in the window. */
    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void ctrlAndANumberLeavesTheFocusInThePageShownOnEveryVisit() throws Exception {
        openAdaAtLaunch();
        FxRobot robot = new FxRobot();
        await("the purchase table with ada's history", () -> {
            Optional<Node> table = robot.lookup(".purchases-table").tryQuery();
            return table.isPresent() && !((TableView<?>) table.get()).getItems().isEmpty();
        });
        TableView<?> table = robot.lookup(".purchases-table").queryAs(TableView.class);

        for (int visit = 1; visit <= 2; visit++) {
            // From the frame, as after a click on Sync now.
            robot.interact(() -> robot.lookup("#syncButton").queryButton().requestFocus());
            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT2);
            await("the subscription cards", () -> robot.lookup(".subscriptions-page #priceHistoryButton")
                    .tryQuery().isPresent());
            Node subscriptions = robot.lookup(".subscriptions-page").query();
            VBox cards = robot.lookup(".subscriptions-page #cardsBox").queryAs(VBox.class);
            await("visit " + visit + ": the first card's first action focused", () -> focusOwner() instanceof Button
                    && inside(focusOwner(), cards.getChildren().get(0)));
            assertThat(focusOwner().getStyleClass()).contains("focus-first");
            assertThat(inside(focusOwner(), subscriptions)).isTrue();
            assertThat(focusOwner().isDisabled()).isFalse();

            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(focusOwner()).as("visit %d: Ctrl+1", visit).isSameAs(table);
            TextField search = robot.lookup(".find-field").queryAs(TextField.class);
            assertThat(search.isFocused()).isFalse();

            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT4);
            WaitForAsyncUtils.waitForFxEvents();
            ComboBox<?> theme = robot.lookup("#themeBox").queryAs(ComboBox.class);
            assertThat(focusOwner()).as("visit %d: Ctrl+4, the page's first control", visit).isSameAs(theme);

            robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
            WaitForAsyncUtils.waitForFxEvents();
            ListView<?> events = robot.lookup("#eventsList").queryAs(ListView.class);
            if (events.isVisible()) {
                assertThat(focusOwner()).as("visit %d: Ctrl+3", visit).isSameAs(events);
            }
        }
    }

    @Test
    void signingOutForgetsTheAccountSoTheNextLaunchShowsSignIn() throws Exception {
        openAdaAtLaunch();
        await("the account remembered", () -> remembered().isPresent());
        FxRobot robot = new FxRobot();

        robot.clickOn("#accountNav");
        robot.clickOn("#signOutButton");
        robot.clickOn(fx.messages().get("account.signOut.confirm"));

        await("the sign-in screen", () -> robot.lookup("#errorLabel").tryQuery().isPresent());
        await("the account forgotten", () -> remembered().isEmpty());

        // Her local copy, opened from the list, says she signed out: nothing ended on her.
        ListView<KnownAccount> known = robot.lookup("#knownList").queryListView();
        await("the account list loaded", () -> known.getItems().size() == 1);
        await("ada's row in the list", () -> robot.lookup("#knownList .list-cell").<ListCell<?>>queryAll().stream()
                .anyMatch(c -> c.getItem() != null));
        robot.clickOn(robot.lookup("#knownList .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow());
        robot.clickOn("#openButton");

        String signedOut = "Signed out: this is your local copy. Sign in to sync.";
        Supplier<String> status = () -> robot.lookup(".status-bar #statusLabel").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> signedOut.equals(status.get()));
        } catch (TimeoutException e) {
            // What it said instead is shown below.
        }
        assertThat(status.get()).as("the status bar after the first pass").isEqualTo(signedOut);
        Button signIn = robot.lookup(".status-bar #signInAgainButton").queryButton();
        assertThat(signIn.isVisible()).isTrue();
        assertThat(signIn.getText()).isEqualTo("Sign in");
        // Looking at her copy does not sign her back in for the next launch, which would reopen
        // it saying "Your session has ended".
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(remembered()).as("the account to reopen at the next launch").isEmpty();

        // It still leads back to the sign-in screen (clicked once the bar has laid it out: on a
        // busy machine the text can arrive a pulse before the button has a place to be clicked).
        await("the button laid out", () -> signIn.getScene() != null && signIn.getWidth() > 0
                && signIn.localToScene(signIn.getBoundsInLocal()).getMaxX() <= signIn.getScene().getWidth());
        robot.clickOn(signIn);
        await("the sign-in screen again", () -> robot.lookup("#knownList").tryQuery().isPresent());
    }

    @Test
    void anAccountReopenedAtLaunchWhoseSavedSignInIsGoneSaysTheSessionEnded() throws Exception {
        // Not signed out (the account was remembered), but the token left the credential store.
        fx.credentials().delete(ada.credentialKey());

        openAdaAtLaunch();

        FxRobot robot = new FxRobot();
        String ended = "Your session has ended: sign in again to sync. Your local copy is still here.";
        await("the status bar after the first pass", () -> robot.lookup(".status-bar #statusLabel").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("").equals(ended));
        Button signIn = robot.lookup(".status-bar #signInAgainButton").queryButton();
        assertThat(signIn.isVisible()).isTrue();
        assertThat(signIn.getText()).isEqualTo("Sign in again");

        // It leads to her server and email, not to the demo's first account and its password.
        await("the button laid out", () -> signIn.getScene() != null && signIn.getWidth() > 0
                && signIn.localToScene(signIn.getBoundsInLocal()).getMaxX() <= signIn.getScene().getWidth());
        robot.clickOn(signIn);
        await("the sign-in screen", () -> robot.lookup("#emailField").tryQuery().isPresent());
        assertThat(robot.lookup("#providerChoice").<RadioButton>query().isSelected()).isTrue();
        assertThat(robot.lookup("#serverUrlField").queryTextInputControl().getText()).isEqualTo(ada.server().value());
        assertThat(robot.lookup("#emailField").queryTextInputControl().getText()).isEqualTo(ADA);
        assertThat(robot.lookup("#passwordField").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void anAccountThatCannotBeOpenedLeavesSignInSayingWhy() throws Exception {
        CompletableFuture<AccountSession> opening = new CompletableFuture<>();
        AtomicReference<AccountSession> shown = new AtomicReference<>();
        FxToolkit.setupFixture(() -> navigator.openAtLaunch(new LaunchServices.Opening(ada, opening), shown::set));

        opening.completeExceptionally(new IllegalStateException("the disk is not there"));

        FxRobot robot = new FxRobot();
        // What happened and what to do, from the bundle; the exception's English is for the log only.
        await("the reason on the sign-in screen", () -> robot.lookup("#errorLabel").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("").startsWith("This account could not be opened"));
        assertThat(robot.lookup("#errorLabel").<Label>query().getText()).isEqualTo("This account could not be "
                + "opened from its copy on this computer. Check that the disk is not full, then try again; if it "
                + "keeps happening, CourseDesk's log has the details.").doesNotContain("the disk is not there");
        assertThat(shown.get()).isNull();
        Node table = robot.lookup(".purchases-table").tryQuery().orElse(null);
        assertThat(table).isNull();
    }

    private static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
