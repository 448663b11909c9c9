package com.coursedesk.contract;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validator accepts answers and requests that honour the contract and names what breaks it. */
class OpenApiContractTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private static final String PRODUCT = """
            {"id": "prd_ml", "title": "Machine Learning", "type": "course", "partner": "Stanford University"}""";

    private static final String CARD_PURCHASE = """
            {"id": "pur_0001", "kind": "one_time", "product": %s, "subscriptionId": null,
             "amount": {"amountMinor": 4900, "currency": "USD"}, "tax": {"amountMinor": 980, "currency": "USD"},
             "total": {"amountMinor": 5880, "currency": "USD"}, "channel": "web", "status": "paid",
             "purchasedAt": "2026-11-26T10:44:35Z", "refundedAt": null, "refundableUntil": "2026-12-10T10:44:35Z",
             "receiptNumber": "R-2026-000123", "paymentMethod": {"type": "card", "brand": "visa", "last4": "4242"},
             "updatedAt": "2026-11-26T10:44:35Z", "version": 3}""".formatted(PRODUCT);

    private static final String PAYPAL_PURCHASE = """
            {"id": "pur_0002", "kind": "subscription_payment",
             "product": {"id": "prd_plus", "title": "データサイエンス入門", "type": "plus", "partner": "Coursera"},
             "subscriptionId": "sub_0001",
             "amount": {"amountMinor": 4900, "currency": "JPY"}, "tax": {"amountMinor": 0, "currency": "JPY"},
             "total": {"amountMinor": 4900, "currency": "JPY"}, "channel": "web", "status": "refunded",
             "purchasedAt": "2026-10-01T08:00:00Z", "refundedAt": "2026-10-02T09:15:00Z", "refundableUntil": null,
             "receiptNumber": "R-2026-000124", "paymentMethod": {"type": "paypal", "email": "k***@example.jp"},
             "updatedAt": "2026-10-02T09:15:00Z", "version": 2, "someFieldAddedInV1_1": {"x": true}}""";

    private static final String ACTIVE_SUBSCRIPTION = """
            {"id": "sub_0001", "product": %s,
             "plan": {"id": "plan_m", "interval": "month", "price": {"amountMinor": 4900, "currency": "GBP"}},
             "channel": "web", "status": "active", "startedAt": "2026-01-01T00:00:00Z", "trialEndsAt": null,
             "currentPeriodStart": "2026-11-01T00:00:00Z", "currentPeriodEnd": "2026-12-01T00:00:00Z",
             "cancelAtPeriodEnd": false, "canceledAt": null, "endedAt": null,
             "nextPaymentAt": "2026-12-01T00:00:00Z", "nextPaymentAmount": {"amountMinor": 4900, "currency": "GBP"},
             "deadlinesResetAt": null, "updatedAt": "2026-11-01T00:00:00Z", "version": 7}""".formatted(PRODUCT);

    private static final String CANCELED_SUBSCRIPTION = """
            {"id": "sub_0002", "product": %s,
             "plan": {"id": "plan_y", "interval": "year", "price": {"amountMinor": 39900, "currency": "EUR"}},
             "channel": "app_store", "status": "canceled", "startedAt": "2025-01-01T00:00:00Z",
             "trialEndsAt": "2025-01-08T00:00:00Z",
             "currentPeriodStart": "2025-01-08T00:00:00Z", "currentPeriodEnd": "2026-01-08T00:00:00Z",
             "cancelAtPeriodEnd": true, "canceledAt": "2025-06-01T12:00:00Z", "endedAt": "2026-01-08T00:00:00Z",
             "nextPaymentAt": null, "nextPaymentAmount": null,
             "deadlinesResetAt": null, "updatedAt": "2026-01-08T00:00:00Z", "version": 4}""".formatted(PRODUCT);

    private static final String SYNC_PAGE = """
            {"purchases": [%s, %s], "subscriptions": [%s, %s],
             "deleted": [{"type": "purchase", "id": "pur_gone"}, {"type": "subscription", "id": "sub_gone"}],
             "cursor": "c_abc123", "hasMore": true, "remaining": 1234}"""
            .formatted(CARD_PURCHASE, PAYPAL_PURCHASE, ACTIVE_SUBSCRIPTION, CANCELED_SUBSCRIPTION);

    private final OpenApiContract contract = OpenApiContract.load();

    private static String problem(int status, String code) {
        return """
                {"type": "https://billing.example.com/problems/%s", "title": "Title", "status": %d,
                 "detail": "Details.", "code": "%s"}""".formatted(code.replace('_', '-'), status, code);
    }

    private List<String> response(String method, String path, int status, String contentType, String body) {
        return contract.validateResponse(method, path, status, contentType, Map.of(), body);
    }

    @Nested
    class AcceptsAnswersThatHonourTheContract {

        @Test
        void aPurchasePaidByCardAndOnePaidByPaypal() {
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON, CARD_PURCHASE)).isEmpty();
            assertThat(response("POST", "/v1/purchases/pur_0002/refund-request", 200, JSON, PAYPAL_PURCHASE))
                    .isEmpty();
        }

        @Test
        void subscriptionsWithNullFields() {
            assertThat(response("POST", "/v1/subscriptions/sub_0001/restart", 200, JSON, ACTIVE_SUBSCRIPTION))
                    .isEmpty();
            assertThat(response("POST", "/v1/subscriptions/sub_0002/cancel", 200, JSON, CANCELED_SUBSCRIPTION))
                    .isEmpty();
        }

        @Test
        void aSyncPageWithAQueryAndACharset() {
            assertThat(response("GET", "/v1/sync?cursor=c_1&limit=100", 200, "application/json; charset=utf-8",
                    SYNC_PAGE)).isEmpty();
            String last = """
                    {"purchases": [], "subscriptions": [], "deleted": [], "cursor": "c_end", "hasMore": false,
                     "remaining": 0}""";
            assertThat(response("GET", "/v1/sync", 200, JSON, last)).isEmpty();
        }

        @Test
        void problemsWithTheirDeclaredCodes() {
            assertThat(response("POST", "/v1/subscriptions/sub_1/cancel", 409, PROBLEM,
                    problem(409, "not_cancelable"))).isEmpty();
            assertThat(response("POST", "/v1/subscriptions/sub_1/restart", 402, PROBLEM,
                    problem(402, "payment_failed"))).isEmpty();
            assertThat(response("GET", "/v1/me", 401, PROBLEM, problem(401, "token_expired"))).isEmpty();
            assertThat(response("GET", "/v1/sync?cursor=old", 410, PROBLEM, problem(410, "cursor_expired"))).isEmpty();
        }

        @Test
        void rateLimitAndUnavailableWithRetryAfter() {
            Map<String, List<String>> headers = Map.of("retry-after", List.of("30"),
                    "Content-Type", List.of(PROBLEM));
            assertThat(contract.validateResponse("POST", "/v1/auth/login", 429, null, headers,
                    problem(429, "rate_limited"))).isEmpty();
            assertThat(contract.validateResponse("GET", "/v1/health", 503, null, headers,
                    problem(503, "unavailable"))).isEmpty();
        }

        @Test
        void aReplayedActionAnswer() {
            assertThat(contract.validateResponse("POST", "/v1/subscriptions/sub_1/cancel", 200, JSON,
                    Map.of("Idempotent-Replayed", List.of("true")), CANCELED_SUBSCRIPTION)).isEmpty();
        }

        @Test
        void healthTokensAccountAndLogout() {
            assertThat(response("GET", "/v1/health", 200, JSON,
                    """
                    {"status": "ok", "serverTime": "2026-11-26T10:44:35Z", "apiVersion": "1.3"}""")).isEmpty();
            String account = """
                    {"id": "acc_1", "email": "ada@example.com", "displayName": "Ada Lovelace", "country": "GB",
                     "currency": "GBP", "locale": "en-GB", "createdAt": "2025-01-12T09:30:00Z"}""";
            assertThat(response("GET", "/v1/me", 200, JSON, account)).isEmpty();
            assertThat(response("POST", "/v1/auth/login", 200, JSON, """
                    {"accessToken": "at", "refreshToken": "rt", "tokenType": "Bearer", "expiresIn": 900,
                     "account": %s}""".formatted(account))).isEmpty();
            assertThat(response("POST", "/v1/auth/logout", 204, null, "")).isEmpty();
        }

        @Test
        void theDocumentedAnswersToUnknownPathsAndMethods() {
            assertThat(response("GET", "/v2/nothing", 404, PROBLEM, problem(404, "not_found"))).isEmpty();
            assertThat(contract.validateResponse("DELETE", "/v1/me", 405, PROBLEM,
                    Map.of("Allow", List.of("GET")), problem(405, "invalid_request"))).isEmpty();
        }
    }

    @Nested
    class RejectsAnswersThatBreakTheContract {

        @Test
        void moneyAsAFloat() {
            String broken = CARD_PURCHASE.replace("\"amountMinor\": 4900", "\"amountMinor\": 49.0");
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("amountMinor").contains("49.0"));
        }

        @Test
        void aMissingRequiredField() {
            String broken = CARD_PURCHASE.replace("\"receiptNumber\": \"R-2026-000123\",", "");
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("receiptNumber"));
        }

        @Test
        void aNullableFieldLeftOut() {
            String broken = ACTIVE_SUBSCRIPTION.replace("\"deadlinesResetAt\": null,", "");
            assertThat(response("POST", "/v1/subscriptions/sub_0001/restart", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("deadlinesResetAt"));
        }

        @Test
        void anUnknownStatus() {
            String broken = ACTIVE_SUBSCRIPTION.replace("\"status\": \"active\"", "\"status\": \"paused\"");
            assertThat(response("POST", "/v1/subscriptions/sub_0001/restart", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("status").contains("enumeration"));
        }

        @Test
        void aPaymentMethodThatIsNeitherCardNorPaypal() {
            String broken = CARD_PURCHASE.replace("{\"type\": \"card\", \"brand\": \"visa\", \"last4\": \"4242\"}",
                    "{\"type\": \"card\", \"brand\": \"visa\", \"last4\": \"42\"}");
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("paymentMethod"));
        }

        @Test
        void aBadCurrencyOrTimestamp() {
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON,
                    CARD_PURCHASE.replace("\"currency\": \"USD\"}, \"tax\"", "\"currency\": \"usd\"}, \"tax\"")))
                    .anySatisfy(v -> assertThat(v).contains("currency"));
            assertThat(response("POST", "/v1/purchases/pur_0001/refund-request", 200, JSON,
                    CARD_PURCHASE.replace("\"purchasedAt\": \"2026-11-26T10:44:35Z\"",
                            "\"purchasedAt\": \"26/11/2026\"")))
                    .anySatisfy(v -> assertThat(v).contains("purchasedAt"));
        }

        @Test
        void aCanceledSubscriptionWithoutEndOrOneThatStillCharges() {
            assertThat(response("POST", "/v1/subscriptions/sub_0002/cancel", 200, JSON,
                    CANCELED_SUBSCRIPTION.replace("\"endedAt\": \"2026-01-08T00:00:00Z\"", "\"endedAt\": null")))
                    .anySatisfy(v -> assertThat(v).contains("endedAt"));
            assertThat(response("POST", "/v1/subscriptions/sub_0002/cancel", 200, JSON,
                    CANCELED_SUBSCRIPTION.replace("\"nextPaymentAt\": null",
                            "\"nextPaymentAt\": \"2026-02-08T00:00:00Z\"")))
                    .anySatisfy(v -> assertThat(v).contains("nextPaymentAt"));
        }

        @Test
        void aLastSyncPageThatClaimsMoreRemaining() {
            String broken = SYNC_PAGE.replace("\"hasMore\": true", "\"hasMore\": false");
            assertThat(response("GET", "/v1/sync", 200, JSON, broken))
                    .anySatisfy(v -> assertThat(v).contains("remaining"));
        }

        @Test
        void anUndeclaredStatus() {
            assertThat(response("GET", "/v1/me", 409, PROBLEM, problem(409, "not_cancelable")))
                    .anySatisfy(v -> assertThat(v).contains("undeclared status 409"));
            assertThat(response("POST", "/v1/auth/login", 402, PROBLEM, problem(402, "payment_failed")))
                    .anySatisfy(v -> assertThat(v).contains("undeclared status 402"));
        }

        @Test
        void aProblemCodeNotDeclaredForThatStatus() {
            assertThat(response("POST", "/v1/subscriptions/sub_1/cancel", 409, PROBLEM,
                    problem(409, "not_restartable")))
                    .anySatisfy(v -> assertThat(v).contains("problem code 'not_restartable' is not declared"));
            assertThat(response("POST", "/v1/auth/refresh", 401, PROBLEM, problem(401, "token_expired")))
                    .anySatisfy(v -> assertThat(v).contains("problem code 'token_expired' is not declared"));
        }

        @Test
        void aProblemWhoseStatusDisagreesWithTheAnswer() {
            assertThat(response("POST", "/v1/subscriptions/sub_1/cancel", 409, PROBLEM,
                    problem(400, "not_cancelable")))
                    .anySatisfy(v -> assertThat(v).contains("status"));
        }

        @Test
        void aProblemWithoutItsMandatoryMembers() {
            assertThat(response("GET", "/v1/me", 401, PROBLEM, "{\"code\": \"invalid_token\", \"status\": 401}"))
                    .anySatisfy(v -> assertThat(v).contains("type"))
                    .anySatisfy(v -> assertThat(v).contains("title"))
                    .anySatisfy(v -> assertThat(v).contains("detail"));
        }

        @Test
        void rateLimitOrUnavailableWithoutAnIntegerRetryAfter() {
            assertThat(response("POST", "/v1/auth/login", 429, PROBLEM, problem(429, "rate_limited")))
                    .anySatisfy(v -> assertThat(v).contains("missing required header Retry-After"));
            assertThat(contract.validateResponse("GET", "/v1/health", 503, PROBLEM,
                    Map.of("Retry-After", List.of("soon")), problem(503, "unavailable")))
                    .anySatisfy(v -> assertThat(v).contains("Retry-After").contains("not an integer"));
        }

        @Test
        void aReplayHeaderThatIsNotTrueOrOnAnAnswerThatIsNeverReplayed() {
            assertThat(contract.validateResponse("POST", "/v1/subscriptions/sub_1/cancel", 200, JSON,
                    Map.of("Idempotent-Replayed", List.of("yes")), CANCELED_SUBSCRIPTION))
                    .anySatisfy(v -> assertThat(v).contains("Idempotent-Replayed"));
            assertThat(contract.validateResponse("GET", "/v1/me", 401, PROBLEM,
                    Map.of("Idempotent-Replayed", List.of("true")), problem(401, "invalid_token")))
                    .anySatisfy(v -> assertThat(v).contains("never replays"));
        }

        @Test
        void theWrongContentType() {
            assertThat(response("POST", "/v1/subscriptions/sub_1/cancel", 409, JSON, problem(409, "not_cancelable")))
                    .anySatisfy(v -> assertThat(v).contains("wrong content type"));
            assertThat(response("GET", "/v1/me", 200, "text/html", "<html></html>"))
                    .anySatisfy(v -> assertThat(v).contains("wrong content type"));
            assertThat(response("GET", "/v1/health", 200, "application/json; charset=iso-8859-1",
                    "{\"status\": \"ok\", \"serverTime\": \"2026-11-26T10:44:35Z\", \"apiVersion\": \"1.0\"}"))
                    .anySatisfy(v -> assertThat(v).contains("not UTF-8"));
        }

        @Test
        void aBodyThatIsNotJsonOrOnANoContentAnswer() {
            assertThat(response("GET", "/v1/me", 200, JSON, "{\"id\": "))
                    .anySatisfy(v -> assertThat(v).contains("not JSON"));
            assertThat(response("POST", "/v1/auth/logout", 204, JSON, "{}"))
                    .anySatisfy(v -> assertThat(v).contains("no body"));
        }

        @Test
        void anAnswerFromAnUndeclaredPathOrMethod() {
            assertThat(response("GET", "/v1/purchases", 200, JSON, "[]"))
                    .anySatisfy(v -> assertThat(v).contains("undeclared path"));
            assertThat(response("DELETE", "/v1/me", 200, JSON, "{}"))
                    .anySatisfy(v -> assertThat(v).contains("undeclared method DELETE"));
            assertThat(response("DELETE", "/v1/me", 405, PROBLEM, problem(405, "invalid_request")))
                    .anySatisfy(v -> assertThat(v).contains("missing required header Allow"));
        }
    }

    @Nested
    class ChecksRequests {

        private static final Map<String, List<String>> JSON_ONLY = Map.of("Content-Type", List.of(JSON));

        private Map<String, List<String>> action(String key) {
            return Map.of("Content-Type", List.of(JSON), "Authorization", List.of("Bearer at_1"),
                    "Idempotency-Key", List.of(key));
        }

        @Test
        void acceptsTheRequestsOfTheContract() {
            assertThat(contract.validateRequest("POST", "/v1/auth/login", JSON_ONLY,
                    "{\"email\": \"ada@example.com\", \"password\": \"learn-ada-2026\"}")).isEmpty();
            assertThat(contract.validateRequest("POST", "/v1/auth/refresh", JSON_ONLY,
                    "{\"refreshToken\": \"rt_1\"}")).isEmpty();
            assertThat(contract.validateRequest("GET", "/v1/sync?limit=1000&cursor=c%2F1",
                    Map.of("Authorization", List.of("Bearer at_1")), null)).isEmpty();
            String uuid = "6f1c2a7e-3b7d-4c55-9b0e-2f7e6a1d9c11";
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action(uuid), "{}"))
                    .isEmpty();
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action(uuid),
                    "{\"reason\": \"too_expensive\", \"comment\": \"" + "x".repeat(1000) + "\"}")).isEmpty();
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/restart", action("k".repeat(255)),
                    "{}")).isEmpty();
            assertThat(contract.validateRequest("POST", "/v1/purchases/pur_1/refund-request", action(uuid),
                    "{\"reason\": \"" + "é".repeat(500) + "\"}")).isEmpty();
            assertThat(contract.validateRequest("POST", "/v1/auth/logout",
                    Map.of("Authorization", List.of("Bearer at_1")), null)).isEmpty();
        }

        @Test
        void rejectsBodiesWithUnknownOrMissingFieldsOrBrokenRules() {
            assertThat(contract.validateRequest("POST", "/v1/auth/login", JSON_ONLY,
                    "{\"email\": \"ada@example.com\", \"password\": \"p\", \"remember\": true}"))
                    .anySatisfy(v -> assertThat(v).contains("remember"));
            assertThat(contract.validateRequest("POST", "/v1/auth/login", JSON_ONLY, "{\"email\": \"ada@example.com\"}"))
                    .anySatisfy(v -> assertThat(v).contains("password"));
            assertThat(contract.validateRequest("POST", "/v1/purchases/pur_1/refund-request", action("k1"),
                    "{\"reason\": \"\"}")).anySatisfy(v -> assertThat(v).contains("reason"));
            assertThat(contract.validateRequest("POST", "/v1/purchases/pur_1/refund-request", action("k1"),
                    "{\"reason\": \"" + "x".repeat(501) + "\"}")).anySatisfy(v -> assertThat(v).contains("reason"));
            assertThat(contract.validateRequest("POST", "/v1/purchases/pur_1/refund-request", action("k1"), "{}"))
                    .anySatisfy(v -> assertThat(v).contains("reason"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action("k1"),
                    "{\"comment\": \"" + "x".repeat(1001) + "\"}")).anySatisfy(v -> assertThat(v).contains("comment"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action("k1"),
                    "{\"reason\": \"bored\"}")).anySatisfy(v -> assertThat(v).contains("reason"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/restart", action("k1"),
                    "{\"now\": true}")).anySatisfy(v -> assertThat(v).contains("now"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/restart", action("k1"), null))
                    .anySatisfy(v -> assertThat(v).contains("request body is required"));
            assertThat(contract.validateRequest("POST", "/v1/auth/logout",
                    Map.of("Authorization", List.of("Bearer at_1"), "Content-Type", List.of(JSON)), "{}"))
                    .anySatisfy(v -> assertThat(v).contains("takes no body"));
        }

        @Test
        void rejectsAMissingOrMalformedIdempotencyKey() {
            Map<String, List<String>> noKey = Map.of("Content-Type", List.of(JSON),
                    "Authorization", List.of("Bearer at_1"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", noKey, "{}"))
                    .anySatisfy(v -> assertThat(v).contains("Idempotency-Key is required"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action("has space"), "{}"))
                    .anySatisfy(v -> assertThat(v).contains("Idempotency-Key"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action("k".repeat(256)),
                    "{}")).anySatisfy(v -> assertThat(v).contains("Idempotency-Key"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/sub_1/cancel", action("clé"), "{}"))
                    .anySatisfy(v -> assertThat(v).contains("Idempotency-Key"));
        }

        @Test
        void rejectsMissingTokensBadQueriesAndUndeclaredOperations() {
            assertThat(contract.validateRequest("GET", "/v1/me", Map.of(), null))
                    .anySatisfy(v -> assertThat(v).contains("Authorization"));
            Map<String, List<String>> bearer = Map.of("Authorization", List.of("Bearer at_1"));
            for (String query : List.of("limit=0", "limit=1001", "limit=abc")) {
                assertThat(contract.validateRequest("GET", "/v1/sync?" + query, bearer, null)).as(query)
                        .anySatisfy(v -> assertThat(v).contains("limit"));
            }
            assertThat(contract.validateRequest("GET", "/v1/sync?since=2026", bearer, null))
                    .anySatisfy(v -> assertThat(v).contains("undeclared query parameter since"));
            assertThat(contract.validateRequest("POST", "/v1/subscriptions/" + "s".repeat(65) + "/cancel",
                    action("k1"), "{}")).anySatisfy(v -> assertThat(v).contains("path parameter id"));
            assertThat(contract.validateRequest("GET", "/v1/subscriptions", bearer, null))
                    .anySatisfy(v -> assertThat(v).contains("undeclared path"));
            assertThat(contract.validateRequest("PUT", "/v1/me", bearer, "{}"))
                    .anySatisfy(v -> assertThat(v).contains("undeclared method PUT"));
            assertThat(contract.validateRequest("POST", "/v1/auth/login", Map.of("Content-Type", List.of("text/plain")),
                    "{\"email\": \"ada@example.com\", \"password\": \"p\"}"))
                    .anySatisfy(v -> assertThat(v).contains("content type"));
        }
    }

    @Nested
    class GuardsItsOwnAssumptions {

        private static final String DIR = "com/coursedesk/contract/";

        @Test
        void aCleanSmallDocumentLoadsAndValidates() {
            OpenApiContract small = OpenApiContract.fromClasspath(DIR + "minimal-valid.yaml");
            assertThat(small.validateResponse("GET", "/v1/thing", 200, JSON, Map.of(), "{\"count\": 2}")).isEmpty();
            assertThat(small.validateResponse("GET", "/v1/thing", 200, JSON, Map.of(), "{}"))
                    .anySatisfy(v -> assertThat(v).contains("count"));
        }

        @Test
        void aMistypedSchemaKeywordFailsTheLoad() {
            assertThatThrownBy(() -> OpenApiContract.fromClasspath(DIR + "typo-keyword.yaml"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("requierd");
        }

        @Test
        void aFractionalNumberTypeFailsTheLoad() {
            assertThatThrownBy(() -> OpenApiContract.fromClasspath(DIR + "fractional-number.yaml"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("non-integer numbers");
        }
    }
}
