package com.coursedesk.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in, token refresh with rotation, logout and bearer checks. Only hashes of passwords
 * and tokens are stored.
 */
final class SandboxAuth {

    /** Failed sign-ins allowed per email inside {@link #FAILURE_WINDOW} before {@code 429}. */
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);
    private static final int PBKDF2_ITERATIONS = 20_000;

    private final SandboxStore store;
    private final SandboxClock clock;
    private final Duration accessTokenTtl;
    private final SecureRandom random = new SecureRandom();

    SandboxAuth(SandboxStore store, SandboxClock clock, Duration accessTokenTtl) {
        this.store = store;
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
    }

    static byte[] hashPassword(char[] password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, PBKDF2_ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }

    /** {@code POST /v1/auth/login}. Runs inside a store transaction. */
    String login(JsonObject body) {
        SandboxJson.onlyFields(body, Set.of("email", "password"));
        String email = SandboxJson.requiredString(body, "email", 254).trim().toLowerCase(Locale.ROOT);
        String password = SandboxJson.requiredString(body, "password", 1024);
        if (!email.contains("@")) {
            throw Problem.invalidRequest("The field 'email' must be an email address.");
        }
        Instant now = clock.now();
        // A failure counts for exactly FAILURE_WINDOW, so waiting the Retry-After given below is enough.
        long windowStart = now.minus(FAILURE_WINDOW).toEpochMilli() + 1;
        List<Long> failures = store.loginFailuresSince(email, windowStart);
        if (failures.size() >= MAX_FAILURES) {
            // The lock lifts when the oldest failure of the window ages out.
            long liftsAt = failures.get(failures.size() - MAX_FAILURES) + FAILURE_WINDOW.toMillis();
            int retryAfter = (int) Math.max(1, (liftsAt - now.toEpochMilli() + 999) / 1000);
            throw new Problem(429, "rate_limited", "Too many attempts",
                    "Too many failed sign-ins for this email; try again in " + retryAfter + " seconds.", retryAfter);
        }
        Optional<SandboxStore.AccountRow> account = store.accountByEmail(email);
        boolean ok = account.isPresent() && MessageDigest.isEqual(
                account.get().hash(), hashPassword(password.toCharArray(), account.get().salt()));
        if (!ok) {
            store.recordLoginFailure(email, now.toEpochMilli());
            throw new Problem(401, "invalid_credentials", "Wrong email or password",
                    "The email or the password is wrong.");
        }
        store.clearLoginFailures(email);
        String accessToken = newToken("at_");
        String refreshToken = newToken("rt_");
        store.insertSession(new SandboxStore.Session(newToken("ses_"), account.get().id(), sha256(accessToken),
                now.plus(accessTokenTtl).toEpochMilli(), sha256(refreshToken),
                now.plus(REFRESH_TOKEN_TTL).toEpochMilli(), false));
        return tokenResponse(accessToken, refreshToken, account.get().json());
    }

    /** {@code POST /v1/auth/refresh}: the used refresh token stops working. */
    String refresh(JsonObject body) {
        SandboxJson.onlyFields(body, Set.of("refreshToken"));
        String token = SandboxJson.requiredString(body, "refreshToken", 512);
        String hash = sha256(token);
        Instant now = clock.now();
        Optional<SandboxStore.Session> session = store.sessionByRefreshHash(hash);
        if (session.isEmpty()) {
            // A rotated-out token presented again means it leaked or was replayed: end the
            // whole session, as OAuth's refresh-token reuse detection recommends.
            store.sessionIdOfUsedRefresh(hash).ifPresent(store::revokeSession);
            throw invalidToken("The refresh token is not valid.");
        }
        SandboxStore.Session s = session.get();
        if (s.revoked() || s.refreshExpiresAtMillis() <= now.toEpochMilli()) {
            throw invalidToken("The session has ended; sign in again.");
        }
        String accessToken = newToken("at_");
        String refreshToken = newToken("rt_");
        store.rotateSession(s.id(), hash, sha256(accessToken), now.plus(accessTokenTtl).toEpochMilli(),
                sha256(refreshToken), now.plus(REFRESH_TOKEN_TTL).toEpochMilli());
        String accountJson = store.accountById(s.accountId()).orElseThrow().json();
        return tokenResponse(accessToken, refreshToken, accountJson);
    }

    /** Resolves a bearer token to its session, or refuses with {@code 401}. */
    SandboxStore.Session authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw invalidToken("Send 'Authorization: Bearer <accessToken>'.");
        }
        String token = authorizationHeader.substring(7).trim();
        SandboxStore.Session session = store.sessionByAccessHash(sha256(token))
                .orElseThrow(() -> invalidToken("The access token is not valid."));
        if (session.revoked()) {
            throw invalidToken("The session has ended; sign in again.");
        }
        if (session.accessExpiresAtMillis() <= clock.now().toEpochMilli()) {
            throw new Problem(401, "token_expired", "Token expired",
                    "The access token has expired; refresh it.");
        }
        return session;
    }

    void logout(SandboxStore.Session session) {
        store.revokeSession(session.id());
    }

    private static Problem invalidToken(String detail) {
        return new Problem(401, "invalid_token", "Invalid token", detail);
    }

    private String tokenResponse(String accessToken, String refreshToken, String accountJson) {
        JsonObject out = new JsonObject();
        out.addProperty("accessToken", accessToken);
        out.addProperty("refreshToken", refreshToken);
        out.addProperty("tokenType", "Bearer");
        out.addProperty("expiresIn", accessTokenTtl.toSeconds());
        out.add("account", JsonParser.parseString(accountJson));
        return SandboxJson.GSON.toJson(out);
    }

    private String newToken(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
