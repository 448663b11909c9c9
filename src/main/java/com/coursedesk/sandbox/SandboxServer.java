package com.coursedesk.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference billing server: honours {@code CONTRACT.md} over real HTTP on the loopback
 * interface, with its state in its own SQLite file. Started in-process by the demo and by
 * tests, or standalone through {@link SandboxMain}.
 */
public final class SandboxServer implements AutoCloseable {

    /** Request bodies above this size are refused with 413 (documented in README and the OpenAPI). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final Pattern SUBSCRIPTION_ACTION = Pattern.compile("^/v1/subscriptions/([^/]+)/(cancel|restart)$");
    private static final Pattern REFUND_ACTION = Pattern.compile("^/v1/purchases/([^/]+)/refund-request$");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final Map<String, String> KNOWN_PATHS = Map.of(
            "/v1/health", "GET", "/v1/auth/login", "POST", "/v1/auth/refresh", "POST",
            "/v1/auth/logout", "POST", "/v1/me", "GET", "/v1/sync", "GET");
    private static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(48);

    private final SandboxOptions options;
    private final Path dataFile;
    private final boolean deleteDataOnClose;
    private final SandboxStore store;
    private final SandboxClock clock;
    private final SandboxAuth auth;
    private final SandboxBilling billing;
    private final SandboxSyncFeed feed;
    private final SandboxFaults faults;
    private final SandboxControl control;
    private final HttpServer http;
    private final ExecutorService executor;
    private volatile Instant nextBillingEvent = Instant.MIN;

    private SandboxServer(SandboxOptions options) throws IOException {
        this.options = options;
        this.deleteDataOnClose = options.dataFile() == null;
        this.dataFile = deleteDataOnClose ? Files.createTempFile("coursedesk-sandbox-", ".db") : options.dataFile();
        if (dataFile.getParent() != null) {
            Files.createDirectories(dataFile.getParent());
        }
        this.store = new SandboxStore(dataFile);
        long offset = store.transaction(() -> store.meta("clock_offset_ms").map(Long::parseLong).orElse(0L));
        this.clock = new SandboxClock(Clock.systemUTC(), offset);
        this.auth = new SandboxAuth(store, clock, options.accessTokenTtl());
        this.billing = new SandboxBilling(store, clock, new SandboxBilling.Ids(new SecureRandom()));
        this.feed = store.transaction(() -> new SandboxSyncFeed(store, clock));
        this.faults = new SandboxFaults(options.seed());
        this.control = new SandboxControl(store, clock, billing, feed, faults, this::afterClockMove);
        seedIfEmpty();

        // The JDK server stalls ~45 ms per kept-alive request without TCP_NODELAY; the
        // property is read once, when the server class initialises, so set it first.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sandbox-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("Uncaught in {}", thread.getName(), e));
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        LOG.info("Sandbox listening on {} (data {}, control {})", baseUri(), dataFile,
                options.controlEnabled() ? "on" : "off");
    }

    /** Starts a sandbox; it serves until {@link #close()}. */
    public static SandboxServer start(SandboxOptions options) throws IOException {
        return new SandboxServer(options);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Path dataFile() {
        return dataFile;
    }

    /** The seeded accounts and their passwords (the demo shows them on the sign-in screen). */
    public List<DemoAccount> demoAccounts() {
        return seededAccounts();
    }

    /** The accounts every sandbox seeds, known before one starts. */
    public static List<DemoAccount> seededAccounts() {
        return SandboxSeeder.ACCOUNTS;
    }

    /** The sandbox's current time. */
    public Instant now() {
        return clock.now();
    }

    private void seedIfEmpty() {
        store.transaction(() -> {
            if (store.meta("seeded").isEmpty()) {
                long started = System.nanoTime();
                new SandboxSeeder(store, billing, new SandboxBilling.Ids(new Random(options.seed())),
                        new Random(options.seed()), clock.now()).seed(options.scalePurchases());
                store.putMeta("seeded", clock.now().toString());
                LOG.info("Seeded demo data ({} scale purchases) in {} ms", options.scalePurchases(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return null;
        });
    }

    private void afterClockMove() {
        store.putMeta("clock_offset_ms", Long.toString(clock.offsetMillis()));
        nextBillingEvent = billing.processDue();
    }

    // ----- HTTP -----

    /**
     * What the server answers; a body given as {@code utf8} bytes (a sync page) is sent as it is,
     * and then {@code body} is null.
     */
    record Answer(int status, String body, boolean problem, Map<String, String> headers, byte[] utf8) {
        Answer(int status, String body, boolean problem, Map<String, String> headers) {
            this(status, body, problem, headers, null);
        }

        static Answer json(int status, String body) {
            return new Answer(status, body, false, Map.of());
        }

        static Answer json(int status, byte[] utf8) {
            return new Answer(status, null, false, Map.of(), utf8);
        }

        static Answer empty(int status) {
            return new Answer(status, null, false, Map.of());
        }

        static Answer of(Problem p) {
            JsonObject body = new JsonObject();
            body.addProperty("type", "https://coursedesk.app/problems/" + p.code);
            body.addProperty("title", p.title);
            body.addProperty("status", p.status);
            body.addProperty("detail", p.getMessage());
            body.addProperty("code", p.code);
            Map<String, String> headers = p.retryAfterSeconds == null ? Map.of()
                    : Map.of("Retry-After", Integer.toString(p.retryAfterSeconds));
            return new Answer(p.status, SandboxJson.GSON.toJson(body), true, headers);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Answer answer;
        boolean dropBeforeAnswer = false;
        try {
            if (path.startsWith("/_sandbox/")) {
                if (!options.controlEnabled()) {
                    throw Problem.notFound("No such path.");
                }
                String body = readBody(exchange);
                answer = control.handle(method, path, body);
            } else {
                long delay = faults.delayMillis(path);
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                Problem injected = faults.injectedFailure(path);
                if (injected != null) {
                    throw injected;
                }
                String body = readBody(exchange);
                boolean isAction = method.equals("POST")
                        && (SUBSCRIPTION_ACTION.matcher(path).matches() || REFUND_ACTION.matcher(path).matches());
                answer = route(exchange, method, path, body);
                dropBeforeAnswer = isAction && faults.takeDropAfterAction(path);
            }
        } catch (Problem p) {
            answer = Answer.of(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Answer.of(new Problem(503, "unavailable", "Unavailable", "The server is stopping.", 1));
        } catch (RuntimeException e) {
            LOG.error("Sandbox failed on {} {}", method, path, e);
            answer = Answer.of(new Problem(500, "internal_error", "Server error", "The server failed."));
        }
        try {
            if (dropBeforeAnswer) {
                LOG.debug("{} {} performed; dropping the answer (fault)", method, path);
                exchange.close();
                return;
            }
            send(exchange, path, answer);
        } finally {
            LOG.debug("{} {} -> {} in {} ms", method, path, answer.status(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Answer route(HttpExchange exchange, String method, String path, String body) {
        Matcher subAction = SUBSCRIPTION_ACTION.matcher(path);
        Matcher refundAction = REFUND_ACTION.matcher(path);
        String expectedMethod = KNOWN_PATHS.get(path);
        if (expectedMethod == null && (subAction.matches() || refundAction.matches())) {
            expectedMethod = "POST";
        }
        if (expectedMethod == null) {
            throw Problem.notFound("No such path: " + path);
        }
        if (!expectedMethod.equals(method)) {
            Answer refused = Answer.of(new Problem(405, "invalid_request", "Method not allowed",
                    path + " answers " + expectedMethod + " only."));
            return new Answer(refused.status(), refused.body(), true, Map.of("Allow", expectedMethod));
        }
        if (path.equals("/v1/health")) {
            JsonObject out = new JsonObject();
            out.addProperty("status", "ok");
            out.addProperty("serverTime", clock.now().toString());
            out.addProperty("apiVersion", "1.0");
            return Answer.json(200, SandboxJson.GSON.toJson(out));
        }
        if (path.equals("/v1/auth/login")) {
            JsonObject json = jsonBody(exchange, body);
            return Answer.json(200, store.transaction(() -> auth.login(json)));
        }
        if (path.equals("/v1/auth/refresh")) {
            JsonObject json = jsonBody(exchange, body);
            return Answer.json(200, store.transaction(() -> auth.refresh(json)));
        }
        catchUpBilling();
        SandboxStore.Session session = store.transaction(
                () -> auth.authenticate(exchange.getRequestHeaders().getFirst("Authorization")));
        String accountId = session.accountId();
        switch (path) {
            case "/v1/auth/logout" -> {
                if (body != null && !body.isBlank()) {
                    SandboxJson.onlyFields(jsonBody(exchange, body), Set.of());
                }
                store.transaction(() -> {
                    auth.logout(session);
                    return null;
                });
                return Answer.empty(204);
            }
            case "/v1/me" -> {
                return Answer.json(200, store.transaction(() -> store.accountById(accountId).orElseThrow().json()));
            }
            case "/v1/sync" -> {
                Map<String, String> query = query(exchange, Set.of("cursor", "limit"));
                return Answer.json(200, store.transaction(
                        () -> feed.page(accountId, query.get("cursor"), query.get("limit"))));
            }
            default -> {
                // one of the three actions
            }
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            throw new Problem(400, "idempotency_key_required", "Idempotency key required",
                    "Actions need an Idempotency-Key header (a fresh UUID per intended action).");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Problem.invalidRequest("The Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        JsonObject json = jsonBody(exchange, body);
        String fingerprint = method + " " + path + " " + SandboxJson.canonical(json);
        Supplier<String> action;
        if (subAction.matches()) {
            String id = decode(subAction.group(1));
            action = subAction.group(2).equals("cancel")
                    ? () -> billing.cancel(accountId, id, json)
                    : () -> billing.restart(accountId, id, json);
        } else {
            String id = decode(refundAction.group(1));
            action = () -> billing.refund(accountId, id, json);
        }
        return idempotent(accountId, key, fingerprint, action);
    }

    /**
     * Acts at most once per key: the first answer (success or a definite refusal) is kept and
     * replayed; a {@code 400} is not kept, so the key can be used again once the body is mended.
     */
    private Answer idempotent(String accountId, String key, String fingerprint, Supplier<String> action) {
        return store.transaction(() -> {
            Instant now = clock.now();
            store.forgetAnswersBefore(now.minus(KEEP_IDEMPOTENCY_KEYS).toEpochMilli());
            var kept = store.keptAnswer(accountId, key);
            if (kept.isPresent()) {
                if (!kept.get().fingerprint().equals(fingerprint)) {
                    throw new Problem(422, "idempotency_key_reused", "Idempotency key reused",
                            "This Idempotency-Key was already used for a different request.");
                }
                boolean problem = kept.get().status() >= 400;
                return new Answer(kept.get().status(), kept.get().body(), problem,
                        Map.of("Idempotent-Replayed", "true"));
            }
            Answer answer;
            try {
                answer = Answer.json(200, action.get());
            } catch (Problem p) {
                if (p.status == 400) {
                    throw p;
                }
                answer = Answer.of(p);
            }
            store.keepAnswer(accountId, key, new SandboxStore.KeptAnswer(fingerprint, answer.status(), answer.body()),
                    now.toEpochMilli());
            return answer;
        });
    }

    /** Applies trial ends, renewals and period ends that real time has made due. */
    private void catchUpBilling() {
        if (!clock.now().isBefore(nextBillingEvent)) {
            store.transaction(() -> {
                nextBillingEvent = billing.processDue();
                return null;
            });
        }
    }

    private static String decode(String segment) {
        String id = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        if (id.isEmpty() || id.length() > 64) {
            throw Problem.notFound("No record " + id + ".");
        }
        return id;
    }

    private static Map<String, String> query(HttpExchange exchange, Set<String> allowed) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!allowed.contains(name)) {
                throw Problem.invalidRequest("Unknown query parameter '" + name + "'; allowed: " + allowed + ".");
            }
            if (out.put(name, value) != null) {
                throw Problem.invalidRequest("The query parameter '" + name + "' is given twice.");
            }
        }
        return out;
    }

    /**
     * Reads a request body up to the limit. GET bodies are ignored (no endpoint reads one);
     * the content type is checked later, only where a body is parsed, so an unknown path is
     * still a 404 whatever it was sent with.
     */
    private static String readBody(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            return "";
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                // Read what the client is still sending (up to a bound) so that it sees the
                // 413 instead of a connection reset while it writes.
                drain(in, DRAIN_LIMIT_BYTES);
                throw new Problem(413, "invalid_request", "Request too large",
                        "Request bodies are limited to " + MAX_BODY_BYTES / 1024 + " KiB.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while (read < limit && (n = in.read(buffer)) > 0) {
            read += n;
        }
    }

    private static JsonObject jsonBody(HttpExchange exchange, String body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!body.isEmpty() && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
            throw Problem.invalidRequest("Request bodies must be sent as application/json.");
        }
        return SandboxJson.parseObject(body);
    }

    private void send(HttpExchange exchange, String path, Answer answer) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (answer.body() == null && answer.utf8() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = answer.utf8() != null ? answer.utf8() : answer.body().getBytes(StandardCharsets.UTF_8);
        boolean control = path.startsWith("/_sandbox/");
        if (!control && !answer.problem() && faults.takeMalformedJson(path)) {
            // Cut at a character boundary (the text's half), as the String was cut before.
            String body = new String(bytes, StandardCharsets.UTF_8);
            bytes = body.substring(0, Math.max(1, body.length() / 2)).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type",
                (answer.problem() ? "application/problem+json" : "application/json") + "; charset=utf-8");
        if (!control && faults.takeDropConnection(path)) {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            // An IOException out of a handler makes the JDK server close the socket at once,
            // which is the fault asked for; closing the stream would keep the connection.
            throw new IOException("fault injection: connection dropped mid-answer");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        if (deleteDataOnClose) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(Path.of(dataFile + suffix));
                } catch (IOException e) {
                    LOG.warn("Could not delete {}{}", dataFile, suffix, e);
                }
            }
        }
        LOG.info("Sandbox on port {} stopped", http.getAddress().getPort());
    }
}
