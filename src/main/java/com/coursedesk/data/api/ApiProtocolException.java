package com.coursedesk.data.api;

/**
 * The server answered, but not as the contract says: not JSON, a required field missing,
 * a field of the wrong type, or a value this client does not know. Nothing of such an
 * answer is used.
 */
public final class ApiProtocolException extends ApiClientException {

    public ApiProtocolException(String message) {
        super(message, null);
    }

    public ApiProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
