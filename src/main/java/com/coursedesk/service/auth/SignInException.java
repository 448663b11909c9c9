package com.coursedesk.service.auth;

import java.time.Duration;

/** Sign-in failed, for a reason the screen states in plain words. */
public final class SignInException extends RuntimeException {

    public enum Reason {
        /** Wrong email or password (the server does not say which). */
        WRONG_CREDENTIALS,
        /** Too many attempts; {@link #retryAfter()} says how long to wait. */
        RATE_LIMITED,
        /** The server cannot be reached: no connection (refused, unknown host, no route). */
        UNREACHABLE,
        /** The server did not answer within the client's timeouts. */
        TIMED_OUT,
        /**
         * The address answers, but its TLS certificate could not be verified (self-signed,
         * expired, another host name): the password was not sent.
         */
        UNTRUSTED_CERTIFICATE,
        /** The server failed (5xx) or answered something unreadable. */
        SERVER_FAILED,
        /**
         * The address answers, but not as a billing server: an error without the API's problem
         * {@code code} (a web site's 404, a server that does not take POST).
         */
        NOT_A_BILLING_SERVER,
        /** The address or the input is not valid. */
        INVALID_INPUT,
        /** The server refused the email or password as sent ({@code 400 invalid_request}). */
        INPUT_REFUSED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public SignInException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long to wait before trying again, for {@link Reason#RATE_LIMITED}; else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
