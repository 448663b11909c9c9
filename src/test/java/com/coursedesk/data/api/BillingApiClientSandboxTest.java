package com.coursedesk.data.api;

import com.coursedesk.domain.Account;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.coursedesk.sandbox.SandboxOptions;
import com.coursedesk.sandbox.SandboxServer;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against the real sandbox over HTTP: one fresh sandbox per test. */
class BillingApiClientSandboxTest {

    private static final String ADA = "ada@example.com";
    private static final char[] ADA_PASSWORD = "learn-ada-2026".toCharArray();

    /** Always draws the top of the jitter range, so backoff waits are predictable. */
    private static final RandomGenerator MAX_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private SandboxServer sandbox;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private BillingApiClient client;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(SandboxOptions.forTests());
        client = BillingApiClient.builder(sandbox.baseUri()).sleeper(waits::add).random(MAX_JITTER).build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String signIn() {
        return client.login(ADA, ADA_PASSWORD.clone()).accessToken();
    }

    /** Calls the sandbox's control interface, e.g. {@code POST /_sandbox/faults}. */
    private void control(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.baseUri().resolve(path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("control %s %s: %s", method, path, response.body()).isBetween(200, 299);
    }

    private List<Subscription> allSubscriptions(String token) {
        return client.sync(token, null, 1000).subscriptions();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    // ---- health and sign-in ----

    @Test
    void healthAnswersOk() {
        HealthStatus health = client.health();
        assertThat(health.isOk()).isTrue();
        assertThat(health.apiVersion()).startsWith("1.");
        assertThat(health.serverTime()).isCloseTo(sandbox.now(), within(Duration.ofSeconds(5)));
    }

    @Test
    void loginGivesTokensAndTheAccount() {
        TokenResponse tokens = client.login(ADA, ADA_PASSWORD.clone());
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank().isNotEqualTo(tokens.accessToken());
        assertThat(tokens.tokenType()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(SandboxOptions.DEFAULT_ACCESS_TOKEN_TTL);
        Account account = tokens.account();
        assertThat(account.email()).isEqualTo(ADA);
        assertThat(account.displayName()).isEqualTo("Ada Lovelace");
        assertThat(account.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(account.locale()).isEqualTo(Locale.forLanguageTag("en-GB"));
        assertThat(account.country()).isEqualTo("GB");
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.login(ADA, "learn-ada-2025".toCharArray()));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo(ApiErrorCode.INVALID_CREDENTIALS);
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> client.login("nobody@example.com", "x".toCharArray()));
        assertThat(unknown.code()).as("the answer does not say which was wrong")
                .isEqualTo(ApiErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void meReturnsTheSignedInAccount() {
        TokenResponse tokens = client.login(ADA, ADA_PASSWORD.clone());
        assertThat(client.me(tokens.accessToken())).isEqualTo(tokens.account());
        assertThat(catchThrowableOfType(ApiException.class, () -> client.me("not-a-token")).code())
                .isEqualTo(ApiErrorCode.INVALID_TOKEN);
    }

    @Test
    void expiredTokenIsRefreshedAndRefreshTokensRotate() throws Exception {
        TokenResponse first = client.login(ADA, ADA_PASSWORD.clone());
        control("POST", "/_sandbox/tokens/expire", null);
        assertThat(catchThrowableOfType(ApiException.class, () -> client.me(first.accessToken())).code())
                .isEqualTo(ApiErrorCode.TOKEN_EXPIRED);

        TokenResponse second = client.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(client.me(second.accessToken()).email()).isEqualTo(ADA);
        assertThat(catchThrowableOfType(ApiException.class, () -> client.refresh(first.refreshToken())).code())
                .as("a spent refresh token").isEqualTo(ApiErrorCode.INVALID_TOKEN);
    }

    @Test
    void logoutRevokesTheSession() {
        TokenResponse tokens = client.login(ADA, ADA_PASSWORD.clone());
        client.logout(tokens.accessToken());
        assertThat(catchThrowableOfType(ApiException.class, () -> client.refresh(tokens.refreshToken())).code())
                .isEqualTo(ApiErrorCode.INVALID_TOKEN);
    }

    // ---- sync ----

    @Test
    void fullSyncPagesThroughAdasWholeAccount() {
        String token = signIn();
        List<Purchase> purchases = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        long lastRemaining = Long.MAX_VALUE;
        SyncPage page;
        do {
            page = client.sync(token, cursor, 7);
            pages++;
            assertThat(page.purchases().size() + page.subscriptions().size() + page.deleted().size())
                    .isBetween(1, 7);
            assertThat(page.remaining()).isLessThan(lastRemaining);
            lastRemaining = page.remaining();
            purchases.addAll(page.purchases());
            subscriptions.addAll(page.subscriptions());
            cursor = page.cursor();
        } while (page.hasMore());
        assertThat(page.remaining()).isZero();
        assertThat(pages).isGreaterThan(5);

        // Every record once, and the same records as one big page.
        assertThat(purchases).extracting(Purchase::id).doesNotHaveDuplicates();
        assertThat(subscriptions).extracting(Subscription::id).doesNotHaveDuplicates();
        SyncPage all = client.sync(token, null, 1000);
        assertThat(all.hasMore()).isFalse();
        assertThat(purchases).containsExactlyInAnyOrderElementsOf(all.purchases());
        assertThat(subscriptions).containsExactlyInAnyOrderElementsOf(all.subscriptions());

        // Ada's history covers every state, channel and currency the contract knows.
        assertThat(subscriptions).extracting(Subscription::status).contains(SubscriptionStatus.values());
        assertThat(subscriptions).anyMatch(Subscription::isSetToEnd);
        assertThat(purchases).extracting(Purchase::status).contains(PurchaseStatus.values());
        assertThat(purchases).extracting(Purchase::channel).contains(Channel.values());
        Set<String> currencies = purchases.stream().map(p -> p.total().currency().getCurrencyCode())
                .collect(Collectors.toSet());
        assertThat(currencies).contains("GBP", "USD", "EUR", "JPY");
        assertThat(purchases).extracting(p -> p.product().title()).contains("機械学習入門", "The Science of Well-Being 😊");
        assertThat(purchases).anyMatch(p -> p.paymentMethod() instanceof PaymentMethod.PayPal);

        // Nothing changed since the last cursor: an empty page.
        SyncPage nothing = client.sync(token, cursor, 100);
        assertThat(nothing.purchases()).isEmpty();
        assertThat(nothing.subscriptions()).isEmpty();
        assertThat(nothing.hasMore()).isFalse();
    }

    @Test
    void expiredCursorIsReportedAsSuch() throws Exception {
        String token = signIn();
        String cursor = client.sync(token, null, 1000).cursor();
        control("POST", "/_sandbox/cursors/expire", null);
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.sync(token, cursor, 100));
        assertThat(e.status()).isEqualTo(410);
        assertThat(e.code()).isEqualTo(ApiErrorCode.CURSOR_EXPIRED);
    }

    // ---- actions ----

    @Test
    void cancelRestartAndRefundRoundTrip() {
        String token = signIn();
        SyncPage before = client.sync(token, null, 1000);
        Subscription running = before.subscriptions().stream()
                .filter(s -> s.isCancelable() && s.status() == SubscriptionStatus.ACTIVE)
                .findFirst().orElseThrow();

        String cancelKey = newKey();
        Subscription canceled = client.cancelSubscription(token, running.id(), CancelReason.NOT_USING,
                "Zu wenig Zeit — 時間がない", cancelKey);
        assertThat(canceled.id()).isEqualTo(running.id());
        assertThat(canceled.cancelAtPeriodEnd()).isTrue();
        assertThat(canceled.canceledAt()).isNotNull();
        assertThat(canceled.nextPaymentAt()).isNull();
        assertThat(canceled.isSetToEnd()).isTrue();
        assertThat(canceled.isRestartable()).isTrue();
        assertThat(canceled.hasAccess(sandbox.now())).isTrue();
        assertThat(canceled.version()).isGreaterThan(running.version());

        // The same key replays the first answer instead of failing as "already canceled".
        assertThat(client.cancelSubscription(token, running.id(), CancelReason.NOT_USING,
                "Zu wenig Zeit — 時間がない", cancelKey)).isEqualTo(canceled);
        // A new intent to cancel again is refused.
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.cancelSubscription(token, running.id(), null, null, newKey())).code())
                .isEqualTo(ApiErrorCode.NOT_CANCELABLE);
        // The same key on another action is misuse.
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.restartSubscription(token, running.id(), cancelKey)).code())
                .isEqualTo(ApiErrorCode.IDEMPOTENCY_KEY_REUSED);

