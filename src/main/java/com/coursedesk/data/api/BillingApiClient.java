package com.coursedesk.data.api;

import com.coursedesk.data.api.Dtos.AccountDto;
import com.coursedesk.data.api.Dtos.HealthDto;
import com.coursedesk.data.api.Dtos.PurchaseDto;
import com.coursedesk.data.api.Dtos.SubscriptionDto;
import com.coursedesk.data.api.Dtos.SyncPageDto;
import com.coursedesk.data.api.Dtos.TokenResponseDto;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.Subscription;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The billing API (contract version 1) over the JDK {@link HttpClient}. Answers come back as
 * domain records; failures as one of the {@link ApiClientException} kinds.
 *
 * <p>Reads ({@code health}, {@code me}, {@code sync}) and the three actions, which carry an
 * idempotency key and so cannot act twice, are retried on 429, 500, 503 and when the server
 * is unreachable, with the {@link RetryPolicy}'s backoff or the server's {@code Retry-After}.
 * Sign-in, refresh and sign-out are tried once: a repeated refresh could spend a rotated
 * refresh token, and a repeated login could count against the failed-attempt limit.
 *
 * <p>Thread-safe; one instance per base URL is enough. Logs method, path, status, code and
 * timing only: never bodies, passwords or tokens.
 */
public final class BillingApiClient {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_SYNC_LIMIT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(BillingApiClient.class);
    private static final String USER_AGENT = "CourseDesk-BillingClient/1";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern RETRY_AFTER_SECONDS = Pattern.compile("\\d{1,9}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:]+");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final URI baseUri;
    private final String basePrefix;
    /** Configured here, built on the first request ({@link #http()}). */
    private final HttpClient.Builder httpBuilder;
    private volatile HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final DtoMapper mapper = new DtoMapper();
    /** The last {@code Date} header read ({@link #httpDate}). */
    private volatile ParsedDate lastDate;

