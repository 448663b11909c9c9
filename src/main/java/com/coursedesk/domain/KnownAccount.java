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

    // Written out: the generated ones link method handles on first use, and the account list
    // is compared while the app opens.
    @Override
    public boolean equals(Object other) {
        return other instanceof KnownAccount a && accountId.equals(a.accountId) && email.equals(a.email)
                && displayName.equals(a.displayName) && server.equals(a.server)
                && Objects.equals(lastSyncedAt, a.lastSyncedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, email, displayName, server, lastSyncedAt);
    }

    /** The key of this account's refresh token in the credential store. */
    public String credentialKey() {
        return server.value() + "|" + accountId;
    }
}
