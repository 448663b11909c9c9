package com.coursedesk.data.api;

/**
 * No usable answer arrived: connection refused, a timeout, or the connection closed or
 * reset before the whole response was read. The request may or may not have reached the
 * server, so only idempotent calls are repeated after it.
 */
public final class ApiUnreachableException extends ApiClientException {

    public ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
