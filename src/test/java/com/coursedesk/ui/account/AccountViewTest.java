package com.coursedesk.ui.account;

import com.coursedesk.data.db.ActionRecord;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.FxToolkitExtension;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TableHeaders;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.DataChanges;
import com.coursedesk.ui.shell.UserSettings;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.coursedesk.service.ServiceFixture.ADA;
import static com.coursedesk.service.ServiceFixture.localState;
import static com.coursedesk.service.ServiceFixture.syncNow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Account page in a real window, headless, on ada's account synced from the sandbox over
 * HTTP: the proof of a cancellation in the history, a queued action while offline, the profile
 * and where the data lives, and a sign-out that asks first.
 */
@ExtendWith(FxToolkitExtension.class)
class AccountViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.load(Locale.UK);
    private final Formats formats = new Formats(Locale.UK, ZoneId.of("Europe/London"), messages);
    private final AtomicInteger signOuts = new AtomicInteger();
    private ServiceFixture fx;
    private AccountSession session;
    private FxTaskRunner tasks;
    private ThemeManager themes;
    private DataChanges changes;

    @BeforeEach
    void signInAndSync() throws Exception {
        fx = ServiceFixture.start(dir);
        SignInService service = fx.newSignInService(new InMemoryCredentialStore());
        session = fx.signIn(service, ADA);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        tasks = new FxTaskRunner();
        changes = new DataChanges(UiThread.fx());
        themes = new ThemeManager(new ImmediateTaskRunner(),
                new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
        FxToolkitExtension.onFxThread(() -> {
            themes.apply(ThemeChoice.LIGHT);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
        tasks.close();
        fx.close();
    }

    private Parent show() throws Exception {
        AccountContext ctx = new AccountContext(session, messages, formats, tasks, UiThread.fx(), Clock.systemUTC(),
                themes, changes, new UserSettings(dir.resolve("settings").resolve("preferences.properties")),
                signOuts::incrementAndGet);
        Parent root = FxToolkitExtension.onFxThread(() -> AccountScreen.create(ctx));
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(root, 840, 640);
            themes.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return root;
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof TextField field ? field.getText() : ((Label) node).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<ActionRow> table() {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** The rendered cell of the state column in the table's first row, once there is one. */
    @SuppressWarnings("rawtypes")
    private Optional<TableCell> firstStateCell() {
        return robot.from(table()).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(cell -> cell.getTableColumn() != null && "stateColumn".equals(cell.getTableColumn().getId()))
                .filter(cell -> cell.getIndex() == 0 && !cell.isEmpty())
                .findFirst();
    }

    /** Whether the first row's state cell shows {@code text} in the colour of {@code style}. */
    private boolean firstStateShows(String text, String style) throws Exception {
        return FxToolkitExtension.onFxThread(() -> firstStateCell()
                .filter(cell -> text.equals(cell.getText()) && cell.getStyleClass().contains(style)).isPresent());
    }

    /** Scrolls the page so that {@code node} is in view, as a learner would before clicking it. */
    private void reveal(Node node) {
        robot.interact(() -> {
            ScrollPane page = (ScrollPane) node.getScene().getRoot();
            Node content = page.getContent();
            double top = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double scrollable = content.getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(scrollable <= 0 ? 0 : Math.max(0, Math.min(1, (top - 40) / scrollable)));
        });
    }

    private Subscription cancelable() {
        return localState(session.store()).subscriptions().values().stream()
                .filter(Subscription::isCancelable).findFirst().orElseThrow();
    }

    @Test
    void theProfileShowsAdasEmailWhereTheDataLivesAndWhereTheSignInIsKept() throws Exception {
        show();
        waitUntil(() -> text("#profileStatusLabel").equals("Up to date with your provider."));
        assertThat(text("#emailLabel")).isEqualTo(ADA);
        assertThat(text("#accountIdLabel")).isEqualTo(session.account().accountId());
        assertThat(text("#countryLabel")).isEqualTo("United Kingdom (GB)");
        assertThat(text("#currencyLabel")).isEqualTo("British Pound (GBP)");
        waitUntil(() -> !text("#storeFileField").isEmpty());
        assertThat(text("#storeFileField")).isEqualTo(session.store().file().toString());
        assertThat(text("#storeSizeLabel")).matches("\\d+ KB|\\d+\\.\\d MB");
        assertThat(text("#lastSyncLabel")).endsWith(", by your provider's clock")
                .startsWith(formats.dateTime(session.sync().status().lastSyncedAt()));
        // The test wiring keeps the sign-in in memory: not the system's store.
        assertThat(text("#credentialLabel")).isEqualTo("Your sign-in is kept in a file only you can read,"
                + " because this computer has no system credential store.");
        assertThat(robot.lookup("#recoveredLabel").query().isVisible()).isFalse();
        assertThat(table().getItems()).isEmpty();
        // An empty history is said once, by the table, not also above it.
        assertThat(robot.lookup("#historySummaryLabel").query().isVisible()).isFalse();
        assertThat(robot.lookup(".table-view .placeholder .label").queryAs(Label.class).getText())
                .startsWith("Cancellations, restarts and refund requests you ask for appear here");
    }

    @Test
    void theHistoryTableSaysItsWordsWholeInEveryShippedLanguage() throws Exception {
        show();
        TableView<ActionRow> table = table();
        Label placeholder = robot.lookup(".table-view .placeholder .label").queryAs(Label.class);
        for (Locale language : Messages.SHIPPED_LANGUAGES) {
            Messages words = Messages.load(language);
            assertThat(FxToolkitExtension.onFxThread(() -> TableHeaders.tooNarrow(table,
                    column -> words.get(TableHeaders.key("account.history.column.", column)))))
                    .as("headers cut in %s", language).isEmpty();
            // The empty table's sentence wraps within it rather than running off both edges.
            String sentence = words.get("account.history.placeholder");
            robot.interact(() -> placeholder.setText(sentence));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(FxToolkitExtension.onFxThread(() -> ((Text) placeholder.lookup(".text")).getText()))
                    .as("the placeholder in %s", language).isEqualTo(sentence);
        }
    }

    @Test
    void aCancellationConfirmedByTheProviderShowsAsConfirmedWithItsKeyAndItsDetailsCopy() throws Exception {
        show();
        Subscription target = cancelable();

        long id = session.actions().cancel(target.id(), null, null);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Idle.class);
        changes.fire();

        ActionRecord stored = session.actions().history().get(0);
        assertThat(stored.id()).isEqualTo(id);
        waitUntil(() -> table().getItems().size() == 1 && table().getItems().get(0).state().equals("Confirmed"));
        ActionRow row = table().getItems().get(0);
        assertThat(row.key()).isEqualTo(stored.idempotencyKey()).isEqualTo(fx.issuedKeys().get(0));
        assertThat(row.what()).isEqualTo("Cancel: " + target.product().title());
        assertThat(row.answer()).isEqualTo("200: done");
        assertThat(row.serverTime()).isEqualTo(formats.dateTime(stored.serverTime()));
        waitUntil(() -> firstStateShows("Confirmed", "status-ok"));
        assertThat(text("#historySummaryLabel")).isEqualTo("1 action; none waiting to be sent.");

        // The provider really did it.
        Subscription onServer = fx.serverState(ADA).subscriptions().get(target.id());
        assertThat(onServer.cancelAtPeriodEnd()).isTrue();
        assertThat(onServer.canceledAt()).isNotNull();

        // The proof goes on the clipboard in plain text.
        reveal(table());
        robot.clickOn(firstStateCell().orElseThrow());
        assertThat(table().getSelectionModel().getSelectedItem()).isEqualTo(table().getItems().get(0));
        reveal(robot.lookup("#copyDetailsButton").query());
        robot.clickOn("#copyDetailsButton");
        String copied = FxToolkitExtension.onFxThread(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).contains("Idempotency key: " + stored.idempotencyKey(), "State: Confirmed",
                "What: Cancel: " + target.product().title(), stored.serverTime().toString());
        assertThat(text("#copiedLabel")).isEqualTo("Details copied.");
    }

    @Test
    void withTheSandboxClosedAQueuedActionShowsAsPendingAndTheProfileSaysOffline() throws Exception {
        Subscription target = cancelable();
        fx.stopSandbox();
        show();
        waitUntil(() -> text("#profileStatusLabel").startsWith("Offline: your provider cannot be reached"));
        assertThat(text("#emailLabel")).isEqualTo(ADA);
        assertThat(text("#countryLabel")).isEqualTo("not known on this computer");

        long id = session.actions().cancel(target.id(), null, null);
        assertThat(syncNow(session)).isInstanceOf(SyncStatus.Offline.class);
        changes.fire();

        waitUntil(() -> table().getItems().size() == 1 && table().getItems().get(0).state().equals("Pending"));
        ActionRow row = table().getItems().get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.key()).isEqualTo(session.actions().history().get(0).idempotencyKey());
        // The pass stopped at the health check: the action was never handed to the network.
        assertThat(row.answer()).isEqualTo("Not sent yet: it is sent when you are online");
        assertThat(row.serverTime()).isEqualTo("\u2014");
        waitUntil(() -> firstStateShows("Pending", "pending"));
        assertThat(text("#historySummaryLabel")).isEqualTo("1 action; 1 waiting to be sent.");
    }

    @Test
    void signOutAsksFirstAndSignsOutOnlyOnConfirm() throws Exception {
        show();
        robot.clickOn("#signOutButton");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Sign out of ada@example.com?");
        assertThat(dialog.getContentText()).contains("Your local copy stays", "sign in again to sync");
        robot.clickOn("Stay signed in");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signOuts).hasValue(0);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();

        robot.clickOn("#signOutButton");
        robot.clickOn("Sign out");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(signOuts).hasValue(1);
    }

    /**
     * Renders the page in light and dark to PNG files for a person to look at; runs only when
     * {@code -Dcoursedesk.screenshots.dir=DIR} is given.
     */
    @Test
    @EnabledIfSystemProperty(named = "coursedesk.screenshots.dir", matches = ".+")
    void screenshots() throws Exception {
        Path out = Path.of(System.getProperty("coursedesk.screenshots.dir"));
        Files.createDirectories(out);
        Subscription target = cancelable();
        session.actions().cancel(target.id(), null, null);
        syncNow(session);
        Parent root = show();
        changes.fire();
        waitUntil(() -> text("#profileStatusLabel").startsWith("Up to date") && !table().getItems().isEmpty());
        robot.interact(() -> table().getSelectionModel().select(0));
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            FxToolkitExtension.onFxThread(() -> {
                themes.apply(theme);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            String name = "account-" + theme.name().toLowerCase(Locale.ROOT);
            write(FxToolkitExtension.onFxThread(() -> root.getScene().snapshot(null)), out.resolve(name + ".png"));
            // The whole page, beyond what the window shows without scrolling.
            Node page = ((ScrollPane) root).getContent();
            write(FxToolkitExtension.onFxThread(() -> page.snapshot(null, null)), out.resolve(name + "-page.png"));
        }
        assertThat(Set.of(Files.list(out).map(p -> p.getFileName().toString()).toArray()))
                .contains("account-light.png", "account-dark.png");
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
    }
}
