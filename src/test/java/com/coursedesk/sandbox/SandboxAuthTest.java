package com.coursedesk.sandbox;

import com.coursedesk.contract.ContractHttpClient.Response;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.coursedesk.sandbox.SandboxFixture.ADA;
import static com.coursedesk.sandbox.SandboxFixture.EVE;
import static com.coursedesk.sandbox.SandboxFixture.KENJI;
import static com.coursedesk.sandbox.SandboxFixture.loginBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Health, sign-in, refresh rotation, sign-out, token expiry and {@code /v1/me}, over real HTTP. */
class SandboxAuthTest {

    private SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = SandboxFixture.start();
    }

    @AfterEach
    void stop() {
        try {
            fx.assertHealthy();
        } finally {
            fx.close();
        }
    }

    @Test
    void healthAnswersOkWithTheSandboxTime() {
        Instant before = fx.now();
        Response r = fx.get("/v1/health", null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.get("status").getAsString()).isEqualTo("ok");
        assertThat(body.get("apiVersion").getAsString()).matches("1\\.\\d+");
        Instant serverTime = Instant.parse(body.get("serverTime").getAsString());
        assertThat(serverTime).isBetween(before, fx.now());

        fx.advanceDays(3);
        Instant later = Instant.parse(fx.get("/v1/health", null).json().get("serverTime").getAsString());
        assertThat(later).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
    }

    @Test
    void loginReturnsTokensAndTheAccount() {
        Response r = fx.login(ADA, fx.password(ADA));
        assertThat(r.status()).isEqualTo(200);
        JsonObject body = r.json();
        assertThat(body.get("tokenType").getAsString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").getAsLong()).isEqualTo(900);
        assertThat(body.get("accessToken").getAsString()).isNotBlank()
                .isNotEqualTo(body.get("refreshToken").getAsString());
        assertThat(body.getAsJsonObject("account").get("email").getAsString()).isEqualTo(ADA);

        // Email is matched without regard to case or surrounding space.
        assertThat(fx.login("  ADA@Example.com ", fx.password(ADA)).status()).isEqualTo(200);
        // Two sign-ins are two sessions with different tokens.
        assertThat(fx.signIn(ADA)).isNotEqualTo(body.get("accessToken").getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"email\":\"ada@example.com\"}",
        "{\"password\":\"learn-ada-2026\"}",
        "{}",
        "not json",
        "{\"email\":\"ada@example.com\",\"password\":\"learn-ada-2026\"",
        "[\"ada@example.com\",\"learn-ada-2026\"]",
        "{\"email\":\"ada@example.com\",\"password\":\"learn-ada-2026\",\"remember\":true}",
        "{\"email\":\"ada@example.com\",\"password\":42}",
        "{\"email\":\"ada@example.com\",\"password\":\"\"}",
        "{\"email\":\"ada@example.com\",\"password\":\"learn-ada-2026\"} {}",
    })
    void malformedLoginIsInvalidRequest(String body) {
        Response r = fx.post("/v1/auth/login", null, null, body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
        fx.assertHealthy();
    }

    @Test
    void loginWithoutABodyOrWithAnotherContentTypeIsInvalidRequest() {
        Response empty = fx.post("/v1/auth/login", null, null, null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.problemCode()).isEqualTo("invalid_request");

        Response form = fx.client().send("POST", "/v1/auth/login", Map.of("Content-Type", "text/plain"),
                loginBody(ADA, fx.password(ADA)));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Response wrongPassword = fx.login(ADA, "not-her-password");
        Response unknownEmail = fx.login("nobody@example.com", "learn-ada-2026");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.problemCode()).isEqualTo("invalid_credentials");
        assertThat(unknownEmail.status()).isEqualTo(401);
        // Nothing in the answer tells the two apart.
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void fiveFailuresLockTheEmailUntilTheWindowPasses() {
        for (int i = 0; i < SandboxAuth.MAX_FAILURES; i++) {
            Response r = fx.login(KENJI, "wrong-" + i);
            assertThat(r.status()).as("failure %d", i + 1).isEqualTo(401);
            assertThat(r.problemCode()).isEqualTo("invalid_credentials");
        }
        Response locked = fx.login(KENJI, fx.password(KENJI));
        assertThat(locked.status()).as("the right password is refused while locked").isEqualTo(429);
        assertThat(locked.problemCode()).isEqualTo("rate_limited");
        int retryAfter = Integer.parseInt(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 900);
        assertThat(fx.login(KENJI, "wrong-again").status()).as("wrong password while locked").isEqualTo(429);

        // The lock belongs to that email only.
        assertThat(fx.login(ADA, fx.password(ADA)).status()).isEqualTo(200);

        fx.advance(Duration.ofMinutes(14));
        assertThat(fx.login(KENJI, fx.password(KENJI)).status()).as("still locked after 14 min").isEqualTo(429);
        fx.advance(Duration.ofMinutes(1));
        assertThat(fx.login(KENJI, fx.password(KENJI)).status()).as("unlocked after 15 min").isEqualTo(200);
    }

    @Test
    void retryAfterIsEnoughToWait() {
        for (int i = 0; i < SandboxAuth.MAX_FAILURES; i++) {
            fx.login(EVE, "wrong-" + i);
        }
        Response locked = fx.login(EVE, fx.password(EVE));
        assertThat(locked.status()).isEqualTo(429);
        fx.advance(Duration.ofSeconds(Integer.parseInt(locked.header("Retry-After"))));
        assertThat(fx.login(EVE, fx.password(EVE)).status())
                .as("after waiting Retry-After seconds the sign-in works").isEqualTo(200);
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
        JsonObject first = fx.tokens(ADA);
        String oldRefresh = first.get("refreshToken").getAsString();

        Response refreshed = refresh(oldRefresh);
        assertThat(refreshed.status()).isEqualTo(200);
        JsonObject second = refreshed.json();
        assertThat(second.get("refreshToken").getAsString()).isNotEqualTo(oldRefresh);
        assertThat(second.get("accessToken").getAsString()).isNotEqualTo(first.get("accessToken").getAsString());
        assertThat(second.getAsJsonObject("account").get("email").getAsString()).isEqualTo(ADA);
        assertThat(fx.get("/v1/me", second.get("accessToken").getAsString()).status()).isEqualTo(200);
        // The access token of the rotated pair no longer opens the account.
        assertThat(fx.get("/v1/me", first.get("accessToken").getAsString()).status()).isEqualTo(401);

        Response reused = refresh(oldRefresh);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.problemCode()).isEqualTo("invalid_token");
    }

    @Test
    void reusingARotatedRefreshTokenEndsTheWholeSession() {
        String oldRefresh = fx.tokens(ADA).get("refreshToken").getAsString();
        JsonObject second = refresh(oldRefresh).json();
        String newAccess = second.get("accessToken").getAsString();
        String newRefresh = second.get("refreshToken").getAsString();

        assertThat(refresh(oldRefresh).status()).isEqualTo(401);

        Response me = fx.get("/v1/me", newAccess);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.problemCode()).isEqualTo("invalid_token");
        Response again = refresh(newRefresh);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.problemCode()).isEqualTo("invalid_token");
        // Other sessions of the account are not touched.
        assertThat(fx.get("/v1/me", fx.signIn(ADA)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rt_unknown", "x"})
    void unknownRefreshTokenIsInvalidToken(String token) {
        Response r = refresh(token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problemCode()).isEqualTo("invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"refreshToken\":\"\"}", "{\"refreshToken\":1}", "nope",
        "{\"refreshToken\":\"rt_x\",\"accessToken\":\"at_x\"}"})
    void malformedRefreshIsInvalidRequest(String body) {
        Response r = fx.post("/v1/auth/refresh", null, null, body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.problemCode()).isEqualTo("invalid_request");
    }

    @Test
    void logoutRevokesTheAccessAndTheRefreshToken() {
        JsonObject tokens = fx.tokens(ADA);
        String access = tokens.get("accessToken").getAsString();
        String other = fx.signIn(ADA);

        Response out = fx.post("/v1/auth/logout", access, null, null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();

        Response me = fx.get("/v1/me", access);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.problemCode()).isEqualTo("invalid_token");
        Response refreshed = refresh(tokens.get("refreshToken").getAsString());
        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.problemCode()).isEqualTo("invalid_token");
        Response twice = fx.post("/v1/auth/logout", access, null, null);
        assertThat(twice.status()).isEqualTo(401);
        assertThat(twice.problemCode()).isEqualTo("invalid_token");

        assertThat(fx.get("/v1/me", other).status()).as("another session stays signed in").isEqualTo(200);
    }

    @Test
    void expiredTokensAreTokenExpiredAndARefreshMendsThem() {
        JsonObject tokens = fx.tokens(ADA);
        String access = tokens.get("accessToken").getAsString();
        assertThat(fx.get("/v1/me", access).status()).isEqualTo(200);

        fx.expireTokens();
        Response me = fx.get("/v1/me", access);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.problemCode()).isEqualTo("token_expired");
        Response sync = fx.get("/v1/sync", access);
        assertThat(sync.problemCode()).isEqualTo("token_expired");

        JsonObject renewed = refresh(tokens.get("refreshToken").getAsString()).json();
        assertThat(fx.get("/v1/me", renewed.get("accessToken").getAsString()).status()).isEqualTo(200);
    }

    @Test
    void accessTokensExpireAfterFifteenMinutesOfSandboxTime() {
        JsonObject tokens = fx.tokens(ADA);
        String access = tokens.get("accessToken").getAsString();
        fx.advance(Duration.ofMinutes(14));
        assertThat(fx.get("/v1/me", access).status()).isEqualTo(200);
        fx.advance(Duration.ofMinutes(1).plusSeconds(1));
        Response me = fx.get("/v1/me", access);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.problemCode()).isEqualTo("token_expired");
        // The refresh token lives longer.
        Response renewed = refresh(tokens.get("refreshToken").getAsString());
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(fx.get("/v1/me", renewed.json().get("accessToken").getAsString()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer ", "Bearer garbage", "Bearer at_notatoken", "Basic YWRhOmxlYXJu",
        "garbage"})
    void missingOrGarbageBearerIsInvalidToken(String authorization) {
        for (String path : new String[] {"/v1/me", "/v1/sync"}) {
            Response r = authorization.isEmpty()
                    ? fx.get(path, null)
                    : fx.client().send("GET", path, Map.of("Authorization", authorization), null);
            assertThat(r.status()).as("%s with '%s'", path, authorization).isEqualTo(401);
            assertThat(r.problemCode()).isEqualTo("invalid_token");
        }
        Response logout = fx.post("/v1/auth/logout", null, null, null);
        assertThat(logout.status()).isEqualTo(401);
        assertThat(logout.problemCode()).isEqualTo("invalid_token");
    }

    @Test
    void meReturnsTheSignedInAccount() {
        JsonObject ada = fx.get("/v1/me", fx.signIn(ADA)).json();
        assertThat(ada.get("email").getAsString()).isEqualTo(ADA);
        assertThat(ada.get("displayName").getAsString()).isEqualTo("Ada Lovelace");
        assertThat(ada.get("country").getAsString()).isEqualTo("GB");
        assertThat(ada.get("currency").getAsString()).isEqualTo("GBP");
        assertThat(ada.get("locale").getAsString()).isEqualTo("en-GB");
        assertThat(ada.get("id").getAsString()).startsWith("acc_");

        JsonObject eve = fx.get("/v1/me", fx.signIn(EVE)).json();
        assertThat(eve.get("displayName").getAsString()).isEqualTo("Eve Müller");
        assertThat(eve.get("currency").getAsString()).isEqualTo("EUR");
        assertThat(eve.get("id").getAsString()).isNotEqualTo(ada.get("id").getAsString());

        JsonObject kenji = fx.get("/v1/me", fx.signIn(KENJI)).json();
        assertThat(kenji.get("displayName").getAsString()).isEqualTo("山田 健二");
        assertThat(kenji.get("currency").getAsString()).isEqualTo("JPY");
    }

    private Response refresh(String refreshToken) {
        JsonObject body = new JsonObject();
        body.addProperty("refreshToken", refreshToken);
        return fx.post("/v1/auth/refresh", null, null, body.toString());
    }
}
