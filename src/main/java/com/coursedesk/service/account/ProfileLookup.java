package com.coursedesk.service.account;

import com.coursedesk.domain.Account;
import com.coursedesk.domain.KnownAccount;

import java.util.Objects;

/**
 * The outcome of asking the provider for the learner's profile.
 *
 * @param known      what this computer knows (always there, offline too)
 * @param fromServer the provider's answer, or null when it could not be had
 * @param offline    why {@code fromServer} is null, or null when it is set
 */
public record ProfileLookup(KnownAccount known, Account fromServer, Offline offline) {

    /** Why the profile comes from this computer only. */
    public enum Offline {
        /** The server cannot be reached. */
        UNREACHABLE,
        /**
         * The provider's address answers, but its TLS certificate could not be verified
         * (self-signed, expired, for another host name): nothing was asked over that connection.
         */
        UNTRUSTED_CERTIFICATE,
        /** The learner signed out (no saved sign-in); signing in shows the rest. */
        SIGNED_OUT,
        /** The saved sign-in was refused or expired by the server, or vanished; sign in again. */
        SESSION_ENDED,
        /** The server answered with an error or an unreadable answer. */
        SERVER_FAILED
    }

    public ProfileLookup {
        Objects.requireNonNull(known, "known");
        if ((fromServer == null) == (offline == null)) {
            throw new IllegalArgumentException("exactly one of fromServer and offline is set");
        }
    }

    public static ProfileLookup online(KnownAccount known, Account account) {
        return new ProfileLookup(known, account, null);
    }

    public static ProfileLookup offline(KnownAccount known, Offline reason) {
        return new ProfileLookup(known, null, reason);
    }

    public boolean isOnline() {
        return fromServer != null;
    }
}