        Subscription restarted = client.restartSubscription(token, running.id(), newKey());
        assertThat(restarted.cancelAtPeriodEnd()).isFalse();
        assertThat(restarted.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(restarted.nextPaymentAt()).isEqualTo(restarted.currentPeriodEnd());
        assertThat(restarted.isCancelable()).isTrue();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.restartSubscription(token, running.id(), newKey())).code())
                .isEqualTo(ApiErrorCode.NOT_RESTARTABLE);

        Purchase refundable = before.purchases().stream().filter(p -> p.isRefundable(sandbox.now()))
                .findFirst().orElseThrow();
        Purchase refunded = client.requestRefund(token, refundable.id(), "Bought it by mistake", newKey());
        assertThat(refunded.status()).isEqualTo(PurchaseStatus.REFUNDED);
        assertThat(refunded.refundedAt()).isNotNull();
        assertThat(refunded.isRefundable(sandbox.now())).isFalse();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.requestRefund(token, refundable.id(), "Again", newKey())).code())
                .isEqualTo(ApiErrorCode.NOT_REFUNDABLE);

        // The next sync brings the changed records in their newest state.
        SyncPage changes = client.sync(token, before.cursor(), 1000);
        assertThat(changes.subscriptions()).filteredOn(s -> s.id().equals(running.id()))
                .singleElement().isEqualTo(restarted);
        assertThat(changes.purchases()).filteredOn(p -> p.id().equals(refundable.id()))
                .singleElement().isEqualTo(refunded);
    }

    @Test
    void storeRecordsAreManagedElsewhere() {
        String token = signIn();
        SyncPage all = client.sync(token, null, 1000);
        Subscription store = all.subscriptions().stream().filter(s -> !s.isManagedHere()
                && s.status() != SubscriptionStatus.CANCELED).findFirst().orElseThrow();
        Purchase storePurchase = all.purchases().stream().filter(p -> !p.isManagedHere()
                && p.status() == PurchaseStatus.PAID).findFirst().orElseThrow();
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.cancelSubscription(token, store.id(), null, null, newKey())).code())
                .isEqualTo(ApiErrorCode.MANAGED_ELSEWHERE);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.requestRefund(token, storePurchase.id(), "r", newKey())).code())
                .isEqualTo(ApiErrorCode.MANAGED_ELSEWHERE);
        assertThat(catchThrowableOfType(ApiException.class,
                () -> client.restartSubscription(token, "sub_does_not_exist", newKey())).code())
                .isEqualTo(ApiErrorCode.NOT_FOUND);
    }

    @Test
    void declinedCardOnRestartIsPaymentFailed() {
        String token = client.login("bob@example.com", "learn-bob-2026".toCharArray()).accessToken();
        Subscription ended = allSubscriptions(token).stream()
                .filter(s -> s.status() == SubscriptionStatus.CANCELED && s.isManagedHere())
                .findFirst().orElseThrow();
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.restartSubscription(token, ended.id(), newKey()));
        assertThat(e.status()).isEqualTo(402);
        assertThat(e.code()).isEqualTo(ApiErrorCode.PAYMENT_FAILED);
        assertThat(waits).as("a refusal is not retried").isEmpty();
    }

    // ---- transport rules ----

    @Test
    void plainHttpToANonLoopbackHostIsRefused() {
        URI remote = URI.create("http://billing.example.com:" + sandbox.port());
        assertThatThrownBy(() -> BillingApiClient.builder(remote))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("billing.example.com")
                .hasMessageContaining("https://");
        assertThat(BillingApiClient.builder(URI.create("http://localhost:" + sandbox.port())).build().health().isOk())
                .isTrue();
    }

    @Test
    void deadPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BillingApiClient dead = BillingApiClient.builder(URI.create("http://127.0.0.1:" + port))
                .sleeper(waits::add).build();
        assertThatThrownBy(dead::health).isInstanceOf(ApiUnreachableException.class);
        assertThat(waits).hasSize(RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1);
    }

    // ---- faults ----

    @Test
    void unavailableWithRetryAfterIsWaitedOutExactly() throws Exception {
        String token = signIn();
        control("POST", "/_sandbox/faults", "{\"failNext\": 2, \"failureStatus\": 503, \"retryAfterSeconds\": 3}");
        assertThat(client.me(token).email()).isEqualTo(ADA);
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void rateLimitedWithRetryAfterIsWaitedOut() throws Exception {
        String token = signIn();
        control("POST", "/_sandbox/faults", "{\"failNext\": 1, \"failureStatus\": 429, \"retryAfterSeconds\": 2}");
        assertThat(client.sync(token, null, 10).purchases()).isNotEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenGiveUp() throws Exception {
        String token = signIn();
        control("POST", "/_sandbox/faults", "{\"failNext\": 10, \"failureStatus\": 500}");
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.me(token));
        assertThat(e.status()).isEqualTo(500);
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void loginIsNotRetriedButReportsRetryAfter() throws Exception {
        control("POST", "/_sandbox/faults", "{\"failNext\": 1, \"failureStatus\": 503, \"retryAfterSeconds\": 5}");
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.login(ADA, ADA_PASSWORD.clone()));
        assertThat(e.code()).isEqualTo(ApiErrorCode.UNAVAILABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(waits).isEmpty();
        assertThat(client.login(ADA, ADA_PASSWORD.clone()).account().email()).isEqualTo(ADA);
    }

    @Test
    void healthOnceIsNotRetried() throws Exception {
        control("POST", "/_sandbox/faults", "{\"failNext\": 1, \"failureStatus\": 503}");
        ApiException unavailable = catchThrowableOfType(ApiException.class, () -> client.healthOnce());
        assertThat(unavailable.status()).isEqualTo(503);
        control("POST", "/_sandbox/faults", "{\"dropConnectionNext\": 1}");
        assertThatThrownBy(() -> client.healthOnce()).isInstanceOf(ApiUnreachableException.class);
        assertThat(waits).isEmpty();

        assertThat(client.healthOnce().isOk()).isTrue();
    }

    @Test
    void malformedJsonIsAProtocolFailure() throws Exception {
        String token = signIn();
        control("POST", "/_sandbox/faults", "{\"malformedJsonNext\": 1}");
        assertThatThrownBy(() -> client.sync(token, null, 50)).isInstanceOf(ApiProtocolException.class);
        assertThat(waits).as("a broken answer is not retried").isEmpty();
        assertThat(client.sync(token, null, 50).purchases()).isNotEmpty();
    }

    @Test
    void droppedConnectionMidAnswerIsRetried() throws Exception {
        String token = signIn();
        // Short timeouts: should the server leave the cut-short connection open rather than
        // close it, the client must still give up on it and retry.
        BillingApiClient patient = BillingApiClient.builder(sandbox.baseUri()).sleeper(waits::add)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2)).build();
        control("POST", "/_sandbox/faults", "{\"dropConnectionNext\": 1}");
        long started = System.nanoTime();
        assertThat(patient.me(token).email()).isEqualTo(ADA);
        assertThat(waits).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void actionWhoseAnswerWasLostIsRetriedWithItsKeyAndActsOnce() throws Exception {
        String token = signIn();
        Subscription running = allSubscriptions(token).stream()
                .filter(s -> s.isCancelable() && s.status() == SubscriptionStatus.ACTIVE).findFirst().orElseThrow();
        control("POST", "/_sandbox/faults", "{\"dropResponseAfterActionNext\": 1}");
        Subscription canceled = client.cancelSubscription(token, running.id(), null, null, newKey());
        assertThat(waits).as("one retry after the lost answer").hasSize(1);
        assertThat(canceled.cancelAtPeriodEnd()).isTrue();
        Subscription synced = allSubscriptions(token).stream().filter(s -> s.id().equals(running.id()))
                .findFirst().orElseThrow();
        assertThat(synced).isEqualTo(canceled);
        assertThat(synced.version()).as("canceled once, not twice").isEqualTo(canceled.version());
    }

    @Test
    void requestTimeoutOnASlowServerIsUnreachable() throws Exception {
        String token = signIn();
        BillingApiClient impatient = BillingApiClient.builder(sandbox.baseUri())
                .requestTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
        control("POST", "/_sandbox/faults", "{\"delayMillis\": 2000}");
        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.me(token)).isInstanceOf(ApiUnreachableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    private static TemporalUnitOffset within(Duration duration) {
        return new TemporalUnitWithinOffset(duration.toMillis(), ChronoUnit.MILLIS);
    }
}
