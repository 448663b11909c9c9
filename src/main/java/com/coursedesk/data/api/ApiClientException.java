package com.coursedesk.data.api;

/**
 * Any failure of a billing API call. The subclasses say what kind, so that callers can
 * react differently: the server said no ({@link ApiException}), the server could not be
 * reached ({@link ApiUnreachableException}: keep working offline), the server answered
 * something this client cannot read ({@link ApiProtocolException}), or the calling thread
 * was interrupted ({@link ApiInterruptedException}).
 *
 * <p>Messages name the endpoint, status and error code only: never a password or token.
 */
public abstract sealed class ApiClientException extends RuntimeException
        permits ApiException, ApiUnreachableException, ApiProtocolException, ApiInterruptedException {

    protected ApiClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
