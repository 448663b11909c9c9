package com.coursedesk.service.auth;

import com.coursedesk.data.api.ApiErrorCode;
import com.coursedesk.data.api.ApiException;
import com.coursedesk.data.api.BillingApiClient;
import com.coursedesk.data.api.TokenResponse;
import com.coursedesk.platform.credentials.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One signed-in account's tokens. The access token lives in memory only; the refresh token
 * lives in the credential store and is replaced there, by its rotated successor, before the
 * new access token is used, so a crash between the two never strands the learner.
 */
public final class SessionTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);
    /** Refresh this long before the access token expires, to absorb clock skew and latency. */
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(30);

    private final BillingApiClient api;
    private final CredentialStore credentials;
    private final String credentialKey;
    private final Clock clock;
    private String accessToken;
    private Instant accessExpiresAt = Instant.MIN;
    /**
     * Whether the account is signed in as far as this object knows: it saw or wrote a saved
     * sign-in, or was made for an account known to be signed in. A saved sign-in missing then
     * has ended ({@link SignedOutException.Reason#SESSION_ENDED}); missing otherwise, the
     * learner signed out ({@link SignedOutException.Reason#SIGNED_OUT}).
     */
    private boolean signedIn;

    public SessionTokens(BillingApiClient api, CredentialStore credentials, String credentialKey, Clock clock) {
        this(api, credentials, credentialKey, clock, false);
    }

    /**
     * @param signedIn true for an account known to be signed in (one the learner did not sign
     *                 out of), so that its saved sign-in missing reads as ended, not signed out
     */
    SessionTokens(BillingApiClient api, CredentialStore credentials, String credentialKey, Clock clock,
                  boolean signedIn) {
        this.api = api;
        this.credentials = credentials;
        this.credentialKey = credentialKey;
        this.clock = clock;
        this.signedIn = signedIn;
    }

    /** Starts from a fresh sign-in: keeps the refresh token, holds the access token. */
    synchronized void accept(TokenResponse tokens) {
        credentials.write(credentialKey, tokens.refreshToken());
        signedIn = true;
        accessToken = tokens.accessToken();
        accessExpiresAt = clock.instant().plus(tokens.expiresIn());
    }

    public BillingApiClient api() {
        return api;
    }

    /** Where the refresh token is kept, in words (for the Account page). */
    public String credentialStoreDescription() {
        return credentials.description();
    }

    /** True when the refresh token is in the operating system's credential store, not a fallback. */
    public boolean credentialStoreIsOperatingSystem() {
        return credentials.isOperatingSystemStore();
    }

    /** Whether a refresh token is stored, so the account can go online without a password. */
    public boolean hasStoredSession() {
        return credentials.read(credentialKey).isPresent();
    }

    /**
     * Calls the server with a valid access token, refreshing it first if needed and once more
     * if the server says it expired.
     *
     * @throws SignedOutException when the session cannot be renewed
     */
    public <T> T call(Function<String, T> request) {
        String token = currentAccessToken();
        try {
            return request.apply(token);
        } catch (ApiException e) {
            if (e.status() == 401 && (e.code() == ApiErrorCode.TOKEN_EXPIRED || e.code() == ApiErrorCode.INVALID_TOKEN)) {
                LOG.info("Access token refused ({}); refreshing", e.code().wireName());
                return request.apply(refreshNow(token));
            }
            throw e;
        }
    }

    private synchronized String currentAccessToken() {
        if (accessToken == null || !clock.instant().isBefore(accessExpiresAt.minus(EARLY_REFRESH))) {
            return refreshNow(accessToken);
        }
        return accessToken;
    }

    /**
     * Exchanges the stored refresh token for a new pair. {@code staleAccessToken} is the token
     * the caller saw refused: if another thread already refreshed, its result is reused.
     */
    private synchronized String refreshNow(String staleAccessToken) {
        if (accessToken != null && !accessToken.equals(staleAccessToken)
                && clock.instant().isBefore(accessExpiresAt.minus(EARLY_REFRESH))) {
            return accessToken;
        }
        String refreshToken = credentials.read(credentialKey).orElse(null);
        if (refreshToken == null) {
            throw signedIn
                    ? new SignedOutException(SignedOutException.Reason.SESSION_ENDED,
                            "The saved session is no longer in the credential store; sign in again.")
                    : new SignedOutException(SignedOutException.Reason.SIGNED_OUT,
                            "No saved session for this account (signed out); sign in to sync.");
        }
        signedIn = true;
        TokenResponse tokens;
        try {
            tokens = api.refresh(refreshToken);
        } catch (ApiException e) {
            if (e.status() == 401) {
                credentials.delete(credentialKey);
                accessToken = null;
                throw new SignedOutException(SignedOutException.Reason.SESSION_ENDED,
                        "The session has ended; sign in again.");
            }
            throw e;
        }
        credentials.write(credentialKey, tokens.refreshToken());
        accessToken = tokens.accessToken();
        accessExpiresAt = clock.instant().plus(tokens.expiresIn());
        return accessToken;
    }

    /**
     * The learner signs out: revokes the session on the server (best effort) and forgets both
     * tokens here; a call after this is refused as {@link SignedOutException.Reason#SIGNED_OUT}.
     */
    public synchronized boolean signOut() {
        boolean revoked = false;
        try {
            if (accessToken != null || credentials.read(credentialKey).isPresent()) {
                String token = currentAccessToken();
                api.logout(token);
                revoked = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not revoke the session on the server ({}); forgetting it here anyway",
                    e.getClass().getSimpleName());
        } finally {
            credentials.delete(credentialKey);
            accessToken = null;
            accessExpiresAt = Instant.MIN;
            signedIn = false;
        }
        return revoked;
    }
}
