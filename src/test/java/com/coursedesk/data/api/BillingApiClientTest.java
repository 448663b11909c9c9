package com.coursedesk.data.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coursedesk.data.api.StubHttpServer.Canned;
import com.coursedesk.data.api.StubHttpServer.Recorded;
import com.coursedesk.domain.Account;
import com.coursedesk.domain.CancelReason;
import com.coursedesk.domain.Channel;
import com.coursedesk.domain.Money;
import com.coursedesk.domain.PaymentMethod;
import com.coursedesk.domain.ProductType;
import com.coursedesk.domain.Purchase;
import com.coursedesk.domain.PurchaseKind;
import com.coursedesk.domain.PurchaseStatus;
import com.coursedesk.domain.Subscription;
import com.coursedesk.domain.SubscriptionStatus;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against a stub server: request shapes, mapping, errors and retries. */
class BillingApiClientTest {

    private static final String KEY = "6f1c2a8e-2b7d-4c1e-9a55-0d3f1b2c4e5a";

    /** Records waits instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    /** Always draws the largest allowed value, so full-jitter waits equal their ceilings. */
    static final RandomGenerator MAX_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private StubHttpServer stub;
    private RecordingSleeper sleeper;
    private BillingApiClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new StubHttpServer();
        sleeper = new RecordingSleeper();
        client = clientFor(stub.baseUri());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private BillingApiClient clientFor(URI uri) {
        return BillingApiClient.builder(uri).sleeper(sleeper).random(MAX_JITTER)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).build();
    }

    // ---- base URL ----

    @ParameterizedTest
    @ValueSource(strings = {"http://billing.example.com", "http://10.0.0.5:8080", "http://localhost.evil.com",
            "http://128.0.0.1", "http://127.0.0.1.evil.com", "http://[::2]", "http://[::ffff:7f00:1]", "HTTP://example.com"})
    void plainHttpToANonLoopbackHostIsRefused(String url) {
        assertThatThrownBy(() -> BillingApiClient.builder(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing plain http://")
                .hasMessageContaining("https://");
    }

    @Test
    void loopbackIsDecidedFromTheLiteralNeverByResolving() {
        assertThat(BillingApiClient.isLoopbackHost("127.0.0.300")).isFalse();
        assertThat(BillingApiClient.isLoopbackHost("127.1")).isFalse();
        assertThat(BillingApiClient.isLoopbackHost("[::1]")).isTrue();
        assertThat(BillingApiClient.isLoopbackHost("[fe80::1]")).isFalse();
        assertThat(BillingApiClient.isLoopbackHost("[localhost]")).isFalse();
        assertThat(BillingApiClient.isLoopbackHost("127.0.0.1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:1", "http://127.255.3.4",
            "http://[::1]:9000", "http://[0:0:0:0:0:0:0:1]", "https://billing.example.com",
            "https://billing.example.com/api/", "https://10.0.0.5"})
    void loopbackHttpAndAnyHttpsAreAccepted(String url) {
        assertThat(BillingApiClient.builder(URI.create(url)).build().baseUri()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "billing.example.com", "https:///nohost",
            "https://example.com/?a=b", "https://user:pw@example.com"})
    void malformedBaseUrlsAreRefused(String url) {
        assertThatThrownBy(() -> BillingApiClient.builder(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void basePathIsKeptBeforeV1() throws IOException {
        stub.enqueue(Canned.json(200, "{\"status\":\"ok\",\"serverTime\":\"2026-11-26T10:44:35Z\",\"apiVersion\":\"1.0\"}"));
        clientFor(URI.create(stub.baseUri() + "/billing/")).health();
        assertThat(stub.requests().get(0).path()).isEqualTo("/billing/v1/health");
    }

    // ---- requests and mapping ----

    @Test
    void healthIsMapped() {
        stub.enqueue(Canned.json(200, "{\"status\":\"ok\",\"serverTime\":\"2026-11-26T10:44:35Z\",\"apiVersion\":\"1.3\"}"));
        HealthStatus health = client.health();
        assertThat(health.isOk()).isTrue();
        assertThat(health.serverTime()).isEqualTo(Instant.parse("2026-11-26T10:44:35Z"));
        assertThat(health.apiVersion()).isEqualTo("1.3");
        Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void loginSendsExactlyTheContractsFieldsAndMapsTheSession() {
        stub.enqueue(Canned.json(200, ApiFixtures.TOKENS));
        char[] password = "p\"a\\s s\nwörd✓".toCharArray();
        TokenResponse tokens = client.login("ada@example.com", password);

        Recorded request = stub.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/auth/login");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonObject body = JsonParser.parseString(request.bodyText()).getAsJsonObject();
        assertThat(body.keySet()).containsExactlyInAnyOrder("email", "password");
        assertThat(body.get("email").getAsString()).isEqualTo("ada@example.com");
        assertThat(body.get("password").getAsString()).isEqualTo("p\"a\\s s\nwörd✓");
        assertThat(password).as("the caller's array is left to the caller").isEqualTo("p\"a\\s s\nwörd✓".toCharArray());

        assertThat(tokens.accessToken()).isEqualTo("at-SECRET-1");
        assertThat(tokens.refreshToken()).isEqualTo("rt-SECRET-1");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        Account account = tokens.account();
        assertThat(account.email()).isEqualTo("ada@example.com");
        assertThat(account.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(account.locale()).isEqualTo(Locale.UK);
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(tokens.toString()).doesNotContain("SECRET").contains("<redacted>");
    }

    @Test
    void refreshAndLogoutSendTheirTokensWhereTheContractSays() {
        stub.enqueue(Canned.json(200, ApiFixtures.TOKENS), new Canned(204, Map.of(), new byte[0]));
        client.refresh("rt-old");
        client.logout("at-1");
        List<Recorded> requests = stub.requests();
        assertThat(requests.get(0).path()).isEqualTo("/v1/auth/refresh");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"refreshToken\":\"rt-old\"}");
        assertThat(requests.get(0).header("Authorization")).isNull();
        assertThat(requests.get(1).path()).isEqualTo("/v1/auth/logout");
        assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer at-1");
        assertThat(requests.get(1).body()).isEmpty();
        assertThat(requests.get(1).header("Content-Type")).isNull();
    }

    @Test
    void syncSendsCursorAndLimitAndMapsEveryRecordIgnoringUnknownFields() {
        stub.enqueue(Canned.json(200, ApiFixtures.SYNC_PAGE));
        SyncPage page = client.sync("at-1", "c/41+x=", 250);

        Recorded request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/sync");
        assertThat(request.rawQuery()).isEqualTo("limit=250&cursor=c%2F41%2Bx%3D");
        assertThat(request.header("Authorization")).isEqualTo("Bearer at-1");

        assertThat(page.cursor()).isEqualTo("c-42");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.remaining()).isEqualTo(17);
        assertThat(page.deleted()).containsExactly(new Deleted(Deleted.Type.PURCHASE, "pur_9"),
                new Deleted(Deleted.Type.SUBSCRIPTION, "sub_9"));

        Purchase card = page.purchases().get(0);
        assertThat(card.kind()).isEqualTo(PurchaseKind.ONE_TIME);
        assertThat(card.product().title()).isEqualTo("機械学習 — Ünïcödé");
        assertThat(card.product().type()).isEqualTo(ProductType.COURSE);
        assertThat(card.subscriptionId()).isNull();
        assertThat(card.total()).isEqualTo(Money.of(4900, "GBP"));
        assertThat(card.tax()).isEqualTo(Money.of(817, "GBP"));
        assertThat(card.channel()).isEqualTo(Channel.WEB);
        assertThat(card.status()).isEqualTo(PurchaseStatus.PAID);
        assertThat(card.refundedAt()).isNull();
        assertThat(card.refundableUntil()).isEqualTo(Instant.parse("2026-11-15T10:00:00Z"));
        assertThat(card.paymentMethod()).isEqualTo(new PaymentMethod.Card("visa", "4242"));
        assertThat(card.version()).isEqualTo(3);

        Purchase paypal = page.purchases().get(1);
        assertThat(paypal.paymentMethod()).isEqualTo(new PaymentMethod.PayPal("a***@example.com"));
        assertThat(paypal.total()).isEqualTo(Money.of(4900, "JPY"));
        assertThat(paypal.channel()).isEqualTo(Channel.APP_STORE);
        assertThat(paypal.subscriptionId()).isEqualTo("sub_1");
        assertThat(paypal.purchasedAt()).as("offsets are normalised to UTC")
                .isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));

        Subscription sub = page.subscriptions().get(0);
        assertThat(sub.status()).isEqualTo(SubscriptionStatus.TRIALING);
        assertThat(sub.plan().price()).isEqualTo(Money.of(4900, "GBP"));
        assertThat(sub.trialEndsAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(sub.canceledAt()).isNull();
        assertThat(sub.nextPaymentAmount()).isEqualTo(Money.of(4900, "GBP"));
        assertThat(sub.version()).isEqualTo(7);
    }

    @Test
    void firstSyncSendsNoCursor() {
        stub.enqueue(Canned.json(200, "{\"purchases\":[],\"subscriptions\":[],\"deleted\":[],"
                + "\"cursor\":\"c0\",\"hasMore\":false,\"remaining\":0}"));
        SyncPage page = client.sync("at-1", null, 500);
        assertThat(stub.requests().get(0).rawQuery()).isEqualTo("limit=500");
        assertThat(page.purchases()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aSyncAskedForIsSentBeforeItsAnswerIsWaitedFor() throws InterruptedException {
        stub.enqueue(Canned.json(200, ApiFixtures.SYNC_PAGE));
        BillingApiClient.SyncRequest asked = client.askSync("at-1", "c-41", 250);
        // Nothing waits for the answer yet, and the server already has the request.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (stub.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).rawQuery()).isEqualTo("limit=250&cursor=c-41");

        SyncPage page = asked.answer().page();

        assertThat(page.cursor()).isEqualTo("c-42");
        assertThat(page.purchases()).hasSize(2);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aSyncAskedForIsRetriedWhenItsAnswerIsWaitedFor() {
        stub.enqueue(Canned.problem(503, "unavailable", "busy"), Canned.json(200, ApiFixtures.SYNC_PAGE));
        BillingApiClient.SyncRequest asked = client.askSync("at-1", null, 500);

        SyncPage page = asked.answer().page();

        assertThat(page.cursor()).isEqualTo("c-42");
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void aSyncPageCarriesTheAnswersDateAsTheServersTime() {
        Instant before = Instant.now().minusSeconds(1);
        stub.enqueue(Canned.json(200, "{\"purchases\":[],\"subscriptions\":[],\"deleted\":[],"
                + "\"cursor\":\"c0\",\"hasMore\":false,\"remaining\":0}"));
        SyncPage page = client.sync("at-1", null, 500);
        // The JDK server behind the stub stamps every answer with its clock, to the second.
        assertThat(page.serverDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(page.serverDate().getNano()).isZero();
    }

    @Test
    void httpDatesAreReadAsRfc9110SaysAndAnUnreadableOneIsNoDate() {
        assertThat(BillingApiClient.parseHttpDate("Thu, 26 Nov 2026 10:44:35 GMT"))
                .isEqualTo(Instant.parse("2026-11-26T10:44:35Z"));
        assertThat(BillingApiClient.parseHttpDate(" Sun, 06 Nov 1994 08:49:37 GMT ")).isEqualTo(
                Instant.parse("1994-11-06T08:49:37Z"));
        assertThat(BillingApiClient.parseHttpDate("yesterday")).isNull();
        assertThat(BillingApiClient.parseHttpDate("")).isNull();
    }

    @Test
    void cancelSendsReasonCommentAndIdempotencyKey() {
        stub.enqueue(Canned.json(200, ApiFixtures.SUBSCRIPTION), Canned.json(200, ApiFixtures.SUBSCRIPTION));
        client.cancelSubscription("at-1", "sub 1/é", CancelReason.TOO_EXPENSIVE, "Zu teuer — ¥", KEY);
        client.cancelSubscription("at-1", "sub_1", null, null, KEY);

        Recorded first = stub.requests().get(0);
        assertThat(first.path()).isEqualTo("/v1/subscriptions/sub%201%2F%C3%A9/cancel");
        assertThat(first.header("Idempotency-Key")).isEqualTo(KEY);
        assertThat(first.header("Authorization")).isEqualTo("Bearer at-1");
        JsonObject body = JsonParser.parseString(first.bodyText()).getAsJsonObject();
        assertThat(body.get("reason").getAsString()).isEqualTo("too_expensive");
        assertThat(body.get("comment").getAsString()).isEqualTo("Zu teuer — ¥");
        assertThat(stub.requests().get(1).bodyText()).isEqualTo("{}");
    }

    @Test
    void restartAndRefundHitTheirPaths() {
        stub.enqueue(Canned.json(200, ApiFixtures.SUBSCRIPTION), Canned.json(200, ApiFixtures.CARD_PURCHASE));
        assertThat(client.restartSubscription("at-1", "sub_1", KEY).id()).isEqualTo("sub_1");
        assertThat(client.requestRefund("at-1", "pur_1", "Bought twice", KEY).id()).isEqualTo("pur_1");
        assertThat(stub.requests().get(0).path()).isEqualTo("/v1/subscriptions/sub_1/restart");
        assertThat(stub.requests().get(0).bodyText()).isEqualTo("{}");
        assertThat(stub.requests().get(1).path()).isEqualTo("/v1/purchases/pur_1/refund-request");
        assertThat(stub.requests().get(1).bodyText()).isEqualTo("{\"reason\":\"Bought twice\"}");
        assertThat(stub.requests().get(1).header("Idempotency-Key")).isEqualTo(KEY);
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.sync("at", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sync("at", null, 1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.restartSubscription("at", "sub_1", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.restartSubscription("at", "sub_1", "has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.restartSubscription("at", "sub_1", "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.me(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.requestRefund("at", "", "r", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(stub.requests()).isEmpty();
        // 255 visible ASCII characters is the longest key the contract allows.
        stub.enqueue(Canned.json(200, ApiFixtures.SUBSCRIPTION));
        client.restartSubscription("at", "sub_1", "k".repeat(255));
        assertThat(stub.requests()).hasSize(1);
    }

    // ---- malformed answers ----

    static Stream<Arguments> malformedSyncPages() {
        String page = ApiFixtures.SYNC_PAGE;
        return Stream.of(
                Arguments.of("id is a number", page.replace("\"id\": \"pur_1\"", "\"id\": 17")),
                Arguments.of("amount is a string", page.replace("\"amountMinor\": 4083", "\"amountMinor\": \"4083\"")),
                Arguments.of("amount has a fraction", page.replace("\"amountMinor\": 4083", "\"amountMinor\": 40.83")),
                Arguments.of("required field missing", page.replace("\"receiptNumber\": \"R-2026-000123\",", "")),
                Arguments.of("required field null", page.replace("\"channel\": \"web\", \"status\": \"paid\"",
                        "\"channel\": null, \"status\": \"paid\"")),
                Arguments.of("unknown status", page.replace("\"status\": \"paid\"", "\"status\": \"chargeback\"")),
                Arguments.of("unknown product type", page.replace("\"type\": \"course\"", "\"type\": \"webinar\"")),
                Arguments.of("unknown payment type", page.replace("\"type\": \"card\"", "\"type\": \"bitcoin\"")),
                Arguments.of("card without last4", page.replace(", \"last4\": \"4242\"", "")),
                Arguments.of("bad timestamp", page.replace("\"purchasedAt\": \"2026-11-01T10:00:00Z\"",
                        "\"purchasedAt\": \"1 Nov 2026\"")),
                Arguments.of("timestamp without offset", page.replace("\"purchasedAt\": \"2026-11-01T10:00:00Z\"",
                        "\"purchasedAt\": \"2026-11-01T10:00:00\"")),
                Arguments.of("unknown currency", page.replace("\"currency\": \"GBP\"", "\"currency\": \"XYZ\"")),
                Arguments.of("lower-case currency", page.replace("\"currency\": \"GBP\"", "\"currency\": \"gbp\"")),
                Arguments.of("boolean as string", page.replace("\"cancelAtPeriodEnd\": false",
                        "\"cancelAtPeriodEnd\": \"false\"")),
                Arguments.of("hasMore missing", page.replace("\"hasMore\": true,", "")),
                Arguments.of("negative remaining", page.replace("\"remaining\": 17", "\"remaining\": -1")),
                Arguments.of("null element in a list", page.replace("\"purchases\": [", "\"purchases\": [null, ")),
                Arguments.of("unknown deleted type", page.replace("\"type\": \"purchase\"", "\"type\": \"invoice\"")),
                Arguments.of("product is a string", page.replace("\"product\": {\"id\": \"prd_1\"",
                        "\"product\": \"prd_1\", \"x\": {\"id\": \"prd_1\"")),
                Arguments.of("truncated", page.substring(0, page.length() / 2)),
                Arguments.of("trailing garbage", page + " {}"),
                Arguments.of("lenient JSON", page.replace("\"cursor\": \"c-42\"", "cursor: 'c-42'")),
                Arguments.of("empty body", ""),
                Arguments.of("null document", "null"),
                Arguments.of("array document", "[]"),
                Arguments.of("HTML", "<html><body>Welcome to the hotel Wi-Fi</body></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSyncPages")
    void malformedAnswerIsAProtocolFailureAndNotRetried(String why, String body) {
        stub.enqueue(Canned.json(200, body));
        assertThatThrownBy(() -> client.sync("at-1", null, 500)).isInstanceOf(ApiProtocolException.class);
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void protocolFailureNamesTheOffendingField() {
        stub.enqueue(Canned.json(200, ApiFixtures.SYNC_PAGE.replace("\"status\": \"paid\"", "\"status\": \"chargeback\"")));
        assertThatThrownBy(() -> client.sync("at-1", null, 500))
                .isInstanceOf(ApiProtocolException.class)
                .hasMessageContaining("purchases[0].status")
                .hasMessageContaining("chargeback");
    }

    @Test
    void bodyThatIsNotUtf8IsAProtocolFailure() {
        stub.enqueue(new Canned(200, Map.of("Content-Type", "application/json"),
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        assertThatThrownBy(() -> client.me("at-1")).isInstanceOf(ApiProtocolException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void tokenResponseWithoutTokensIsRefused() {
        stub.enqueue(Canned.json(200, ApiFixtures.TOKENS.replace("\"refreshToken\": \"rt-SECRET-1\",", "")));
        assertThatThrownBy(() -> client.login("ada@example.com", "x".toCharArray()))
                .isInstanceOf(ApiProtocolException.class)
                .hasMessageContaining("refreshToken");
        stub.enqueue(Canned.json(200, ApiFixtures.TOKENS.replace("\"en-GB\"", "\"!!\"")));
        assertThatThrownBy(() -> client.login("ada@example.com", "x".toCharArray()))
                .isInstanceOf(ApiProtocolException.class)
                .hasMessageContaining("account.locale");
    }

    // ---- error answers ----

    @Test
    void problemAnswerBecomesATypedApiException() {
        stub.enqueue(Canned.problem(409, "not_cancelable", "Already set to end."));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client.cancelSubscription("at-1", "sub_1", null, null, KEY));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo(ApiErrorCode.NOT_CANCELABLE);
        assertThat(e.rawCode()).isEqualTo("not_cancelable");
        assertThat(e.detail()).isEqualTo("Already set to end.");
        assertThat(e.title()).isEqualTo("t");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(stub.requests()).as("a 409 is an answer, not a failure to retry").hasSize(1);
    }

    @Test
    void unknownCodeKeepsTheRawString() {
        stub.enqueue(Canned.problem(409, "subscription_paused", "Paused."));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.restartSubscription("at", "s", KEY));
        assertThat(e.code()).isEqualTo(ApiErrorCode.UNKNOWN);
        assertThat(e.rawCode()).isEqualTo("subscription_paused");
    }

    @Test
    void errorWithoutAProblemBodyStillCarriesItsStatus() {
        stub.enqueue(new Canned(502, Map.of("Content-Type", "text/html"),
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.me("at-1"));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isEqualTo(ApiErrorCode.UNKNOWN);
        assertThat(e.rawCode()).isNull();
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void everyContractCodeIsKnown() {
        for (String code : List.of("invalid_request", "invalid_credentials", "rate_limited", "invalid_token",
                "token_expired", "unavailable", "cursor_expired", "not_found", "not_cancelable",
                "managed_elsewhere", "not_restartable", "payment_failed", "not_refundable",
                "idempotency_key_reused", "idempotency_key_required")) {
            assertThat(ApiErrorCode.fromWire(code)).isNotEqualTo(ApiErrorCode.UNKNOWN);
            assertThat(ApiErrorCode.fromWire(code).wireName()).isEqualTo(code);
        }
        assertThat(ApiErrorCode.fromWire(null)).isEqualTo(ApiErrorCode.UNKNOWN);
    }

    // ---- retries ----

    @Test
    void retryAfterIsHonouredExactly() {
        stub.enqueue(Canned.problemRetryAfter(503, "unavailable", 2), Canned.problemRetryAfter(429, "rate_limited", 7),
                Canned.json(200, ApiFixtures.ACCOUNT));
        assertThat(client.me("at-1").id()).isEqualTo("acc_1");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7));
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aWaitTheServerAsksForIsToldToTheCallersListenerBeforeAndAfterItsSleepAndNoOtherWait() {
        stub.enqueue(Canned.problemRetryAfter(503, "unavailable", 2), Canned.problem(500, "internal", "x"),
                Canned.json(200, ApiFixtures.ACCOUNT));
        List<String> told = new ArrayList<>();
        RetryWaits.Listener listener = new RetryWaits.Listener() {
            @Override
            public void waiting(Duration wait) {
                told.add("waiting " + wait.toSeconds() + " s, " + sleeper.waits.size() + " slept");
            }

            @Override
            public void waited() {
                told.add("waited, " + sleeper.waits.size() + " slept");
            }
        };

        assertThat(RetryWaits.during(listener, () -> client.me("at-1")).id()).isEqualTo("acc_1");

        // The 500 without Retry-After is the client's own backoff: nothing to tell.
        assertThat(told).containsExactly("waiting 2 s, 0 slept", "waited, 1 slept");
        assertThat(sleeper.waits).hasSize(2);

        stub.enqueue(Canned.problemRetryAfter(429, "rate_limited", 1), Canned.json(200, ApiFixtures.ACCOUNT));
        client.me("at-1");
        assertThat(told).as("a call outside during() tells no one").hasSize(2);
    }

    @Test
    void withoutRetryAfterTheBackoffIsExponentialFullJitterAndGivesUpAfterMaxAttempts() {
        stub.enqueue(Canned.problem(500, "internal", "x"), Canned.problem(500, "internal", "x"),
                Canned.problem(500, "internal", "x"), Canned.problem(500, "internal", "boom"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.sync("at-1", null, 10));
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.detail()).isEqualTo("boom");
        assertThat(stub.requests()).hasSize(4);
        // MAX_JITTER draws the top of each range: 250 ms, 500 ms, 1 s.
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void jitterIsDrawnBetweenZeroAndTheCeiling() {
        RandomGenerator minimum = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        BillingApiClient c = BillingApiClient.builder(stub.baseUri()).sleeper(sleeper).random(minimum).build();
        stub.enqueue(Canned.problem(503, "unavailable", "x"), Canned.json(200, ApiFixtures.ACCOUNT));
        c.me("at-1");
        assertThat(sleeper.waits).containsExactly(Duration.ZERO);
    }

    @Test
    void actionRetriesReuseTheSameKeyAndBody() {
        stub.enqueue(Canned.problem(503, "unavailable", "x"), Canned.json(200, ApiFixtures.SUBSCRIPTION));
        client.cancelSubscription("at-1", "sub_1", CancelReason.OTHER, "c", KEY);
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.header("Idempotency-Key")).containsExactly(KEY, KEY);
        assertThat(requests.get(1).bodyText()).isEqualTo(requests.get(0).bodyText());
    }

    @Test
    void authCallsAreNeverRetried() {
        stub.enqueue(Canned.problemRetryAfter(503, "unavailable", 1), Canned.problem(500, "x", "x"),
                Canned.problem(503, "unavailable", "x"));
        assertThatThrownBy(() -> client.login("ada@example.com", "pw".toCharArray())).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.refresh("rt")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.logout("at")).isInstanceOf(ApiException.class);
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void loginRateLimitIsReportedWithItsWait() {
        stub.enqueue(Canned.problemRetryAfter(429, "rate_limited", 60));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.login("a@b.c", "pw".toCharArray()));
        assertThat(e.code()).isEqualTo(ApiErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void retryAfterBeyondTheCapIsLeftToTheCaller() {
        stub.enqueue(Canned.problemRetryAfter(503, "unavailable", 3600));
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.me("at-1"));
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void otherErrorsAreNotRetried() {
        stub.enqueue(Canned.problem(400, "invalid_request", "x"), Canned.problem(401, "token_expired", "x"),
                Canned.problem(502, "bad_gateway", "x"));
        assertThat(catchThrowableOfType(ApiException.class, () -> client.me("a")).code())
                .isEqualTo(ApiErrorCode.INVALID_REQUEST);
        assertThat(catchThrowableOfType(ApiException.class, () -> client.me("a")).code())
                .isEqualTo(ApiErrorCode.TOKEN_EXPIRED);
        assertThat(catchThrowableOfType(ApiException.class, () -> client.me("a")).status()).isEqualTo(502);
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void retryPolicyIsConfigurable() {
        BillingApiClient once = BillingApiClient.builder(stub.baseUri()).sleeper(sleeper)
                .retryPolicy(RetryPolicy.none()).build();
        stub.enqueue(Canned.problem(503, "unavailable", "x"));
        assertThatThrownBy(() -> once.me("a")).isInstanceOf(ApiException.class);
        assertThat(stub.requests()).hasSize(1);

        BillingApiClient twice = BillingApiClient.builder(stub.baseUri()).sleeper(sleeper).random(MAX_JITTER)
                .retryPolicy(new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(5))).build();
        stub.enqueue(Canned.problem(503, "unavailable", "x"), Canned.problem(503, "unavailable", "x"));
        assertThatThrownBy(() -> twice.me("a")).isInstanceOf(ApiException.class);
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void interruptedWhileWaitingToRetry() {
        BillingApiClient c = BillingApiClient.builder(stub.baseUri()).sleeper(d -> {
            throw new InterruptedException();
        }).build();
        stub.enqueue(Canned.problem(503, "unavailable", "x"));
        try {
            assertThatThrownBy(() -> c.me("a")).isInstanceOf(ApiInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    // ---- unreachable ----

    @Test
    void deadPortIsUnreachableAndReadsAreRetried() throws IOException {
        URI dead = deadPort();
        ApiUnreachableException e = catchThrowableOfType(ApiUnreachableException.class, () -> clientFor(dead).me("a"));
        assertThat(e).hasMessageContaining("GET /v1/me");
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void deadPortOnLoginIsUnreachableWithoutRetry() throws IOException {
        URI dead = deadPort();
        assertThatThrownBy(() -> clientFor(dead).login("a@b.c", "pw".toCharArray()))
                .isInstanceOf(ApiUnreachableException.class);
        assertThat(sleeper.waits).isEmpty();
    }

    private static URI deadPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    // ---- logging ----

    @Test
    void passwordsAndTokensNeverReachTheLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(BillingApiClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logger.addAppender(appender);
        try {
            stub.enqueue(Canned.json(200, ApiFixtures.TOKENS), Canned.problem(503, "unavailable", "x"),
                    Canned.json(200, ApiFixtures.ACCOUNT), Canned.problem(500, "x", "x"),
                    Canned.json(200, ApiFixtures.TOKENS), Canned.problem(401, "invalid_token", "x"));
            client.login("ada@example.com", "hunter2-PASSWORD".toCharArray());
            client.me("at-SECRET-1");
            assertThatThrownBy(() -> client.refresh("rt-SECRET-1")).isInstanceOf(ApiException.class);
            client.refresh("rt-SECRET-1");
            assertThatThrownBy(() -> client.logout("at-SECRET-1"))
                    .isInstanceOf(ApiException.class)
                    .satisfies(t -> assertThat(t.getMessage()).doesNotContain("SECRET"));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain("hunter2").doesNotContain("SECRET"));
        assertThat(appender.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("GET /v1/me").contains("503"));
    }
}
