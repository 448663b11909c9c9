package com.coursedesk.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document itself: it parses cleanly and says everything CONTRACT.md says. */
class OpenApiDocumentTest {

    private static final List<String> CONTRACT_ERROR_CODES = List.of("invalid_request", "invalid_credentials",
            "rate_limited", "invalid_token", "token_expired", "cursor_expired", "not_found", "not_cancelable",
            "managed_elsewhere", "not_restartable", "payment_failed", "not_refundable", "idempotency_key_reused",
            "idempotency_key_required", "unavailable");

    private static final Set<String> CONTRACT_OPERATIONS = Set.of(
            "GET /v1/health", "POST /v1/auth/login", "POST /v1/auth/refresh", "POST /v1/auth/logout",
            "GET /v1/me", "GET /v1/sync", "POST /v1/subscriptions/{id}/cancel",
            "POST /v1/subscriptions/{id}/restart", "POST /v1/purchases/{id}/refund-request");

    private static final Set<String> UNAUTHENTICATED = Set.of("GET /v1/health", "POST /v1/auth/login",
            "POST /v1/auth/refresh");

    private static final Set<String> ACTIONS = Set.of("POST /v1/subscriptions/{id}/cancel",
            "POST /v1/subscriptions/{id}/restart", "POST /v1/purchases/{id}/refund-request");

    private final OpenApiContract contract = OpenApiContract.load();
    private final OpenAPI api = contract.openApi();
    private final JsonNode doc = contract.document();

