package com.coursedesk.ui.subscriptions;

import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.ThemeChoice;
import com.coursedesk.platform.credentials.InMemoryCredentialStore;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.coursedesk.service.ServiceFixture;
import com.coursedesk.service.actions.ActionService;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.coursedesk.ui.common.Formats;
import com.coursedesk.ui.common.FxTaskRunner;
import com.coursedesk.ui.common.ImmediateTaskRunner;
import com.coursedesk.ui.common.Messages;
import com.coursedesk.ui.common.SystemThemeDetector;
import com.coursedesk.ui.common.ThemeManager;
import com.coursedesk.ui.common.UiThread;
import com.coursedesk.ui.shell.AccountContext;
import com.coursedesk.ui.shell.DataChanges;
import com.coursedesk.ui.shell.UserSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ada's account on a real sandbox, signed in and synced once, and the {@link AccountContext} the
 * shell would hand a screen: FX task runner, the learner's formats (en-GB, London), preferences
 * under the test's directory, and data-change events after every sync pass, as the shell fires
 * them. The sandbox keeps its data in a file, so it can be stopped and started again on the same
 * data: it comes back on the same port, so the session's client reaches it again, as it would
 * reach a provider that was briefly down.
 */
public final class AdaOnSandbox implements AutoCloseable {

    public static final String ADA = ServiceFixture.ADA;

    private final Path sandboxFile;
    private final int port;
    private volatile SandboxServer sandbox;
    private final AccountSession session;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final Messages messages = Messages.load(Locale.UK);
    private final Formats formats = new Formats(Locale.UK, ZoneId.of("Europe/London"), messages);
    private final ThemeManager themes = new ThemeManager(new ImmediateTaskRunner(),
            new SystemThemeDetector("Linux", (command, timeout) -> Optional.empty()));
    private final UserSettings settings;
    private final DataChanges changes = new DataChanges(UiThread.fx());
    private final AccountContext context;

    private AdaOnSandbox(Path dir) throws IOException {
        this.sandboxFile = dir.resolve("sandbox").resolve("sandbox.db");
        this.sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxFile));
        this.port = sandbox.port();
        // Resolved at each connection, so a restarted sandbox is found wherever it listens.
        ServerConnector connector = server -> client(currentUri());
        SignInService signIn = ServiceFixture.signInService(connector, new InMemoryCredentialStore(),
                dir.resolve("data"), ActionService.randomKeys(), 500);
        this.session = signIn.signIn(ServerRef.ofUrl(currentUri().toString()), ADA,
                ServiceFixture.password(ADA).toCharArray());
        SyncStatus first = syncNow();
        if (!(first instanceof SyncStatus.Idle)) {
            throw new IllegalStateException("The first sync did not complete: " + first);
        }
        this.settings = new UserSettings(dir.resolve("settings").resolve("preferences.properties"));
        // What the shell does: every finished pass tells the open screens to reload.
        session.sync().addListener(status -> {
            if (!(status instanceof SyncStatus.Syncing)) {
                changes.fire();
            }
        });
        this.context = new AccountContext(session, messages, formats, tasks, UiThread.fx(), Clock.systemUTC(), themes,
                changes, settings, () -> { });
    }

    public static AdaOnSandbox start(Path dir) {
        try {
            return new AdaOnSandbox(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BillingApiClient client(URI uri) {
        return BillingApiClient.builder(uri)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50)))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(15))
                .build();
    }

    public URI currentUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public AccountContext context() {
        return context;
    }

    public AccountSession session() {
        return session;
    }

    public Messages messages() {
        return messages;
    }

    public Formats formats() {
        return formats;
    }

    public ThemeManager themes() {
        return themes;
    }

    public UserSettings settings() {
        return settings;
    }

    /** Applies a theme (on the FX thread). */
    public void theme(ThemeChoice choice) {
        themes.apply(choice);
    }

    public SyncStatus syncNow() {
        try {
            return session.sync().syncNow().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sync did not end: " + e, e);
        }
    }

    /** The provider goes away: connections to it are refused. */
    public void stopSandbox() {
        sandbox.close();
        sandbox = null;
    }

    /** The provider comes back with the data it had. */
    public void restartSandbox() {
        IOException last = null;
        // The port was just released; give the operating system a moment if it still holds it.
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxFile).withPort(port));
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("The sandbox could not listen on port " + port + " again", last);
    }

    /** Sets the sandbox's fault injection (its control interface's {@code POST /_sandbox/faults}). */
    public void faults(String json) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var answer = http.send(java.net.http.HttpRequest.newBuilder(currentUri().resolve("/_sandbox/faults"))
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("faults: " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ada's subscription called {@code title} in the local copy. */
    public Subscription local(String title) {
        return session.store().read(new SubscriptionDao()::findAll).stream().map(s -> s.subscription())
                .filter(s -> s.product().title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no local subscription " + title));
    }

    /** The server's own record of {@code id}, read by a fresh client with its own sign-in and a full sync. */
    public Subscription onServer(String id) {
        BillingApiClient api = client(currentUri());
        String token = api.login(ADA, ServiceFixture.password(ADA).toCharArray()).accessToken();
        Map<String, Subscription> byId = new HashMap<>();
        String cursor = null;
        SyncPage page;
        do {
            page = api.sync(token, cursor, BillingApiClient.MAX_SYNC_LIMIT);
            page.subscriptions().forEach(s -> byId.put(s.id(), s));
            cursor = page.cursor();
        } while (page.hasMore());
        Subscription found = byId.get(id);
        if (found == null) {
            throw new AssertionError("the server has no subscription " + id + "; it has " + List.copyOf(byId.keySet()));
        }
        return found;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            tasks.close();
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
