package com.coursedesk.service;

import com.coursedesk.data.accounts.KnownAccountsFile;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.Deleted;
import com.coursedesk.data.api.RetryPolicy;
import com.coursedesk.data.api.SyncPage;
import com.coursedesk.data.db.LocalStore;
import com.coursedesk.data.db.PurchaseDao;
import com.coursedesk.data.db.StoreOpener;
import com.coursedesk.data.db.StoredPurchase;
import com.coursedesk.data.db.StoredSubscription;
import com.coursedesk.data.db.SubscriptionDao;
import com.coursedesk.data.db.SyncState;
import com.coursedesk.data.db.SyncStateDao;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.ServerRef;
import com.coursedesk.domain.Subscription;
import com.coursedesk.platform.credentials.CredentialStore;
import com.coursedesk.platform.credentials.UserOnlyFileCredentialStore;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import com.coursedesk.service.auth.AccountSession;
import com.coursedesk.service.auth.ServerConnector;
import com.coursedesk.service.auth.SignInService;
import com.coursedesk.service.sync.SyncStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service layer wired as the app wires it, against a real sandbox over HTTP, with real
 * SQLite files under a test's temporary directory.
 *
 * <p>The sandbox keeps its data in {@code <dir>/sandbox/sandbox.db}, so {@link #stopSandbox()}
 * and {@link #restartSandbox()} bring the same server back (on another port: the connector
 * always resolves to the current address). The app's data lives in {@code <dir>/data}. Each
 * {@link #newSignInService} builds fresh objects over those files, as a new start of the app
 * would.
 */
public final class ServiceFixture implements AutoCloseable {

    public static final String ADA = "ada@example.com";
    public static final String BOB = "bob@example.com";
    public static final String EVE = "eve@example.com";
    public static final String KENJI = "kenji@example.jp";
    public static final String SCALE = "scale@example.com";

    /** Small pages, so a sync of one account takes several round trips. */
    public static final int PAGE_LIMIT = 50;
    /** Many attempts (a 30 % failure storm must not exhaust them), tiny backoff. */
    public static final RetryPolicy FAST_RETRIES = new RetryPolicy(10, Duration.ofMillis(2), Duration.ofSeconds(30));
    /** How long a test waits for one sync pass. */
    public static final Duration PASS_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path sandboxData;
    private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
    private final List<String> issuedKeys = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final HttpClient controlHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile SandboxServer sandbox;
    private volatile URI currentUri;

    private ServiceFixture(Path dir) {
        this.dir = dir;
        this.sandboxData = dir.resolve("sandbox").resolve("sandbox.db");
    }

    /** Starts a fresh sandbox (control interface on) with its data under {@code dir}. */
    public static ServiceFixture start(Path dir) {
        ServiceFixture fx = new ServiceFixture(dir);
        fx.startSandbox();
        return fx;
    }

    private void startSandbox() {
        try {
            sandbox = SandboxServer.start(SandboxOptions.forTests().withDataFile(sandboxData));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        currentUri = sandbox.baseUri();
    }

    /** Stops the sandbox: from now on its address refuses connections. */
    public void stopSandbox() {
        sandbox.close();
        sandbox = null;
    }

    /** Starts the sandbox again on the same data file (and another port). */
    public void restartSandbox() {
        if (sandbox != null) {
            stopSandbox();
        }
        startSandbox();
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    /** The address of the running sandbox (of the last one while it is stopped). */
    public URI baseUri() {
        return currentUri;
    }

    public ServerRef serverRef() {
        return ServerRef.ofUrl(currentUri.toString());
    }

    public Path dir() {
        return dir;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Every wait the clients were asked to make between retries (they sleep at most 5 ms of it). */
    public List<Duration> retryWaits() {
        return retryWaits;
    }

    /** Every idempotency key handed out, in order. */
    public List<String> issuedKeys() {
        return issuedKeys;
    }

    // ----- wiring -----

    /** A client with {@link #FAST_RETRIES}; retry waits are recorded and cut to 5 ms. */
    public BillingApiClient client(URI uri) {
        return client(uri, FAST_RETRIES, retryWaits);
    }

    public static BillingApiClient client(URI uri, RetryPolicy policy, List<Duration> waits) {
        return BillingApiClient.builder(uri)
                .retryPolicy(policy)
                .sleeper(d -> {
                    waits.add(d);
                    Thread.sleep(Math.min(d.toMillis(), 5));
                })
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** Whatever the account's stored server, talks to the sandbox running now. */
    public ServerConnector connector(RetryPolicy policy) {
        return server -> client(currentUri, policy, retryWaits);
    }

    public CredentialStore fileCredentials() {
        return new UserOnlyFileCredentialStore(dataDir().resolve("credentials"));
    }

    /** A fresh set of services over the app's data files, as a new start of the app builds. */
    public SignInService newSignInService(CredentialStore credentials) {
        return newSignInService(credentials, PAGE_LIMIT, FAST_RETRIES);
    }

    public SignInService newSignInService(CredentialStore credentials, int pageLimit, RetryPolicy policy) {
        return newSignInService(connector(policy), credentials, pageLimit);
    }

    public SignInService newSignInService(ServerConnector connector, CredentialStore credentials, int pageLimit) {
        Supplier<String> keys = () -> {
            String key = UUID.randomUUID().toString();
            issuedKeys.add(key);
            return key;
        };
        return signInService(connector, credentials, dataDir(), keys, pageLimit);
    }

    /** The app's wiring of {@link SignInService} over {@code dataDir} (also used by the crash child). */
    public static SignInService signInService(ServerConnector connector, CredentialStore credentials, Path dataDir,
                                              Supplier<String> keys, int pageLimit) {
        return new SignInService(connector, credentials, new KnownAccountsFile(dataDir.resolve("accounts.json")),
                new StoreOpener(Clock.systemUTC()), dataDir.resolve("accounts"), Clock.systemUTC(), keys, pageLimit);
    }

    /** Signs in with the seeded password; the session is closed with the fixture. */
    public AccountSession signIn(SignInService service, String email) {
        return track(service.signIn(serverRef(), email, password(email).toCharArray()));
    }

    /** Registers a session to be closed with the fixture (closing twice is harmless). */
    public AccountSession track(AccountSession session) {
        toClose.add(0, session);
        return session;
    }

    public static String password(String email) {
        return SandboxServer.seededAccounts().stream().filter(a -> a.email().equals(email)).findFirst()
                .orElseThrow().password();
    }

    // ----- sync -----

    /** Runs one pass (or joins the running one) and returns how it ended. */
    public static SyncStatus syncNow(AccountSession session) {
        try {
            return session.sync().syncNow().get(PASS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sync did not end: " + e, e);
        }
    }

    // ----- the sandbox's control interface -----

    public JsonObject control(String method, String path, String jsonOrNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(currentUri.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, jsonOrNull == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonOrNull, StandardCharsets.UTF_8));
        if (jsonOrNull != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = controlHttp.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
            String body = response.body();
            return body == null || body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void faults(String json) {
        control("POST", "/_sandbox/faults", json);
    }

    public void clearFaults() {
        control("DELETE", "/_sandbox/faults", null);
    }

    public void expireTokens() {
        control("POST", "/_sandbox/tokens/expire", null);
    }

    public void expireCursors() {
        control("POST", "/_sandbox/cursors/expire", null);
    }

    public void deleteRecord(String id) {
        control("POST", "/_sandbox/records/" + id + "/delete", null);
    }

    public void advanceDays(int days) {
        control("POST", "/_sandbox/clock/advance", "{\"days\":" + days + "}");
    }

    /** The learner buys a course on the web now: one new change in the feed. */
    public void newPurchase(String email, String title, long amountMinor, String currency) {
        JsonObject body = new JsonObject();
        body.addProperty("title", title);
        body.addProperty("amountMinor", amountMinor);
        body.addProperty("currency", currency);
        control("POST", "/_sandbox/accounts/" + email + "/purchases", body.toString());
    }

    // ----- comparing the local copy with the server -----

    /** Records by id, sorted by id so failure messages line up. */
    public record Records(Map<String, Purchase> purchases, Map<String, Subscription> subscriptions) {

        public int size() {
            return purchases.size() + subscriptions.size();
        }
    }

    /**
     * The server's whole state for {@code email}, read by a fresh cursor-less sync on a client
     * of its own (its own sign-in, not the session under test). Clears the faults first.
     */
    public Records serverState(String email) {
        clearFaults();
        BillingApiClient api = client(currentUri, RetryPolicy.none(), new ArrayList<>());
        String token = api.login(email, password(email).toCharArray()).accessToken();
        Map<String, Purchase> purchases = new TreeMap<>();
        Map<String, Subscription> subscriptions = new TreeMap<>();
        String cursor = null;
        SyncPage page;
        int pages = 0;
        do {
            page = api.sync(token, cursor, BillingApiClient.MAX_SYNC_LIMIT);
            page.purchases().forEach(p -> purchases.put(p.id(), p));
            page.subscriptions().forEach(s -> subscriptions.put(s.id(), s));
            for (Deleted d : page.deleted()) {
                if (d.type() == Deleted.Type.PURCHASE) {
                    purchases.remove(d.id());
                } else {
                    subscriptions.remove(d.id());
                }
            }
            cursor = page.cursor();
            assertThat(++pages).as("server feed terminates").isLessThan(1000);
        } while (page.hasMore());
        return new Records(purchases, subscriptions);
    }

    /** The server's feed read from the beginning with {@code limit}, one entry per page. */
    public List<SyncPage> serverPages(String email, int limit) {
        clearFaults();
        BillingApiClient api = client(currentUri, RetryPolicy.none(), new ArrayList<>());
        String token = api.login(email, password(email).toCharArray()).accessToken();
        List<SyncPage> pages = new ArrayList<>();
        String cursor = null;
        SyncPage page;
        do {
            page = api.sync(token, cursor, limit);
            pages.add(page);
            cursor = page.cursor();
            assertThat(pages.size()).as("server feed terminates").isLessThan(10_000);
        } while (page.hasMore());
        return pages;
    }

    public static Records localState(LocalStore store) {
        List<StoredPurchase> purchases = store.read(new PurchaseDao()::findAll);
        List<StoredSubscription> subscriptions = store.read(new SubscriptionDao()::findAll);
        return new Records(
                purchases.stream().map(StoredPurchase::purchase)
                        .collect(Collectors.toMap(Purchase::id, p -> p, (a, b) -> a, TreeMap::new)),
                subscriptions.stream().map(StoredSubscription::subscription)
                        .collect(Collectors.toMap(Subscription::id, s -> s, (a, b) -> a, TreeMap::new)));
    }

    public static SyncState syncState(LocalStore store) {
        return store.read(new SyncStateDao()::get);
    }

    /** The local copy holds exactly the server's records, every field equal, and no pending mark. */
    public Records assertMatchesServer(AccountSession session, String email) {
        Records server = serverState(email);
        assertThat(server.size()).as("the server has records for %s", email).isPositive();
        assertEqual(localState(session.store()), server);
        assertThat(session.store().read(new PurchaseDao()::findAll)).noneMatch(StoredPurchase::hasPendingAction);
        assertThat(session.store().read(new SubscriptionDao()::findAll))
                .noneMatch(StoredSubscription::hasPendingAction);
        return server;
    }

    public static void assertEqual(Records local, Records server) {
        assertThat(local.purchases().keySet()).as("purchase ids").isEqualTo(server.purchases().keySet());
        assertThat(local.subscriptions().keySet()).as("subscription ids").isEqualTo(server.subscriptions().keySet());
        server.purchases().forEach((id, p) -> assertThat(local.purchases().get(id)).as("purchase %s", id).isEqualTo(p));
        server.subscriptions().forEach((id, s) ->
                assertThat(local.subscriptions().get(id)).as("subscription %s", id).isEqualTo(s));
    }

    /** {@code PRAGMA integrity_check} on a store file, through a connection of its own. */
    public static String integrityCheck(Path storeFile) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return String.join("; ", rows);
        } catch (SQLException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                // Already closed by the test, or failing to close: the sandbox goes anyway.
            }
        }
        if (sandbox != null) {
            stopSandbox();
        }
    }
}
