package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.newKey;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP-level refusals: unknown paths, wrong methods, oversized bodies; the server keeps answering. */
class SandboxProtocolTest {

    private static SandboxFixture fx;
    private static String ada;

    @BeforeAll
    static void start() {
        fx = SandboxFixture.start();
        ada = fx.signIn(ADA);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void stillHealthy() {
        fx.assertHealthy();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/nope", "/", "/v2/health", "/v1/health/extra", "/v1/subscriptions",
        "/v1/subscriptions/sub_x", "/v1/subscriptions/sub_x/pause", "/v1/purchases/pur_x/refund",
        "/v1/purchases/pur_x", "/v1", "/V1/HEALTH", "/_sandboxed"})
    void unknownPathsAreNotFound(String path) {
        Response r = fx.get(path, ada);
        assertThat(r.status()).as(path).isEqualTo(404);
        assertThat(r.problemCode()).isEqualTo("not_found");
        Response post = fx.post(path, ada, newKey(), null);
        assertThat(post.status()).as("POST %s", path).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /v1/health, GET",
        "DELETE, /v1/health, GET",
        "GET, /v1/auth/login, POST",
        "PUT, /v1/auth/refresh, POST",
        "GET, /v1/auth/logout, POST",
        "POST, /v1/me, GET",
        "DELETE, /v1/me, GET",
        "POST, /v1/sync, GET",
        "GET, /v1/subscriptions/sub_x/cancel, POST",
        "PATCH, /v1/subscriptions/sub_x/restart, POST",
        "GET, /v1/purchases/pur_x/refund-request, POST",
    })
    void aWrongMethodIs405WithAllow(String method, String path, String allowed) {
        Response r = fx.client().send(method, path, Map.of("Authorization", "Bearer " + ada), null);
        assertThat(r.status()).as("%s %s", method, path).isEqualTo(405);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
        assertThat(r.header("Allow")).isEqualTo(allowed);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String padded = padTo(SandboxServer.MAX_BODY_BYTES + 1);
        Response login = fx.post("/v1/auth/login", null, null, padded);
        assertThat(login.status()).isEqualTo(413);
        assertThat(login.problemCode()).isEqualTo("invalid_request");
        fx.assertHealthy();

        Response action = fx.cancel(ada, "sub_x", newKey(), padded);
        assertThat(action.status()).isEqualTo(413);
        fx.assertHealthy();

        Response huge = fx.post("/v1/auth/refresh", null, null, padTo(1024 * 1024));
        assertThat(huge.status()).isEqualTo(413);
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        String padded = padTo(SandboxServer.MAX_BODY_BYTES);
        Response login = fx.post("/v1/auth/login", null, null, padded);
        // Read in full and refused for what it says (the password is too long), not for its size.
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void invalidUtf8IsRefusedAndTheServerGoesOn() {
        byte[] body = "{\"email\":\"nobody@example.com\",\"password\":\"\u00ff\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        Response r = fx.client().sendUnvalidated("POST", "/v1/auth/login", Map.of("Content-Type", "application/json"),
                body);
        assertThat(r.status()).isIn(400, 401);
        assertThat(fx.client().contract().validateResponse("POST", "/v1/auth/login", r.status(), null, r.headers(),
                r.body())).isEmpty();
    }

    @Test
    void manyBadRequestsInARowLeaveTheServerServing() {
        for (int i = 0; i < 20; i++) {
            fx.post("/v1/auth/login", null, null, "{\"email\":");
            fx.get("/v1/sync?limit=0", ada);
            fx.get("/v1/nothing-" + i, ada);
        }
        assertThat(fx.get("/v1/me", ada).status()).isEqualTo(200);
    }

    /** A JSON login body of exactly {@code bytes} bytes. */
    private static String padTo(int bytes) {
        String head = "{\"email\":\"ada@example.com\",\"password\":\"";
        String tail = "\"}";
        return head + "p".repeat(bytes - head.length() - tail.length()) + tail;
    }
}
