package com.coursedesk.contract;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ContractHttpClient against a canned in-process server: every contract answer is checked. */
class OpenApiContractHttpClientTest {

    private static final String HEALTH = """
            {"status": "ok", "serverTime": "2026-11-26T10:44:35Z", "apiVersion": "1.0"}""";

    private HttpServer server;
    private ContractHttpClient client;
    private final AtomicReference<Headers> lastRequestHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastRequestBody = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new ContractHttpClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        lastRequestHeaders.set(exchange.getRequestHeaders());
        lastRequestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/v1/health" -> reply(exchange, 200, "application/json", HEALTH);
            // An account without its email, currency and the rest: breaks the contract.
            case "/v1/me" -> reply(exchange, 200, "application/json", "{\"id\": \"acc_1\"}");
            case "/v1/auth/logout" -> reply(exchange, 204, null, null);
            case "/v1/subscriptions/sub_1/cancel" -> {
                exchange.getResponseHeaders().add("Retry-After", "7");
                reply(exchange, 429, "application/problem+json", """
                        {"type": "https://billing.example.com/problems/rate-limited", "title": "Slow down",
                         "status": 429, "detail": "Try again in 7 seconds.", "code": "rate_limited"}""");
            }
            case "/_sandbox/clock/advance" -> reply(exchange, 200, "text/plain", "advanced");
            default -> reply(exchange, 404, "text/html", "<h1>no</h1>");
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void returnsAnAnswerThatHonoursTheContract() {
        ContractHttpClient.Response response = client.get("/v1/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.header("CONTENT-TYPE")).isEqualTo("application/json");
        assertThat(response.json().get("apiVersion").getAsString()).isEqualTo("1.0");
    }

    @Test
    void failsOnAnAnswerThatBreaksTheContract() {
        assertThatThrownBy(() -> client.get("/v1/me", "at_1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v1/me")
                .hasMessageContaining("email")
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> client.get("/v1/unknown", null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("wrong content type text/html");
    }

    @Test
    void sendUnvalidatedReturnsTheSameAnswerWithoutJudgingIt() {
        ContractHttpClient.Response response = client.sendUnvalidated("GET", "/v1/me", Map.of(), (String) null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").getAsString()).isEqualTo("acc_1");
    }

    @Test
    void doesNotJudgeTheSandboxControlInterface() {
        ContractHttpClient.Response response = client.send("POST", "/_sandbox/clock/advance",
                Map.of("Content-Type", "application/json"), "{\"seconds\": 60}");

        assertThat(response.body()).isEqualTo("advanced");
        assertThat(lastRequestBody.get()).isEqualTo("{\"seconds\": 60}");
    }

    @Test
    void postSendsTokenIdempotencyKeyAndJson() {
        ContractHttpClient.Response response = client.post("/v1/subscriptions/sub_1/cancel", "at_1", "key-1", "{}");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("retry-after")).isEqualTo("7");
        assertThat(response.problemCode()).isEqualTo("rate_limited");
        Headers sent = lastRequestHeaders.get();
        assertThat(sent.getFirst("Authorization")).isEqualTo("Bearer at_1");
        assertThat(sent.getFirst("Idempotency-Key")).isEqualTo("key-1");
        assertThat(sent.getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(lastRequestBody.get()).isEqualTo("{}");
    }

    @Test
    void acceptsAnAnswerWithoutBody() {
        ContractHttpClient.Response response = client.post("/v1/auth/logout", "at_1", null, null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headerValues("X-Nothing")).isEqualTo(List.of());
    }
}
