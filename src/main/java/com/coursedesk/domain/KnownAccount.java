package com.coursedesk.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An account that has a local copy on this computer, listed on the sign-in screen so it opens
 * at once, offline if need be. Holds no secret.
 *
 * @param lastSyncedAt server time of the last complete sync, or {@code null} before the first
 */
public record KnownAccount(String accountId, String email, String displayName, ServerRef server,
                           Instant lastSyncedAt) {

    public KnownAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(server, "server");
    }

    public KnownAccount withLastSyncedAt(Instant serverTime) {
        return new KnownAccount(accountId, email, displayName, server, serverTime);
    }

    /** The key of this account's refresh token in the credential store. */
    public String credentialKey() {
        return server.value() + "|" + accountId;
    }
}
