package com.coursedesk.service.auth;

import java.util.Objects;

/**
 * The account has no session to use: the learner must sign in (again). Local data stays
 * readable. {@link #reason()} says whether the learner signed out or the session ended on them.
 */
public final class SignedOutException extends RuntimeException {

    /** Why there is no session, as stable keys the screens translate into plain words. */
    public enum Reason {
        /**
         * No sign-in was saved for the account when it was opened, or the learner signed out of
         * it since: signed out here, with {@code coursedesk logout}, or not signed in again after
         * an earlier session ended.
         */
        SIGNED_OUT,
        /**
         * The account was signed in and that ended without the learner signing out: the server
         * refused or expired the saved sign-in, or it vanished from the credential store.
         */
        SESSION_ENDED
    }

    private final Reason reason;

    public SignedOutException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
