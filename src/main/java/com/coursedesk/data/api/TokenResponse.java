package com.coursedesk.data.api;

import com.coursedesk.domain.Account;

import java.time.Duration;
import java.util.Objects;

/**
 * A signed-in session: the tokens and the account they belong to.
 *
 * @param expiresIn how long the access token lives, counted from when the answer arrived
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, Duration expiresIn,
                            Account account) {

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(account, "account");
    }

    /** Tokens are credentials: they never appear in logs or exception messages. */
    @Override
    public String toString() {
        return "TokenResponse[accessToken=<redacted>, refreshToken=<redacted>, tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + ", account=" + account.id() + "]";
    }
}
