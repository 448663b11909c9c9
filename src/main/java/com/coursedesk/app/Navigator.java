package com.coursedesk.app;

import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.TaskRunner;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.common.ViewLoader;
import com.coursedesk.ui.login.DemoCredentials;
import com.coursedesk.ui.login.LoginView;
import com.coursedesk.ui.login.LoginViewModel;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.DataChanges;
import com.coursedesk.ui.shell.Screen;
import com.coursedesk.ui.shell.ShellView;
import com.coursedesk.ui.shell.ShellViewModel;
import com.coursedesk.ui.shell.UserSettings;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Moves the window between the sign-in screen and a signed-in account, and owns the open
 * {@link AccountSession}: one account at a time, closed before another is shown, so one
 * account's data never appears under another.
 */
final class Navigator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Navigator.class);

    private final StackPane root;
    private final CoreServices core;
    private final Messages messages;
    private final Formats formats;
    private final TaskRunner tasks;
    private final UiThread ui;
    private final Clock clock;
    private final ThemeManager themes;
    private final UserSettings settings;
    private AccountSession session;
    private ShellViewModel shell;
    private LoginView login;

    Navigator(StackPane root, CoreServices core, Messages messages, Formats formats, TaskRunner tasks, UiThread ui,
              Clock clock, ThemeManager themes, UserSettings settings) {
        this.root = root;
        this.core = core;
        this.messages = messages;
        this.formats = formats;
        this.tasks = tasks;
        this.ui = ui;
        this.clock = clock;
        this.themes = themes;
        this.settings = settings;
    }

    void showSignIn() {
        List<DemoCredentials> demo = core.demo().accounts().stream()
                .map(a -> new DemoCredentials(a.email(), a.password(), a.displayName())).toList();
        LoginViewModel viewModel = new LoginViewModel(core.signIn(), demo, tasks, messages, formats, clock,
                this::showAccount);
        LoginView view = new LoginView(viewModel, messages);
        Parent page = new ViewLoader(messages, type -> view).load(LoginView.class).root();
        login = view;
        root.getChildren().setAll(page);
    }

    /**
     * Opens the known account with this email from its local copy, as choosing it on the
     * sign-in screen does, and calls {@code shown} once its window is up; shows sign-in if
     * there is no such account. For the benchmark start-up ({@link BenchmarkProbe}).
     */
    void openKnownAccount(String email, Consumer<AccountSession> shown) {
        tasks.task(() -> core.signIn().knownAccounts().stream()
                        .filter(a -> a.email().equalsIgnoreCase(email)).findFirst()
                        .map(core.signIn()::open))
                .name("open-known-account")
                .onSuccess(opened -> {
                    if (opened.isEmpty()) {
                        LOG.warn("No account {} on this computer", email);
                        showSignIn();
                        return;
                    }
                    showAccount(opened.get());
                    shown.accept(opened.get());
                })
                .onFailure(e -> {
                    LOG.warn("Opening {} failed", email, e);
                    showSignIn();
                })
                .start();
    }

    private void showAccount(AccountSession opened) {
        closeSession();
        if (login != null) {
            login.dispose();
            login = null;
        }
        session = opened;
        DataChanges changes = new DataChanges(ui);
        AccountContext context = new AccountContext(opened, messages, formats, tasks, ui, clock, themes, changes,
                settings, this::signOut);
        shell = new ShellViewModel(opened, messages, formats, tasks, ui, changes);
        // The first page starts reading its data before the frame is built (the shell builds
        // each page once, on its first visit).
        Screen first = shell.screenProperty().get();
        Supplier<Parent> firstPage = Screens.prepare(first, context);
        ShellView view = new ShellView(shell, messages,
                screen -> screen == first ? firstPage.get() : Screens.create(screen, context), this::returnToSignIn);
        Parent page = new ViewLoader(messages, type -> view).load(ShellView.class).root();
        root.getChildren().setAll(page);
        shell.start();
        LOG.info("Showing account {}", opened.account().accountId());
    }

    /** Signs out (revoking the session when online) off the UI thread, then shows sign-in. */
    private void signOut() {
        AccountSession leaving = detachSession();
        if (leaving == null) {
            return;
        }
        tasks.task(() -> {
            core.signIn().signOut(leaving);
            return null;
        }).name("sign-out").onDone(this::showSignIn).start();
    }

    /** After the session ended on the server: back to sign-in, keeping the local copy. */
    private void returnToSignIn() {
        closeSession();
        showSignIn();
    }

    private AccountSession detachSession() {
        if (shell != null) {
            shell.stop();
            shell = null;
        }
        AccountSession leaving = session;
        session = null;
        return leaving;
    }

    private void closeSession() {
        AccountSession leaving = detachSession();
        if (leaving != null) {
            tasks.task(() -> {
                leaving.close();
                return null;
            }).name("close-account").start();
        }
    }

    AccountSession session() {
        return session;
    }

    @Override
    public void close() {
        AccountSession leaving = detachSession();
        if (leaving != null) {
            leaving.close();
        }
    }
}
