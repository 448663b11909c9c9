package com.coursedesk.ui.shell;

import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.sandbox.SandboxServer;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.login.DemoCredentials;
import com.coursedesk.ui.login.LoginView;
import com.coursedesk.ui.login.LoginViewModel;
import javafx.scene.control.Label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The sign-in and shell screens' world for tests: a real sandbox (through {@link ServiceFixture},
 * so it can be stopped, restarted and given faults) and a {@link SignInService} wired as
 * {@code CoreServices} wires it, with the app's data under the test's directory, an in-memory
 * credential store, and {@link ServerRef#DEMO} resolving to the test sandbox.
 */
public final class UiAccountFixture implements AutoCloseable {

    public static final String ADA = ServiceFixture.ADA;
    public static final String KENJI = ServiceFixture.KENJI;

    private final ServiceFixture server;
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final Messages messages = Messages.load(Locale.UK);
    private final Formats formats = new Formats(Locale.UK, ZoneId.of("Europe/London"), messages);
    private final List<AccountSession> sessions = new ArrayList<>();

    private UiAccountFixture(Path dir) {
        this.server = ServiceFixture.start(dir);
    }

    public static UiAccountFixture start(Path dir) {
        return new UiAccountFixture(dir);
    }

    /** The sandbox and its control interface (faults, stop, restart). */
    public ServiceFixture server() {
        return server;
    }

    public Messages messages() {
        return messages;
    }

    public Formats formats() {
        return formats;
    }

    public InMemoryCredentialStore credentials() {
        return credentials;
    }

    /**
     * Sign-in as the app builds it: the demo is the test sandbox (at its current address), a
     * provider URL is used as given. Retries are quick, so a test of a failing server is short.
     */
    public SignInService signInService(int pageLimit) {
        ServerConnector connector = ref -> ServiceFixture.client(ref.isDemo() ? server.baseUri() : ref.uri(),
                ServiceFixture.FAST_RETRIES, new ArrayList<>());
        return server.newSignInService(connector, credentials, pageLimit);
    }

    public SignInService signInService() {
        return signInService(ServiceFixture.PAGE_LIMIT);
    }

    /** Signs in on the demo server with the seeded password; closed with the fixture. */
    public AccountSession signInOnDemo(SignInService service, String email) {
        return track(service.signIn(ServerRef.DEMO, email, ServiceFixture.password(email).toCharArray()));
    }

    /** Registers a session to be closed with the fixture (closing twice is harmless). */
    public AccountSession track(AccountSession session) {
        sessions.add(session);
        return session;
    }

    /** The demo accounts as the sign-in screen lists them. */
    public static List<DemoCredentials> demoCredentials() {
        return SandboxServer.seededAccounts().stream()
                .filter(a -> !a.email().startsWith("scale@"))
                .map(a -> new DemoCredentials(a.email(), a.password(), a.displayName()))
                .toList();
    }

    /** A port on this computer where nothing listens. */
    public static URI deadLoopbackAddress() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (AccountSession session : sessions) {
            try {
                session.close();
            } catch (RuntimeException e) {
                // Already closed by the test: the sandbox goes anyway.
            }
        }
        server.close();
    }

    // ----- for FxmlLoadTest: controllers over an empty, offline world -----

    /** A sign-in screen with no known accounts and no server behind it. */
    public static LoginView loginViewForLoading(Messages messages) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "coursedesk-fxml-load-" + System.nanoTime());
        SignInService service = ServiceFixture.signInService(ref -> {
            throw new IllegalStateException("no server in a load test");
        }, new InMemoryCredentialStore(), nowhere, () -> "key", ServiceFixture.PAGE_LIMIT);
        LoginViewModel viewModel = new LoginViewModel(service, demoCredentials(), new ImmediateTaskRunner(), messages,
                new Formats(messages.locale(), ZoneId.of("Europe/London"), messages), Clock.systemUTC(), s -> { });
        return new LoginView(viewModel, messages);
    }

    /**
     * A shell over an account opened from an empty local copy, offline. The session is closed
     * and its files removed before the view is returned: loading the FXML touches only the
     * account's name, never its store.
     */
    public static ShellView shellViewForLoading(Messages messages) {
        Path dir;
        try {
            dir = Files.createTempDirectory("coursedesk-fxml-load");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI dead = deadLoopbackAddress();
        SignInService service = ServiceFixture.signInService(
                ref -> ServiceFixture.client(dead, RetryPolicy.none(), new ArrayList<>()),
                new InMemoryCredentialStore(), dir, () -> "key", ServiceFixture.PAGE_LIMIT);
        // The store refuses the FX thread (where FXML is loaded), so the account opens on another.
        ShellViewModel viewModel = CompletableFuture.supplyAsync(() -> {
            try (AccountSession session = service.open(
                    new KnownAccount("acc_load_test", ADA, "Ada Lovelace", ServerRef.DEMO, null))) {
                return new ShellViewModel(session, messages,
                        new Formats(messages.locale(), ZoneId.of("Europe/London"), messages),
                        new ImmediateTaskRunner(), Runnable::run, new DataChanges(Runnable::run));
            } finally {
                deleteTree(dir);
            }
        }).join();
        return new ShellView(viewModel, messages, screen -> new Label(screen.name()), () -> { });
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
