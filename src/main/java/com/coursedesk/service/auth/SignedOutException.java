package com.coursedesk.service.auth;

/**
 * The account's session has ended (signed out, revoked, or its refresh token refused): the
 * learner must sign in again. Local data stays readable.
 */
public final class SignedOutException extends RuntimeException {

    public SignedOutException(String message) {
        super(message);
    }
}