    @Test
    void parsesAsOpenApi31WithoutParserMessages() throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            assertThat(in).as("the document is on the classpath").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(contract.parserMessages()).isEmpty();
    }

    @Test
    void declaresExactlyTheOperationsOfTheContract() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(CONTRACT_OPERATIONS);
    }

    @Test
    void declaresEveryErrorCodeOfTheContractAsAProblemCode() {
        Set<String> declared = new TreeSet<>();
        operations().forEach((key, op) -> {
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replace("{id}", "x");
            for (int status : contract.declaredStatuses(method, path)) {
                declared.addAll(contract.declaredProblemCodes(method, path, status));
            }
        });
        assertThat(declared).containsAll(CONTRACT_ERROR_CODES).contains("internal_error");
    }

    /** The error table of CONTRACT.md, endpoint by endpoint. */
    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /v1/auth/login                 | 400 | invalid_request
            POST | /v1/auth/login                 | 401 | invalid_credentials
            POST | /v1/auth/login                 | 429 | rate_limited
            POST | /v1/auth/refresh               | 401 | invalid_token
            POST | /v1/auth/logout                | 401 | invalid_token token_expired
            GET  | /v1/me                         | 401 | invalid_token token_expired
            GET  | /v1/sync                       | 400 | invalid_request
            GET  | /v1/sync                       | 410 | cursor_expired
            POST | /v1/subscriptions/s/cancel     | 400 | idempotency_key_required invalid_request
            POST | /v1/subscriptions/s/cancel     | 404 | not_found
            POST | /v1/subscriptions/s/cancel     | 409 | managed_elsewhere not_cancelable
            POST | /v1/subscriptions/s/cancel     | 422 | idempotency_key_reused
            POST | /v1/subscriptions/s/restart    | 402 | payment_failed
            POST | /v1/subscriptions/s/restart    | 404 | not_found
            POST | /v1/subscriptions/s/restart    | 409 | managed_elsewhere not_restartable
            POST | /v1/subscriptions/s/restart    | 422 | idempotency_key_reused
            POST | /v1/purchases/p/refund-request | 404 | not_found
            POST | /v1/purchases/p/refund-request | 409 | managed_elsewhere not_refundable
            POST | /v1/purchases/p/refund-request | 422 | idempotency_key_reused
            GET  | /v1/health                     | 503 | unavailable
            GET  | /v1/health                     | 500 | internal_error
            POST | /v1/auth/login                 | 413 | invalid_request
            GET  | /v1/nowhere                    | 404 | not_found
            DELETE | /v1/me                       | 405 | invalid_request
            """)
    void declaresTheProblemCodesOfEachEndpoint(String method, String path, int status, String codes) {
        assertThat(contract.declaredProblemCodes(method, path, status))
                .containsExactlyInAnyOrder(codes.split(" "));
    }

    @Test
    void everyOperationDeclaresRateLimitUnavailableAndInternalError() {
        operations().forEach((key, op) -> {
            for (String status : List.of("429", "503", "500")) {
                assertThat(op.getResponses()).as(key).containsKey(status);
            }
            String method = key.substring(0, key.indexOf(' '));
            String path = key.substring(key.indexOf(' ') + 1).replace("{id}", "x");
            assertThat(contract.declaredProblemCodes(method, path, 429)).as(key).containsExactly("rate_limited");
            assertThat(contract.declaredProblemCodes(method, path, 503)).as(key).containsExactly("unavailable");
            assertThat(contract.declaredProblemCodes(method, path, 500)).as(key).containsExactly("internal_error");
        });
        JsonNode retryAfter = doc.at("/components/headers/Retry-After");
        assertThat(retryAfter.path("required").asBoolean()).isTrue();
        assertThat(retryAfter.at("/schema/type").asText()).isEqualTo("integer");
        for (String response : List.of("RateLimited", "Unavailable")) {
            assertThat(doc.at("/components/responses/" + response + "/headers/Retry-After/$ref").asText())
                    .isEqualTo("#/components/headers/Retry-After");
        }
    }

    @Test
    void authenticatedOperationsUseTheBearerSchemeAndDeclare401() {
        assertThat(api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme()).isEqualTo("bearer");
        operations().forEach((key, op) -> {
            boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
            assertThat(open).as(key + " is open").isEqualTo(UNAUTHENTICATED.contains(key));
            if (!open) {
                String method = key.substring(0, key.indexOf(' '));
                String path = key.substring(key.indexOf(' ') + 1).replace("{id}", "x");
                assertThat(contract.declaredProblemCodes(method, path, 401)).as(key)
                        .containsExactlyInAnyOrder("invalid_token", "token_expired");
            }
        });
    }

    @Test
    void everyPostDeclares413() {
        operations().forEach((key, op) -> {
            if (key.startsWith("POST ")) {
                assertThat(op.getResponses()).as(key).containsKey("413");
            }
        });
    }

    @Test
    void actionsNeedAnIdempotencyKeyAndMayReplay() {
        JsonNode key = doc.at("/components/parameters/IdempotencyKey");
        assertThat(key.path("in").asText()).isEqualTo("header");
        assertThat(key.path("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(key.at("/schema/pattern").asText()).isEqualTo("^[\\x21-\\x7E]{1,255}$");

        operations().forEach((name, op) -> {
            boolean takesKey = op.getParameters() != null && op.getParameters().stream()
                    .anyMatch(p -> "#/components/parameters/IdempotencyKey".equals(p.get$ref()));
            assertThat(takesKey).as(name + " takes an Idempotency-Key").isEqualTo(ACTIONS.contains(name));
            if (takesKey) {
                assertThat(op.getResponses().get("200").getHeaders()).as(name).containsKey("Idempotent-Replayed");
                assertThat(op.getResponses()).as(name).containsKeys("400", "422");
            }
        });
        assertThat(doc.at("/components/headers/Idempotent-Replayed/schema/const").asText()).isEqualTo("true");
    }

    @Test
    void successIsJsonErrorsAreProblemJsonAndLogoutHasNoBody() {
        operations().forEach((key, op) -> op.getResponses().forEach((status, response) -> {
            var resolved = response.get$ref() == null ? response
                    : api.getComponents().getResponses().get(response.get$ref().substring(
                    "#/components/responses/".length()));
            if (status.equals("204")) {
                assertThat(resolved.getContent()).as(key + " " + status).isNull();
            } else if (status.startsWith("2")) {
                assertThat(resolved.getContent()).as(key + " " + status).containsOnlyKeys("application/json");
            } else {
                assertThat(resolved.getContent()).as(key + " " + status).containsOnlyKeys("application/problem+json");
            }
        }));
        assertThat(api.getPaths().get("/v1/auth/logout").getPost().getResponses()).containsKey("204");
    }

    @Test
    void requestBodiesAreStrictAndResponseRecordsAreOpen() {
        Set<String> requestSchemas = new HashSet<>();
        Set<String> responseSchemas = new HashSet<>();
        doc.path("paths").forEach(item -> item.forEach(op -> {
            op.at("/requestBody/content").forEach(media -> collectRefs(media.path("schema"), requestSchemas));
            op.path("responses").forEach(response -> collectRefs(response, responseSchemas));
        }));
        assertThat(requestSchemas).contains("LoginRequest", "RefreshRequest", "CancelRequest", "RestartRequest",
                "RefundRequest");
        for (String name : requestSchemas) {
            assertThat(doc.at("/components/schemas/" + name + "/additionalProperties").isBoolean())
                    .as(name + " sets additionalProperties").isTrue();
            assertThat(doc.at("/components/schemas/" + name + "/additionalProperties").asBoolean())
                    .as(name + " forbids unknown fields").isFalse();
        }
        assertThat(responseSchemas).contains("Account", "TokenResponse", "Purchase", "Product", "Subscription",
                "Plan", "Money", "PaymentMethod", "CardPaymentMethod", "PaypalPaymentMethod", "SyncPage", "Deleted",
                "Health", "Problem");
        for (String name : responseSchemas) {
            assertThat(containsClosedObject(doc.at("/components/schemas/" + name)))
                    .as(name + " must let the server add fields").isFalse();
        }
    }

    @Test
    void nullableFieldsAreRequired() {
        List<String> optionalNullables = new ArrayList<>();
        doc.at("/components/schemas").properties().forEach(schema -> {
            Set<String> required = new HashSet<>();
            schema.getValue().path("required").forEach(r -> required.add(r.asText()));
            schema.getValue().path("properties").properties().forEach(property -> {
                if (isNullable(property.getValue()) && !required.contains(property.getKey())) {
                    optionalNullables.add(schema.getKey() + "." + property.getKey());
                }
            });
        });
        assertThat(optionalNullables).isEmpty();
        assertThat(doc.at("/components/schemas/Subscription/required"))
                .extracting(JsonNode::asText)
                .contains("trialEndsAt", "canceledAt", "endedAt", "nextPaymentAt", "nextPaymentAmount",
                        "deadlinesResetAt");
        assertThat(doc.at("/components/schemas/Purchase/required"))
                .extracting(JsonNode::asText)
                .contains("subscriptionId", "refundedAt", "refundableUntil");
    }

    @Test
    void moneyIsAnIntegerAmountAndAnIsoCurrency() {
        assertThat(doc.at("/components/schemas/Money/properties/amountMinor/type").asText()).isEqualTo("integer");
        assertThat(doc.at("/components/schemas/CurrencyCode/pattern").asText()).isEqualTo("^[A-Z]{3}$");
        assertThat(doc.at("/components/schemas/Health/properties/apiVersion/pattern").asText())
                .isEqualTo("^1\\.\\d+$");
    }

    @Test
    void syncTakesCursorAndLimit() {
        JsonNode parameters = doc.at("/paths/~1v1~1sync/get/parameters");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        parameters.forEach(p -> byName.put(p.path("name").asText(), p));
        assertThat(byName).containsOnlyKeys("cursor", "limit");
        assertThat(byName.get("limit").at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(byName.get("limit").at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(byName.get("limit").at("/schema/default").asInt()).isEqualTo(500);
    }

    // ----- helpers -----

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new java.util.TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> operations.put(method.name() + " " + path, op)));
        return operations;
    }

    /** Names of the component schemas reachable from a node (following $refs to responses and schemas). */
    private void collectRefs(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (target.startsWith("#/components/schemas/")) {
                    if (names.add(target.substring("#/components/schemas/".length()))) {
                        collectRefs(doc.at(target.substring(1)), names);
                    }
                } else if (target.startsWith("#/")) {
                    collectRefs(doc.at(target.substring(1)), names);
                }
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectRefs(it.next(), names);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, names));
        }
    }

    private static boolean containsClosedObject(JsonNode schema) {
        if (schema.isObject()) {
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                return true;
            }
            if (schema.has("unevaluatedProperties")) {
                return true;
            }
            for (Iterator<JsonNode> it = schema.elements(); it.hasNext(); ) {
                if (containsClosedObject(it.next())) {
                    return true;
                }
            }
        } else if (schema.isArray()) {
            for (JsonNode element : schema) {
                if (containsClosedObject(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isNullable(JsonNode property) {
        JsonNode target = property.has("$ref") ? doc.at(property.get("$ref").asText().substring(1)) : property;
        JsonNode type = target.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode option : target.path(combinator)) {
                if (option.path("type").asText().equals("null")) {
                    return true;
                }
            }
        }
        return false;
    }
}
