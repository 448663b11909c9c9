package com.coursedesk.app;

import com.coursedesk.platform.AppDirectories;
import com.coursedesk.platform.InstanceLock;
import com.coursedesk.platform.WindowState;
import com.coursedesk.platform.WindowStateStore;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.common.WindowPlacement;
import com.coursedesk.ui.shell.UserSettings;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.IkonResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JavaFX application and the composition root of the window. {@link #init()} does the
 * slow, disk-bound set-up off the FX thread (directories, lock, credential store, settings);
 * {@link #start(Stage)} only builds the scene.
 */
public final class CourseDeskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(CourseDeskApplication.class);
    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 760;
    private static final Duration ICONS_AFTER_SHOWN = Duration.seconds(2);

    private AppDirectories directories;
    private InstanceLock.Result lock;
    private CoreServices core;
    private WindowStateStore windowStore;
    private WindowState windowState;
    private UserSettings settings;
    private Messages messages;
    private FxTaskRunner tasks;
    private ThemeManager themes;
    private Navigator navigator;
    private Optional<LaunchServices.Opening> opening = Optional.empty();

    @Override
    public void init() {
        directories = AppDirectories.forCurrentProcess(DesktopLauncher.dataDirOption(
                getParameters().getRaw().toArray(String[]::new)));
        LaunchServices launch = LaunchServices.take()
                .orElseGet(() -> LaunchServices.begin(directories, BenchmarkProbe.openAccountEmail()));
        windowStore = WindowStateStore.in(directories);
        windowState = windowStore.load();
        tasks = new FxTaskRunner();
        themes = new ThemeManager(tasks, SystemThemeDetector.forThisComputer());
        // The system's light or dark appearance was asked for by the launcher (it runs a
        // process). The FX thread is idle while init() runs: it reads and parses the theme's
        // stylesheet (50-100 ms) meanwhile, before start(), which runs after it.
        themes.primeSystemAppearance(launch.systemAppearance().join());
        var theme = windowState.theme();
        UiThread.fx().execute(() -> themes.apply(theme));
        LaunchServices.Prepared prepared = launch.prepared().join();
        lock = prepared.lock();
        if (!prepared.locked()) {
            return;
        }
        opening = prepared.opening();
        // The icon fonts and the names of their thousands of icons are read on a pool thread
        // meanwhile; the FX thread would otherwise read them while it builds the first page.
        tasks.task(CourseDeskApplication::loadIconFonts).name("load-icon-fonts").start();
        core = prepared.core();
        settings = prepared.settings();
        messages = Messages.load(settings.language().orElse(Locale.getDefault()));
        LOG.info("CourseDesk starting; data in {}", directories.dataDir());
    }

    @Override
    public void start(Stage stage) {
        if (!(lock instanceof InstanceLock.Acquired)) {
            alreadyRunning();
            return;
        }
        StackPane root = new StackPane();
        Scene scene = new Scene(root);
        themes.style(scene);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        // Decoded on a pool thread (six sizes, about 80 ms of CPU and the compiling of the image
        // scaler) once the first page has had its time: at start-up both cores are busy
        // building and drawing it, and the icon only shows in the task switcher.
        var iconsLater = new PauseTransition(ICONS_AFTER_SHOWN);
        iconsLater.setOnFinished(e -> tasks.task(CourseDeskApplication::windowIcons).name("window-icons")
                .onSuccess(stage.getIcons()::setAll).start());
        stage.setOnShown(e -> iconsLater.play());
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                themes.refreshSystemAppearance();
            }
        });

        Formats formats = new Formats(messages.locale(), ZoneId.systemDefault(), messages);
        navigator = new Navigator(root, core, messages, formats, tasks, UiThread.fx(), Clock.systemUTC(), themes,
                settings);
        Consumer<AccountSession> shown = BenchmarkProbe.fromSystemProperties()
                .map(probe -> probe.watcher(scene, UiThread.fx()))
                .orElse(session -> { });
        opening.ifPresentOrElse(account -> navigator.openAtLaunch(account, shown), navigator::showSignIn);

        WindowPlacement placement = new WindowPlacement(stage);
        placement.restore(windowState.bounds(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        SavedTheme.follow(themes.choiceProperty(), windowStore, tasks);
        stage.setOnHidden(e -> {
            WindowState latest = windowState.withTheme(themes.choiceProperty().get());
            windowState = placement.current().map(latest::withBounds).orElse(latest);
        });
        stage.show();
        // The installer build's class-data-sharing training run (packaging/installer.xml) starts
        // the app to this window and needs it to leave by itself once the first frames are drawn.
        if (Boolean.getBoolean("coursedesk.exitAfterStartup")) {
            var settle = new PauseTransition(Duration.seconds(1));
            settle.setOnFinished(e -> Platform.exit());
            settle.play();
        }
    }

    private static List<Image> windowIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = CourseDeskApplication.class.getResource("/com/coursedesk/app/icons/coursedesk-" + size + ".png");
            if (icon != null) {
                icons.add(new Image(icon.toExternalForm()));
            }
        }
        return icons;
    }

    /** Ikonli's handlers, their fonts and both Material packs' icon names (what the pages use). */
    private static Void loadIconFonts() {
        IkonResolver resolver = IkonResolver.getInstance();
        for (String literal : List.of("mdal-archive", "mdmz-save_alt")) {
            resolver.resolve(literal).resolve(literal);
        }
        return null;
    }

    private void alreadyRunning() {
        Messages texts = Messages.load(Locale.getDefault());
        String holder = lock instanceof InstanceLock.HeldElsewhere held ? held.holder() : "?";
        Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get("app.alreadyRunning", holder), ButtonType.OK);
        alert.setTitle(texts.get("app.title"));
        alert.setHeaderText(texts.get("app.alreadyRunning.header"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (navigator != null) {
            navigator.close();
        }
        if (windowStore != null && windowState != null) {
            windowStore.update(s -> windowState);
        }
        if (tasks != null) {
            tasks.close();
        }
        if (core != null) {
            core.close();
        }
        if (lock instanceof InstanceLock.Acquired acquired) {
            acquired.lock().close();
        }
        LOG.info("CourseDesk stopped");
    }
}