    private BillingApiClient(Builder builder) {
        this.baseUri = builder.baseUri;
        String text = builder.baseUri.toString();
        this.basePrefix = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // A redirect is not part of the contract; following one could carry the
                // bearer token to another host.
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equalsIgnoreCase(baseUri.getScheme())) {
            // No h2c upgrade dance on plain loopback HTTP; HTTPS negotiates HTTP/2 via ALPN.
            http.version(HttpClient.Version.HTTP_1_1);
            // The client's own work runs on its selector thread instead of being handed to a
            // pool thread piece by piece (a half-megabyte sync page arrives in some 36 reads):
            // on loopback, those hand-overs were most of the time a page took to arrive once
            // sent, on the cores the pass parses and writes on. Nothing here blocks: answers are
            // collected as bytes. HTTPS keeps the pool, for TLS's own tasks.
            http.executor(Runnable::run);
        }
        if (builder.sslContext != null) {
            http.sslContext(builder.sslContext);
        }
        this.httpBuilder = http;
    }

    /**
     * The JDK client, built on the first request: building it asks for the default TLS context
     * even for plain HTTP (reading and parsing the CA certificates, about 250 ms of CPU), and an
     * account opened from its local copy makes no request until its first sync, after the
     * window is drawn.
     */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (httpBuilder) {
                client = http;
                if (client == null) {
                    client = httpBuilder.build();
                    http = client;
                }
            }
        }
        return client;
    }

    /**
     * Starts configuring a client for the server at {@code baseUri} (e.g.
     * {@code https://billing.example.com}; the client appends {@code /v1/...}).
     *
     * @throws IllegalArgumentException if the URI is not an absolute http(s) URL with a
     *                                  host, or is plain http to a host that is not loopback
     */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** {@code GET /v1/health}. Needs no token. */
    public HealthStatus health() {
        return health(Call.get("/v1/health", null));
    }

    /**
     * {@code GET /v1/health}, tried once: for looking for the server while offline, which is
     * itself repeated. Retrying inside each look only made it longer, and warned at every retry.
     */
    public HealthStatus healthOnce() {
        return health(Call.getOnce("/v1/health"));
    }

    private HealthStatus health(Call call) {
        HttpResponse<byte[]> response = execute(call);
        return mapper.health(parse(response, HealthDto.class, "GET /v1/health"));
    }

    /**
     * {@code POST /v1/auth/login}. The password is read, not kept; zeroing it afterwards is
     * the caller's choice. Not retried.
     *
     * @throws ApiException {@link ApiErrorCode#INVALID_CREDENTIALS} for a wrong email or
     *                      password, {@link ApiErrorCode#RATE_LIMITED} after too many
     */
    public TokenResponse login(String email, char[] password) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        byte[] body = JsonBodies.login(email, password);
        try {
            HttpResponse<byte[]> response = execute(Call.post("/v1/auth/login", body, null, null, false));
            return mapper.tokenResponse(parse(response, TokenResponseDto.class, "POST /v1/auth/login"));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * {@code POST /v1/auth/refresh}. Refresh tokens rotate: store the returned one, the old
     * one is spent. Not retried, so a token is never sent twice.
     */
    public TokenResponse refresh(String refreshToken) {
        requireToken(refreshToken, "refreshToken");
        JsonObject json = new JsonObject();
        json.addProperty("refreshToken", refreshToken);
        HttpResponse<byte[]> response = execute(Call.post("/v1/auth/refresh", bytes(json), null, null, false));
        return mapper.tokenResponse(parse(response, TokenResponseDto.class, "POST /v1/auth/refresh"));
    }

    /** {@code POST /v1/auth/logout}: revokes the session's refresh token. Not retried. */
    public void logout(String accessToken) {
        requireToken(accessToken, "accessToken");
        execute(Call.post("/v1/auth/logout", null, accessToken, null, false));
    }

    /** {@code GET /v1/me}. */
    public Account me(String accessToken) {
        requireToken(accessToken, "accessToken");
        HttpResponse<byte[]> response = execute(Call.get("/v1/me", accessToken));
        return mapper.account(parse(response, AccountDto.class, "GET /v1/me"));
    }

    /**
     * {@code GET /v1/sync}: one page of changes after {@code cursorOrNull}, or of every
     * record when it is null, with the answer's {@code Date} ({@link SyncPage#serverDate()}).
     *
     * @param limit 1 to {@value #MAX_SYNC_LIMIT} records per page
     * @throws ApiException {@link ApiErrorCode#CURSOR_EXPIRED} when a full pass is needed
     */
    public SyncPage sync(String accessToken, String cursorOrNull, int limit) {
        return fetchSync(accessToken, cursorOrNull, limit).page();
    }

    /**
     * {@code GET /v1/sync} as {@link #sync}, but the body is read into records only when
     * {@link SyncFetch#page()} is called: its {@link SyncFetch#continuation()} lets a caller ask
     * for the next page first, so that the server prepares it while this one is parsed.
     *
     * @param limit 1 to {@value #MAX_SYNC_LIMIT} records per page
     * @throws ApiException {@link ApiErrorCode#CURSOR_EXPIRED} when a full pass is needed
     */
    public SyncFetch fetchSync(String accessToken, String cursorOrNull, int limit) {
        return askSync(accessToken, cursorOrNull, limit).answer();
    }

    /**
     * {@code GET /v1/sync} as {@link #fetchSync}, sent now and waited for when
     * {@link SyncRequest#answer()} is called: a caller that fetches page after page can send the
     * next request before it hands the page it has to a thread that reads it (which, woken on a
     * busy computer, took the sender's core for the time it read the page).
     *
     * @param limit 1 to {@value #MAX_SYNC_LIMIT} records per page
     */
    public SyncRequest askSync(String accessToken, String cursorOrNull, int limit) {
        requireToken(accessToken, "accessToken");
        if (limit < 1 || limit > MAX_SYNC_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_SYNC_LIMIT + ", was " + limit);
        }
        String query = "?limit=" + limit + (cursorOrNull == null ? "" : "&cursor=" + encode(cursorOrNull));
        Call call = Call.get("/v1/sync", accessToken).withQuery(query);
        return new SyncRequest(call, startOnce(call));
    }

    /** A {@code GET /v1/sync} sent ({@link #askSync}) and not yet waited for. */
    public final class SyncRequest {
        private final Call call;
        private final Attempt first;

        private SyncRequest(Call call, Attempt first) {
            this.call = call;
            this.first = first;
        }

        /**
         * Waits for the answer, retrying as {@link #fetchSync} does (the first attempt is the one
         * already sent).
         *
         * @throws ApiException {@link ApiErrorCode#CURSOR_EXPIRED} when a full pass is needed
         */
        public SyncFetch answer() {
            HttpResponse<byte[]> response = execute(call, first);
            return new SyncFetch(response.body(), httpDate(response), BillingApiClient.this::syncPage);
        }
    }

    /**
     * A sync page's body as records: read straight from its bytes when it has the usual shape
     * ({@link SyncPageReader}, a fraction of the time), else with Gson and the mapper, which read
     * every other page the contract allows and say what is wrong with one it does not.
     */
    SyncPage syncPage(byte[] body) {
        SyncPage page = SyncPageReader.read(body);
        return page != null ? page : generalSyncPage(body);
    }

    /** A sync page's body read with Gson and the mapper, whatever its shape. */
    SyncPage generalSyncPage(byte[] body) {
        return mapper.syncPage(parse(body, SyncPageDto.class, "GET /v1/sync"));
    }

    /**
     * The answer's {@code Date} header (RFC 9110: an origin server with a clock sends one), or
     * null when there is none or it cannot be read: a missing clock is not a broken answer.
     */
    Instant httpDate(HttpResponse<?> response) {
        String value = response.headers().firstValue("Date").orElse(null);
        if (value == null) {
            return null;
        }
        // The pages of one pass are mostly answered within the same second: parsing the same
        // date again for each (0.1 ms) was a fifth of the time of asking for the next page.
        ParsedDate last = lastDate;
        if (last != null && last.text().equals(value)) {
            return last.instant();
        }
        Instant parsed = parseHttpDate(value);
        lastDate = new ParsedDate(value, parsed);
        return parsed;
    }

    /** A {@code Date} header's text and what it was read as (null if unreadable). */
    private record ParsedDate(String text, Instant instant) {
    }

    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            LOG.debug("Ignoring an unreadable Date header '{}'", value);
            return null;
        }
    }

    /**
     * {@code POST /v1/subscriptions/{id}/cancel}. Retried safely with the same key.
     *
     * @param reasonOrNull   why, or null to say nothing
     * @param commentOrNull  free text, or null
     * @param idempotencyKey the key stored with this pending action, reused on every retry
     */
    public Subscription cancelSubscription(String accessToken, String subscriptionId, CancelReason reasonOrNull,
                                           String commentOrNull, String idempotencyKey) {
        requireToken(accessToken, "accessToken");
        requireIdempotencyKey(idempotencyKey);
        JsonObject json = new JsonObject();
        if (reasonOrNull != null) {
            json.addProperty("reason", reasonOrNull.wireName());
        }
        if (commentOrNull != null) {
            json.addProperty("comment", commentOrNull);
        }
        String path = "/v1/subscriptions/" + pathSegment(subscriptionId, "subscriptionId") + "/cancel";
        HttpResponse<byte[]> response = execute(Call.post(path, bytes(json), accessToken, idempotencyKey, true));
        return mapper.subscription(parse(response, SubscriptionDto.class, "POST " + path));
    }

    /** {@code POST /v1/subscriptions/{id}/restart}. Retried safely with the same key. */
    public Subscription restartSubscription(String accessToken, String subscriptionId, String idempotencyKey) {
        requireToken(accessToken, "accessToken");
        requireIdempotencyKey(idempotencyKey);
        String path = "/v1/subscriptions/" + pathSegment(subscriptionId, "subscriptionId") + "/restart";
        HttpResponse<byte[]> response =
                execute(Call.post(path, bytes(new JsonObject()), accessToken, idempotencyKey, true));
        return mapper.subscription(parse(response, SubscriptionDto.class, "POST " + path));
    }

    /**
     * {@code POST /v1/purchases/{id}/refund-request}. Retried safely with the same key.
     *
     * @param reason the learner's reason, 1 to 500 characters (the server checks the length)
     */
    public Purchase requestRefund(String accessToken, String purchaseId, String reason, String idempotencyKey) {
        requireToken(accessToken, "accessToken");
        Objects.requireNonNull(reason, "reason");
        requireIdempotencyKey(idempotencyKey);
        JsonObject json = new JsonObject();
        json.addProperty("reason", reason);
        String path = "/v1/purchases/" + pathSegment(purchaseId, "purchaseId") + "/refund-request";
        HttpResponse<byte[]> response = execute(Call.post(path, bytes(json), accessToken, idempotencyKey, true));
        return mapper.purchase(parse(response, PurchaseDto.class, "POST " + path));
    }

    // ---- the exchange ----

    /** One request as sent; {@code path} (without query) is what gets logged. */
    private record Call(String method, String path, String query, byte[] body, String accessToken,
                        String idempotencyKey, boolean retryable) {

        static Call get(String path, String accessToken) {
            return new Call("GET", path, "", null, accessToken, null, true);
        }

        static Call getOnce(String path) {
            return new Call("GET", path, "", null, null, null, false);
        }

        static Call post(String path, byte[] body, String accessToken, String idempotencyKey, boolean retryable) {
            return new Call("POST", path, "", body, accessToken, idempotencyKey, retryable);
        }

        Call withQuery(String newQuery) {
            return new Call(method, path, newQuery, body, accessToken, idempotencyKey, retryable);
        }

        String label() {
            return method + " " + path;
        }
    }

    /** Sends {@code call}, retrying as allowed, and returns its 2xx response. */
    private HttpResponse<byte[]> execute(Call call) {
        return execute(call, null);
    }

    /** As {@link #execute(Call)}, with the first attempt already sent when {@code first} is not null. */
    private HttpResponse<byte[]> execute(Call call, Attempt first) {
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            // Set when the server asked for the wait: the caller's listener is told of it.
            boolean asked = false;
            try {
                HttpResponse<byte[]> response = attempt == 1 && first != null
                        ? awaitOnce(call, first, attempt) : sendOnce(call, attempt);
                if (response.statusCode() / 100 == 2) {
                    return response;
                }
                ApiException error = toApiException(response);
                if (!call.retryable() || !isRetryableStatus(error.status()) || attempt >= retryPolicy.maxAttempts()) {
                    throw error;
                }
                Duration retryAfter = error.retryAfter().orElse(null);
                if (retryAfter != null && retryAfter.compareTo(retryPolicy.maxDelay()) > 0) {
                    LOG.info("{} answered {} {} with Retry-After {} s, longer than the retry cap; giving up",
                            call.label(), error.status(), error.rawCode(), retryAfter.toSeconds());
                    throw error;
                }
                wait = retryAfter != null ? retryAfter : jitteredBackoff(attempt);
                asked = retryAfter != null;
                LOG.warn("{} answered {} {}; retry {} of {} in {} ms", call.label(), error.status(),
                        error.rawCode(), attempt, retryPolicy.maxAttempts() - 1, wait.toMillis());
            } catch (ApiUnreachableException e) {
                if (!call.retryable() || attempt >= retryPolicy.maxAttempts()) {
                    throw e;
                }
                wait = jitteredBackoff(attempt);
                LOG.warn("{} unreachable ({}); retry {} of {} in {} ms", call.label(), e.getMessage(),
                        attempt, retryPolicy.maxAttempts() - 1, wait.toMillis());
            }
            RetryWaits.Listener told = asked ? RetryWaits.current() : null;
            if (told != null) {
                told.waiting(wait);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiInterruptedException(call.label() + " interrupted while waiting to retry", e);
            } finally {
                if (told != null) {
                    told.waited();
                }
            }
        }
    }

    private static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 503;
    }

    /** Full jitter: uniformly random between zero and the attempt's backoff ceiling. */
    private Duration jitteredBackoff(int attempt) {
        long ceiling = retryPolicy.backoffCeiling(attempt - 1).toNanos();
        return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }

    private HttpResponse<byte[]> sendOnce(Call call, int attempt) {
        return awaitOnce(call, startOnce(call), attempt);
    }

    /** A request sent and its answer to come. */
    private record Attempt(CompletableFuture<HttpResponse<byte[]>> future, long startedNanos) {
    }

    private Attempt startOnce(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(basePrefix + call.path() + call.query()))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
        if (call.accessToken() != null) {
            request.header("Authorization", "Bearer " + call.accessToken());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        return new Attempt(http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()), started);
    }

    private HttpResponse<byte[]> awaitOnce(Call call, Attempt sent, int attempt) {
        CompletableFuture<HttpResponse<byte[]>> future = sent.future();
        long started = sent.startedNanos();
        try {
            // The request timeout stops waiting for headers; this bound also covers a body
            // that starts and then stalls. It counts from the sending (a request sent ahead
            // is waited for later).
            long left = connectTimeout.plus(requestTimeout).toNanos() - (System.nanoTime() - started);
            HttpResponse<byte[]> response = future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            LOG.debug("{} -> {} in {} ms (attempt {})", call.label(), response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000, attempt);
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiUnreachableException(ApiUnreachableException.Kind.TIMED_OUT, call.label() + " timed out", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiInterruptedException(call.label() + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new ApiUnreachableException(kindOf(io), call.label() + " failed: " + describe(io), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(call.label() + " failed unexpectedly", cause);
        }
    }

    /**
     * Which failure an I/O error is: a timeout ({@link java.net.http.HttpTimeoutException}, the
     * connect timeout included), a certificate the TLS handshake could not verify (a
     * {@link java.security.cert.CertificateException} under the handshake failure: an unknown
     * issuer, an expired certificate, another host name), or no connection at all. Other TLS
     * failures (a server that does not speak TLS) count as no connection.
     */
    static ApiUnreachableException.Kind kindOf(IOException e) {
        boolean handshake = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return ApiUnreachableException.Kind.TIMED_OUT;
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                handshake = true;
            }
            if (handshake && t instanceof java.security.cert.CertificateException) {
                return ApiUnreachableException.Kind.UNTRUSTED_CERTIFICATE;
            }
        }
        return ApiUnreachableException.Kind.NO_CONNECTION;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** An error answer as a typed exception; a body that is no problem document still yields one. */
    private ApiException toApiException(HttpResponse<byte[]> response) {
        String rawCode = null;
        String title = null;
        String detail = null;
        try {
            JsonElement root = JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                JsonObject problem = root.getAsJsonObject();
                rawCode = stringMember(problem, "code");
                title = stringMember(problem, "title");
                detail = stringMember(problem, "detail");
            }
        } catch (RuntimeException notJson) {
            // A proxy's HTML page or an empty body: the status alone still says what happened.
            LOG.debug("Error answer {} has no readable problem body", response.statusCode());
        }
        Duration retryAfter = response.headers().firstValue("Retry-After")
                .map(String::trim)
                .filter(value -> RETRY_AFTER_SECONDS.matcher(value).matches())
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
        return new ApiException(response.statusCode(), rawCode, title, detail, retryAfter);
    }

    private static String stringMember(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value != null && value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isString()) {
                return primitive.getAsString();
            }
        }
        return null;
    }

    /** Reads a 2xx body as {@code type}; anything unreadable is a protocol failure. */
    private <T> T parse(HttpResponse<byte[]> response, Class<T> type, String label) {
        return parse(response.body(), type, label);
    }

    private <T> T parse(byte[] body, Class<T> type, String label) {
        // The JDK's own String decoding is several times faster than a strict decoder (a sixth
        // of the time of reading a sync page); it replaces bad bytes with U+FFFD, so a body
        // holding that character is decoded again strictly, which rejects bad bytes.
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new ApiProtocolException(label + " answered with a body that is not UTF-8", e);
            }
        }
        try {
            return ApiJson.gson().fromJson(text, type);
        } catch (RuntimeException e) {
            // Gson reports malformed JSON and wrong types as various runtime exceptions;
            // whichever it is, this answer cannot be used.
            throw new ApiProtocolException(label + " answered with unreadable JSON: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(JsonObject json) {
        return ApiJson.gson().toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    // ---- argument checks ----

    private static void requireToken(String token, String name) {
        Objects.requireNonNull(token, name);
        if (token.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireIdempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotencyKey");
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to 255 visible ASCII characters");
        }
    }

    private static String pathSegment(String id, String name) {
        Objects.requireNonNull(id, name);
        if (id.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return encode(id);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (valid in a path and a query). */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    // ---- base URL checks ----

    static URI checkBaseUri(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("The billing API base URL must be an absolute https:// URL, was "
                    + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The billing API base URL has no host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The billing API base URL must not carry user info, a query or a fragment: " + uri.getHost());
        }
        if (scheme.equals("http") && !isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException("Refusing plain http:// to '" + uri.getHost()
                    + "': passwords and tokens would cross the network unencrypted. Use https://"
                    + " (plain http is accepted only for localhost, 127.0.0.0/8 and [::1]).");
        }
        return uri;
    }

    /**
     * Whether {@code host} names the loopback interface by itself: {@code localhost}, an
     * IPv4 literal in 127.0.0.0/8 or the IPv6 literal ::1. Names are never resolved, so a
     * DNS answer cannot turn a remote host into a "loopback" one.
     */
    static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4_LOOPBACK.matcher(h);
        if (ipv4.matches()) {
            for (int group = 1; group <= 3; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            String literal = h.substring(1, h.length() - 1);
            // Only an IPv6 literal gets here: with a colon and hex digits alone, the JDK
            // parses it and never asks DNS.
            if (!literal.contains(":") || !IPV6_LITERAL.matcher(literal).matches()) {
                return false;
            }
            try {
                InetAddress address = InetAddress.getByName(literal);
                return address instanceof Inet6Address && address.isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Settings of a {@link BillingApiClient}; every one has a sensible default. */
    public static final class Builder {
        private final URI baseUri;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        private SSLContext sslContext;

        private Builder(URI baseUri) {
            this.baseUri = checkBaseUri(baseUri);
        }

        /** How long to wait for a TCP/TLS connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long one request may take once sent (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** What waits between retries (default: really sleeps). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of backoff jitter (default: {@link ThreadLocalRandom}). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** TLS settings, e.g. to trust a test server's own certificate (default: the JDK's). */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        public BillingApiClient build() {
            return new BillingApiClient(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
