package com.coursedesk.data.api;

/**
 * No usable answer arrived: connection refused, a timeout, a certificate that could not be
 * verified, or the connection closed or reset before the whole response was read. The request
 * may or may not have reached the server, so only idempotent calls are repeated after it.
 * {@link #kind()} says which, so that a learner (or their IT person) is told what to check.
 */
public final class ApiUnreachableException extends ApiClientException {

    /** Why no answer arrived. */
    public enum Kind {
        /** No connection: refused, unknown host, no route, or closed before an answer. */
        NO_CONNECTION,
        /** Connected (or trying to), but the server did not answer within the client's timeouts. */
        TIMED_OUT,
        /**
         * The address answers, but its TLS certificate could not be verified (self-signed,
         * expired, issued for another host name): nothing was sent over that connection.
         */
        UNTRUSTED_CERTIFICATE
    }

    private final Kind kind;

    public ApiUnreachableException(String message, Throwable cause) {
        this(Kind.NO_CONNECTION, message, cause);
    }

    public ApiUnreachableException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
