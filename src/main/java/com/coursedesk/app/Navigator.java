package com.coursedesk.app;

import com.coursedesk.domain.KnownAccount;
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
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private LoginViewModel loginModel;
    /** The account still opening at launch, closed if the window goes first. */
    private CompletableFuture<AccountSession> pendingLaunch;
    private boolean closed;

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
        loginModel = viewModel;
        LoginView view = new LoginView(viewModel, messages);
        Parent page = new ViewLoader(messages, type -> view).load(LoginView.class).root();
        login = view;
        root.getChildren().setAll(page);
        // While the learner types: signing in builds an HTTP client, which asks for the default
        // TLS context (reading the CA certificates, about 250 ms) even for plain HTTP.
        tasks.task(Navigator::prepareTls).name("prepare-tls").start();
    }

    private static Void prepareTls() {
        try {
            SSLContext.getDefault().getDefaultSSLParameters();
        } catch (Exception | LinkageError e) {
            LOG.debug("Preparing TLS ahead of time failed", e);
        }
        return null;
    }

    /**
     * Shows the account opened at launch ({@link LaunchServices}) once it is open, and calls
     * {@code shown} then; shows sign-in, saying why, if it could not be opened. The window is
     * empty meanwhile (the toolkit's start usually takes longer than the opening).
     */
    void openAtLaunch(LaunchServices.Opening opening, Consumer<AccountSession> shown) {
        pendingLaunch = opening.session();
        opening.session().whenComplete((opened, failure) -> ui.execute(() -> {
            pendingLaunch = null;
            if (closed) {
                return; // close() has it closed
            }
            if (failure != null) {
                LOG.warn("Opening {} at launch failed", opening.account().accountId(), failure);
                showSignIn();
                loginModel.showOpenFailure(failure instanceof CompletionException c ? c.getCause() : failure);
                return;
            }
            showAccount(opened);
            shown.accept(opened);
        }));
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
        afterFirstLayout(shell);
        KnownAccount account = opened.account();
        writePreferences("remember-account", () -> {
            // Only a signed-in account opens at the next launch: a local copy opened after
            // signing out would be reopened as if signed in, saying "Your session has ended".
            if (opened.tokens().hasStoredSession()) {
                AccountAtLaunch.remember(settings, account);
            } else {
                AccountAtLaunch.forget(settings);
            }
        });
        LOG.info("Showing account {}", account.accountId());
    }

    /**
     * After the account's page is first laid out: settles its styles and layout within that
     * pulse, and starts the shell's syncing (its first pass half a second later; on a busy
     * start-up a pass begun earlier competed with building and drawing the page).
     *
     * <p>Settling: the first CSS pass changes what the next needs (icons set their own font
     * style once the theme gives their size; combo boxes and the table header lay out again),
     * and JavaFX leaves that to the next pulse, which then has to wait for the first frame,
     * the longest to draw in software, before it can draw: a stall of 50-80 ms right after the
     * page appears. Done in the same pulse, the first frame is complete and the next has
     * nothing to wait for.
     */
    private void afterFirstLayout(ShellViewModel starting) {
        Scene scene = root.getScene();
        if (scene == null) {
            starting.startSyncing();
            return;
        }
        boolean[] laidOut = {false};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (laidOut[0]) {
                return;
            }
            laidOut[0] = true;
            Parent page = scene.getRoot();
            page.applyCss();
            page.layout();
            // After this pulse: the scene's listeners must not change while it runs them.
            ui.execute(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                if (shell == starting) {
                    starting.startSyncing();
                }
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * Signs out (revoking the session when online) off the UI thread, then shows sign-in; the
     * next launch shows sign-in too.
     */
    private void signOut() {
        AccountSession leaving = detachSession();
        if (leaving == null) {
            return;
        }
        tasks.task(() -> {
            AccountAtLaunch.forget(settings);
            core.signIn().signOut(leaving);
            return null;
        }).name("sign-out").onDone(this::showSignIn).start();
    }

    /** After the session ended on the server: back to sign-in, keeping the local copy. */
    private void returnToSignIn() {
        KnownAccount leaving = session == null ? null : session.account();
        closeSession();
        writePreferences("forget-launch-account", () -> AccountAtLaunch.forget(settings));
        showSignIn();
        if (leaving != null) {
            // Back to the same server and email, not to the demo's first account.
            loginModel.signInAgainAs(leaving);
        }
    }

    /** Writes the preferences file off the FX thread. */
    private void writePreferences(String name, Runnable write) {
        tasks.task(() -> {
            write.run();
            return null;
        }).name(name).start();
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
        closed = true;
        if (pendingLaunch != null) {
            pendingLaunch.thenAccept(AccountSession::close);
        }
        AccountSession leaving = detachSession();
        if (leaving != null) {
            leaving.close();
        }
    }
}
