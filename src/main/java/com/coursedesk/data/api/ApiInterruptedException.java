package com.coursedesk.data.api;

/**
 * The calling thread was interrupted while waiting for an answer or between retries. The
 * thread's interrupt flag is set again before this is thrown.
 */
public final class ApiInterruptedException extends ApiClientException {

    public ApiInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
