package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.coursedesk.sandbox.SandboxFixture.Snapshot;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.ADA_ACTIVE_JPY;
import static com.coursedesk.sandbox.SandboxFixture.id;
import static com.coursedesk.sandbox.SandboxFixture.newKey;
import static com.coursedesk.sandbox.SandboxFixture.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault switches of {@code /_sandbox/faults}, as a client sees them. */
class SandboxFaultsTest {

    private static SandboxFixture fx;

    @BeforeAll
    static void start() {
        fx = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void clear() {
        fx.clearFaults();
        fx.assertHealthy();
    }

    @Test
    void failNextWith503AnswersUnavailableWithRetryAfterThenRecovers() {
        fx.faults("{\"failNext\":2,\"failureStatus\":503,\"retryAfterSeconds\":7}");
        for (int i = 0; i < 2; i++) {
            Response r = fx.get("/v1/health", null);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.problemCode()).isEqualTo("unavailable");
            assertThat(r.header("Retry-After")).isEqualTo("7");
        }
        fx.assertHealthy();
    }

    @Test
    void failNextWith429IsRateLimitedWithRetryAfter() {
        String ada = fx.signIn(ADA);
        fx.faults("{\"failNext\":1,\"failureStatus\":429,\"retryAfterSeconds\":3}");
        Response r = fx.get("/v1/me", ada);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.problemCode()).isEqualTo("rate_limited");
        assertThat(r.header("Retry-After")).isEqualTo("3");
        assertThat(fx.get("/v1/me", ada).status()).isEqualTo(200);
    }

    @Test
    void failNextWith500IsAnInternalError() {
        fx.faults("{\"failNext\":1,\"failureStatus\":500}");
        Response r = fx.login(ADA, fx.password(ADA));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.problemCode()).isEqualTo("internal_error");
        assertThat(fx.login(ADA, fx.password(ADA)).status()).isEqualTo(200);
    }

    @Test
    void aFailureRateOfOneFailsEveryRequestUntilCleared() {
        String ada = fx.signIn(ADA);
        fx.faults("{\"failureRate\":1.0}");
        for (String path : List.of("/v1/health", "/v1/me", "/v1/sync", "/v1/health")) {
            Response r = fx.get(path, ada);
            assertThat(r.status()).as(path).isEqualTo(503);
            assertThat(r.header("Retry-After")).isNotNull();
        }
        Response action = fx.cancel(ada, "sub_whatever");
        assertThat(action.status()).isEqualTo(503);
        fx.clearFaults();
        assertThat(fx.get("/v1/me", ada).status()).isEqualTo(200);
    }

    @Test
    void faultsCanBeLimitedToAPathPrefix() {
        String ada = fx.signIn(ADA);
        fx.faults("{\"failureRate\":1.0,\"pathPrefix\":\"/v1/sync\"}");
        assertThat(fx.get("/v1/sync", ada).status()).isEqualTo(503);
        assertThat(fx.get("/v1/me", ada).status()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionIsAnIOExceptionForTheClient() {
        fx.faults("{\"dropConnectionNext\":1}");
        assertThatThrownBy(() -> fx.client().sendUnvalidated("GET", "/v1/health", Map.of(), (String) null))
                .isInstanceOf(UncheckedIOException.class);
        fx.assertHealthy();
    }

    @Test
    void malformedJsonComesOnceAsA200ThatDoesNotParse() {
        fx.faults("{\"malformedJsonNext\":1}");
        Response bad = fx.client().sendUnvalidated("GET", "/v1/health", Map.of(), (String) null);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).isNotEmpty();
        assertThat(fx.client().contract().validateResponse("GET", "/v1/health", bad.status(), null, bad.headers(),
                bad.body())).as("the contract check sees a body that is not JSON")
                .anySatisfy(v -> assertThat(v).contains("not JSON"));
        assertThatThrownBy(bad::json).isInstanceOf(RuntimeException.class);

        Response good = fx.client().sendUnvalidated("GET", "/v1/health", Map.of(), (String) null);
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().get("status").getAsString()).isEqualTo("ok");
    }

    @Test
    void aDelayIsHonoured() {
        fx.faults("{\"delayMillis\":300}");
        long started = System.nanoTime();
        fx.assertHealthy();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aResponseDroppedAfterTheActionLeavesTheActionDoneAndARetryReplaysIt() {
        String ada = fx.signIn(ADA);
        Snapshot seeded = fx.fullSync(ada);
        JsonObject jpy = seeded.subscriptionTitled(ADA_ACTIVE_JPY);
        String key = newKey();
        Map<String, String> headers = Map.of("Authorization", "Bearer " + ada, "Idempotency-Key", key,
                "Content-Type", "application/json");

        fx.faults("{\"dropResponseAfterActionNext\":1}");
        assertThatThrownBy(() -> fx.client().sendUnvalidated("POST", "/v1/subscriptions/" + id(jpy) + "/cancel",
                headers, "{}")).isInstanceOf(UncheckedIOException.class);

        JsonObject synced = fx.syncFrom(ada, seeded.cursor()).subscriptions().get(id(jpy));
        assertThat(synced).as("the cancel was performed").isNotNull();
        assertThat(synced.get("cancelAtPeriodEnd").getAsBoolean()).isTrue();
        assertThat(version(synced)).isEqualTo(version(jpy) + 1);

        Response retry = fx.cancel(ada, id(jpy), key, "{}");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().toString()).isEqualTo(synced.toString());
        assertThat(version(fx.fullSync(ada).subscriptions().get(id(jpy)))).as("acted once")
                .isEqualTo(version(jpy) + 1);
    }
}
